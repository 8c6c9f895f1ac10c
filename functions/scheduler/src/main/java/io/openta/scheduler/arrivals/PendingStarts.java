package io.openta.scheduler.arrivals;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.openta.model.events.DayCommand;
import io.openta.runtime.config.OpenTaConfig;
import io.openta.scheduler.service.DayScheduler;
import io.openta.scheduler.service.FencedTransactions;
import io.openta.scheduler.service.Leadership;
import io.openta.scheduler.service.NewDayStart;
import io.openta.scheduler.service.LeaderTimer;
import io.openta.scheduler.service.StorageRoots;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Days whose files were complete while another day was open ({@code sched.pending_start}): {@link ArrivalStarter}
 * notes them, and the leader starts the earliest, as started by {@value ArrivalStarter#BY}, once no day is open -
 * looking every {@code openta.arrivals.check-every} - then forgets it. A noted day that an operator started (or
 * cancelled) meanwhile is forgotten without a start. Kept in the database, so a new leader goes on with them.
 */
@ApplicationScoped
public class PendingStarts {
    private static final Logger LOG = Logger.getLogger(PendingStarts.class);

    private final FencedTransactions db;
    private final DayScheduler scheduler;
    private final Leadership leadership;
    private final StorageRoots roots;
    private final ArrivalsConfig config;
    private volatile LeaderTimer timer;

    public PendingStarts(FencedTransactions db, DayScheduler scheduler, Leadership leadership, StorageRoots roots,
            ArrivalsConfig config) {
        this.db = db;
        this.scheduler = scheduler;
        this.leadership = leadership;
        this.roots = roots;
        this.config = config;
    }

    /** Notes that day {@code date}'s files are in but it could not start (another day is open). */
    void note(String date) {
        db.inTransaction(sql -> sql.update("INSERT INTO sched.pending_start (biz_date, started_by) VALUES ($1, $2) "
                + "ON CONFLICT DO NOTHING", date, ArrivalStarter.BY));
        LOG.infof("day %s: its files are in; it starts when the open day is closed", date);
    }

    void onStart(@Observes StartupEvent event, OpenTaConfig openTa) {
        if (openTa.migrateOnly() || !config.enabled() || !roots.configured()) {
            return;
        }
        timer = LeaderTimer.start("pending-starts", config.checkEvery(), leadership, this::startNext);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.stop();
        }
    }

    /** Starts the earliest noted day if no other day is open; forgets the noted days that are known already. */
    void startNext() {
        while (true) {
            Row next = db.inTransaction(sql -> sql.one("SELECT biz_date FROM sched.pending_start ORDER BY biz_date "
                    + "LIMIT 1"));
            if (next == null) {
                return;
            }
            String date = next.getString("biz_date");
            NewDayStart r = scheduler.startIfNew(new DayCommand(DayCommand.START, date, roots.inboxOf(date),
                    roots.outboxOf(date), UUID.randomUUID().toString(), ArrivalStarter.BY));
            if (r == NewDayStart.OTHER_DAY_OPEN) {
                return;
            }
            db.inTransaction(sql -> sql.update("DELETE FROM sched.pending_start WHERE biz_date = $1", date));
            LOG.infof("day %s: %s", date, r == NewDayStart.STARTED ? "started now that no other day is open"
                    : "started or closed meanwhile: not started by its files");
            if (r == NewDayStart.STARTED) {
                return;
            }
        }
    }
}
