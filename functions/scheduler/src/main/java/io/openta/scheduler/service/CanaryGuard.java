package io.openta.scheduler.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.openta.model.events.Stage;
import io.openta.runtime.config.Track;
import io.openta.runtime.db.Sql;
import io.openta.runtime.db.Transactions;
import io.openta.runtime.staging.Staging;
import io.openta.scheduler.repository.CanaryWork;
import io.openta.scheduler.repository.DayRollback;
import io.openta.scheduler.repository.DayRow;
import io.openta.scheduler.repository.ReleaseRepository;
import io.openta.verify.VerifyReport;

/**
 * A wrong canary never publishes. Before a day on which the canary did work publishes its files, {@link #judge}
 * verifies it; the canary's work is undone ({@link CanaryWork#undo}: canary aborted, the day back to the boundary
 * before the earliest stage the canary touched, stable clearing that again without a segment) when
 * <ul>
 * <li>verify finds a mismatch in a row a canary-track task wrote ({@link Reason#VERIFY});</li>
 * <li>the canary was aborted from outside ({@code ./openta release abort}) while the day had canary work not yet
 * published ({@link Reason#ABORTED}): undone here, when the day would publish, so nothing is taken back under
 * tasks still running;</li>
 * <li>a canary-lane task of the running step waited {@code openta.release.canary-timeout} with no process running it
 * ({@link #unserved}, {@link Reason#NO_CONSUMER}): a canary that died never blocks the day.</li>
 * </ul>
 * Each undo is logged in {@code sched.rollback_log} (kind CANARY), in the scheduler's log, and counted in
 * {@code openta_release_canary_undone_total{reason}}.
 */
@ApplicationScoped
public class CanaryGuard {
    private static final Logger LOG = Logger.getLogger(CanaryGuard.class);
    static final String UNDONE = "openta.release.canary.undone";
    private static final int MISMATCHES_LOGGED = 50;

    /** Why the canary's work of a day was undone. */
    public enum Reason {
        VERIFY("verify-mismatch"),
        ABORTED("aborted"),
        NO_CONSUMER("no-consumer");

        private final String id;

        Reason(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** An undo of the canary's work of {@code date}, back to the boundary before {@code to}. */
    public record Undo(String date, Stage to, Reason reason, String detail) {
        String line() {
            return reason.id() + ": " + detail;
        }
    }

    private final Transactions reads;
    private final DayAudit audit;
    private final Staging staging;
    private final ReleaseConfig config;
    private final MeterRegistry metrics;

    public CanaryGuard(Transactions reads, DayAudit audit, Staging staging, ReleaseConfig config,
            MeterRegistry metrics) {
        this.reads = reads;
        this.audit = audit;
        this.staging = staging;
        this.config = config;
        this.metrics = metrics;
        for (Reason r : Reason.values()) {
            metrics.counter(UNDONE, "reason", r.id());   // from 0, so that an increase is seen
        }
    }

    private record Work(Optional<Stage> earliest, boolean aborted) {
    }

    /**
     * Whether the day may publish: null when it may (no canary work, or the canary's work verified clean), else the
     * undo to make. Throws when the verification cannot run (the day then stays PUBLISHING and is judged again).
     */
    public Undo judge(DayRow day) {
        Work work = reads.inTransaction(sql -> new Work(CanaryWork.earliestStage(sql, day.date()),
                ReleaseRepository.read(sql).aborted()));
        if (work.earliest().isEmpty()) {
            return null;
        }
        Stage to = work.earliest().get();
        if (work.aborted()) {
            return new Undo(day.date(), to, Reason.ABORTED, "the canary was aborted before day " + day.date()
                    + " published its files");
        }
        VerifyReport report = audit.verifyBeforePublish(day.date());
        List<VerifyReport.Mismatch> wrong = report.mismatches().stream()
                .filter(m -> Track.CANARY.id().equals(m.writer().track())).toList();
        long count = report.mismatchesByWriter().entrySet().stream()
                .filter(e -> Track.CANARY.id().equals(e.getKey().track())).mapToLong(e -> e.getValue()).sum();
        if (count == 0) {
            LOG.infof("day %s: the canary's work verified before publishing: no mismatch in a row the canary wrote",
                    day.date());
            return null;
        }
        // each wrong row of the canary's, so that an operator sees what the canary got wrong before it is undone
        wrong.stream().limit(MISMATCHES_LOGGED).forEach(m -> LOG.warnf(
                "day %s: before publishing, verify found in a row the canary wrote: %s", day.date(), m));
        return new Undo(day.date(), to, Reason.VERIFY, count + " mismatches in rows the canary wrote, e.g. "
                + (wrong.isEmpty() ? "(none kept)" : wrong.get(0)));
    }

    /**
     * The undo to make when a canary-lane task of the day's running step has waited longer than the canary timeout
     * with no process running it; empty otherwise.
     */
    public Optional<Undo> unserved(Sql sql, DayRow day) {
        if (day.step().isEmpty()
                || !CanaryWork.laneUnserved(sql, day.date(), day.stage(), day.step(), config.canaryTimeout())) {
            return Optional.empty();
        }
        return CanaryWork.earliestStage(sql, day.date()).map(to -> new Undo(day.date(), to, Reason.NO_CONSUMER,
                "no process ran a canary-lane task of " + day.stage() + "/" + day.step() + " within "
                        + config.canaryTimeout()));
    }

    /** Makes the undo in the caller's transaction (which then starts the stage again) and drops its staged files. */
    public void undo(Sql sql, Undo undo) {
        CanaryWork.undo(sql, undo.date(), undo.to(), undo.line());
        for (String stage : DayRollback.stagesFrom(undo.to())) {
            staging.deleteStage(undo.date(), stage);
        }
    }

    /** After the undo committed: its log line and its count. */
    public void undone(Undo undo) {
        metrics.counter(UNDONE, "reason", undo.reason().id()).increment();
        LOG.warnf("day %s: canary aborted and its work undone (%s): back to before %s, stable clears it again",
                undo.date(), undo.line(), undo.to().id());
    }
}
