package io.openta.scheduler.arrivals;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.openta.model.events.DayCommand;
import io.openta.runtime.config.OpenTaConfig;
import io.openta.scheduler.service.DayScheduler;
import io.openta.scheduler.service.Leadership;
import io.openta.scheduler.service.NewDayStart;
import io.openta.scheduler.service.LeaderTimer;
import io.openta.scheduler.service.StorageRoots;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The cut-off ({@code openta.arrivals.cut-off}): once today's local time has passed it, the leader starts today's
 * day with what has arrived - if the day was never started and its inbox folder holds at least one file - recorded
 * as started by {@value #BY}. Through {@link DayScheduler#startIfNew}, so a day the arrivals or an operator started
 * is left alone. Its own thread, looking every {@code openta.arrivals.check-every}; followers do nothing.
 */
@ApplicationScoped
public class CutOffStarter {
    /** The "started by" of a day started at the cut-off. */
    public static final String BY = "cut-off";
    private static final Logger LOG = Logger.getLogger(CutOffStarter.class);

    private final DayScheduler scheduler;
    private final Leadership leadership;
    private final StorageRoots roots;
    private final ArrivalsConfig config;
    private final LocalTime cutOff;
    private final ZoneId zone;
    private volatile LeaderTimer timer;
    /** The last date this process found started (by anyone): nothing more to do for it. */
    private String handled;

    public CutOffStarter(DayScheduler scheduler, Leadership leadership, StorageRoots roots, ArrivalsConfig config) {
        this.scheduler = scheduler;
        this.leadership = leadership;
        this.roots = roots;
        this.config = config;
        this.cutOff = config.cutOff().map(CutOffStarter::time).orElse(null);
        this.zone = config.zone().map(CutOffStarter::zone).orElse(ZoneId.systemDefault());
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.trim());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("openta.arrivals.cut-off '" + text + "' is not a time HH:MM (e.g. 15:30)");
        }
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("openta.arrivals.zone '" + text + "' is not a time zone (e.g. "
                    + "Europe/Paris)");
        }
    }

    void onStart(@Observes StartupEvent event, OpenTaConfig openTa) {
        if (openTa.migrateOnly() || !config.enabled() || cutOff == null) {
            return;
        }
        if (!roots.configured()) {
            LOG.warnf("openta.arrivals.cut-off is set but no storage roots are: no day starts at the cut-off");
            return;
        }
        LOG.infof("cut-off %s (%s): today's day starts then with what has arrived", cutOff, zone);
        timer = LeaderTimer.start("cut-off", config.checkEvery(), leadership, () -> check(ZonedDateTime.now(zone)));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.stop();
        }
    }

    /** Starts today's day if {@code now} is past the cut-off, it never started and something arrived. */
    void check(ZonedDateTime now) {
        if (now.toLocalTime().isBefore(cutOff)) {
            return;
        }
        // the local date alone: BASIC_ISO_DATE on a zoned time would append its offset
        String date = now.toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE);
        if (date.equals(handled) || !anyFile(Path.of(roots.inboxOf(date)))) {
            return;
        }
        NewDayStart r = scheduler.startIfNew(new DayCommand(DayCommand.START, date, roots.inboxOf(date),
                roots.outboxOf(date), UUID.randomUUID().toString(), BY));
        if (r != NewDayStart.OTHER_DAY_OPEN) {
            handled = date;
        }
        if (r == NewDayStart.STARTED) {
            LOG.infof("day %s: cut-off %s passed: started with the files that have arrived", date, cutOff);
        }
    }

    private static boolean anyFile(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            LOG.warnf("cannot read %s: %s", dir, e);
            return false;
        }
    }
}
