package io.openta.scheduler.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.openta.model.events.DayEvent;
import io.openta.model.events.Traffic;
import io.openta.runtime.staging.Staging;
import io.openta.scheduler.messaging.Outbound;
import io.openta.scheduler.repository.DayRow;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The end of a day: its staged files go to the outbox, the day is marked COMPLETED (fenced, as every scheduler
 * write) and announced, then verified in the background. Also sends the scheduler's day events. Called by
 * {@link DayScheduler} (inside its turn) after a decision committed. A stress (shadow) day publishes the same way
 * from its own staging area to its own outbox, its state in the shadow schemas; it is not verified (the release
 * analysis is about production).
 */
@ApplicationScoped
public class DayPublication {
    private static final Logger LOG = Logger.getLogger(DayPublication.class);
    private static final long RETRY_NANOS = 30_000_000_000L;

    private final FencedTransactions db;
    private final Outbound out;
    private final Publisher publisher;
    private final Staging staging;
    private final DayAudit audit;
    /** Last publish attempt per day (System.nanoTime), so that a failing publish is retried at a slow pace. */
    private final Map<String, Long> publishTried = new ConcurrentHashMap<>();

    public DayPublication(FencedTransactions db, Outbound out, Publisher publisher, Staging staging, DayAudit audit) {
        this.db = db;
        this.out = out;
        this.publisher = publisher;
        this.staging = staging;
        this.audit = audit;
    }

    /** Whether the sweep should publish a day left PUBLISHING: never tried here, or the last try was 30 s ago. */
    boolean dueAgain(String date, Traffic traffic) {
        Long tried = publishTried.get(key(date, traffic));
        return tried == null || System.nanoTime() - tried > RETRY_NANOS;
    }

    private static String key(String date, Traffic traffic) {
        return traffic.name() + "/" + date;
    }

    void publish(DayRow day, Traffic traffic) {
        publishTried.put(key(day.date(), traffic), System.nanoTime());
        // the files go out only while this process leads (a stale leader stops here); the copy is of staged
        // bytes, so a leader that dies mid-copy and its successor write the same files
        // and only while the day is as the caller saw it: PUBLISHING, or COMPLETED when the same START came again
        // (its files are sent again); a day another publish completed meanwhile is not published twice
        boolean stillPublishing = db.inTransaction(traffic, sql -> {
            DayRow now = lockDay(sql, day.date());
            return now != null && ("PUBLISHING".equals(now.status())
                    || "COMPLETED".equals(now.status()) && "COMPLETED".equals(day.status()));
        });
        if (!stillPublishing) {
            LOG.infof("day %s is no longer publishing: not publishing it", day.date());
            return;
        }
        List<String> names;
        try {
            names = publisher.publish(day.date(), Path.of(day.outbox()), traffic);
        } catch (RuntimeException ex) {
            LOG.errorf(ex, "publishing day %s failed", day.date());
            sendEvent(new DayEvent(DayEvent.DAY_FAILED, day.date(), "", 0, 0, 0, "publishing the outbox failed: "
                    + ex.getMessage() + " (the day is kept: start it again to publish)", day.requestId(), traffic));
            return;
        }
        int files = names.size();
        long ms = db.inTransaction(traffic, sql -> {
            sql.update("DELETE FROM sched.published_file WHERE biz_date = $1", day.date());
            for (String name : names) {
                sql.update("INSERT INTO sched.published_file (biz_date, file_name, outbox) VALUES ($1, $2, $3)",
                        day.date(), name, day.outbox());
            }
            Row r = sql.one("""
                    UPDATE sched.day SET status = 'COMPLETED', finished_at = now() WHERE biz_date = $1
                    RETURNING (extract(epoch FROM finished_at - started_at) * 1000)::bigint AS ms""", day.date());
            return r == null ? 0L : r.getLong("ms");
        });
        // the day's staged files stay while it is the latest day: a rollback to a stage re-publishes the earlier ones
        staging.of(traffic).deleteDaysBefore(day.date());
        LOG.infof("day %s cleared: %d files in %s", day.date(), files, day.outbox());
        sendEvent(new DayEvent(DayEvent.DAY_COMPLETED, day.date(), "", files, 0, ms,
                files + " files in " + day.outbox(), day.requestId(), traffic));
        if (traffic == Traffic.PRODUCTION) {
            audit.afterDay(day.date(), Path.of(day.outbox()));
        }
    }

    /** Day events inform (the launcher, operators); the state is in the database, so a lost one is logged only. */
    void sendEvent(DayEvent event) {
        try {
            out.publish(event);
        } catch (RuntimeException ex) {
            LOG.errorf("day event %s of %s not sent: %s", event.type(), event.date(), ex.getMessage());
        }
    }

    private static DayRow lockDay(io.openta.runtime.db.Sql sql, String date) {
        Row r = sql.one("SELECT * FROM sched.day WHERE biz_date = $1 FOR UPDATE", date);
        return r == null ? null : DayRow.of(r);
    }
}
