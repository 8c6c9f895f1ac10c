package io.openta.scheduler.arrivals;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.openta.model.events.DayCommand;
import io.openta.model.rules.Texts;
import io.openta.scheduler.service.DayScheduler;
import io.openta.scheduler.service.NewDayStart;
import io.openta.scheduler.service.StorageRoots;

/**
 * Starts a day on the access app's {@code DAY_FILES_COMPLETE} event (topic {@code openta.file-arrivals}, read by the
 * leader's {@link io.openta.scheduler.messaging.LeaderInbox}). Whether the files are complete is decided once, by the
 * access app's arrival tracker (per expected distributor its index and every file it lists, spec v2 1.7, and the
 * fund manager's files); here the day only starts, recorded as started by {@value #BY}, and only if it was never
 * started: the same event read twice, or again after a crash, starts nothing. While another day is open it is noted
 * ({@link PendingStarts}) and starts once no day is open. {@code FILE_ARRIVED} events are not acted on.
 */
@ApplicationScoped
public class ArrivalStarter {
    /** The "started by" of a day started on its files' arrival. */
    public static final String BY = "arrivals";
    static final String DAY_FILES_COMPLETE = "DAY_FILES_COMPLETE";
    private static final Logger LOG = Logger.getLogger(ArrivalStarter.class);

    private final DayScheduler scheduler;
    private final StorageRoots roots;
    private final ObjectMapper json;
    private final PendingStarts pending;

    public ArrivalStarter(DayScheduler scheduler, StorageRoots roots, ObjectMapper json, PendingStarts pending) {
        this.scheduler = scheduler;
        this.roots = roots;
        this.json = json;
        this.pending = pending;
    }

    /** One record of the arrivals topic; a record that is not JSON fails (the inbox parks it). */
    public void onEvent(String value) throws JsonProcessingException {
        JsonNode event = json.readTree(value);
        if (!DAY_FILES_COMPLETE.equals(event.path("event").asText())) {
            return;
        }
        String date = event.path("date").asText();
        if (date.length() != 8 || !Texts.validDate(date)) {
            LOG.warnf("ignoring a %s event without a valid date: %s", DAY_FILES_COMPLETE, value);
            return;
        }
        if (!roots.configured()) {
            LOG.warnf("day %s: files complete, but no storage roots are configured (openta.storage.inbox-root, "
                    + ".outbox-root): not started", date);
            return;
        }
        NewDayStart r = scheduler.startIfNew(new DayCommand(DayCommand.START, date, roots.inboxOf(date),
                roots.outboxOf(date), UUID.randomUUID().toString(), BY));
        LOG.infof("day %s: expected files are in (%s): %s", date, event.path("distributors"), r);
        if (r == NewDayStart.OTHER_DAY_OPEN) {
            pending.note(date);
        }
    }
}
