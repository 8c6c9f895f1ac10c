package io.openta.scheduler.service;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.openta.verify.VerifyReport;

/**
 * {@code openta_verify_mismatches_total{version, track}}: the mismatches a day's verification found, by the version
 * and track that wrote each wrong record ({@code unattributed} when no task can be named). Every version and track
 * that ran a task of the verified day gets its series, at 0 when it wrote nothing wrong, so the release analysis can
 * tell "the canary worked and was right" (0) from "the canary did no work" (no series). The scheduler's own version
 * is not published before it verifies anything: on Kubernetes every function runs the same image tag, so a series
 * of the canary's version at 0 from the scheduler itself would read as "the canary was judged clean".
 *
 * <p>Only a day's first verification result is counted: {@code GET .../verify} may be called any number of times,
 * and each call must not add the same mismatches again. "First" is per scheduler process (kept in memory): a new
 * leader counts a day again the first time it verifies it, so two scheduler pods may each hold the day's count; the
 * analysis reads the largest value over the pods ({@code max}), never their sum, so that does not double it either.
 * {@code openta_verify_runs_total} counts every run (also from 0 at start), which the analysis reads as "a
 * verification happened in the window".
 */
public final class VerifyMetric {
    static final String MISMATCHES = "openta.verify.mismatches";
    static final String RUNS = "openta.verify.runs";

    private final MeterRegistry metrics;
    private final Set<String> counted = ConcurrentHashMap.newKeySet();

    public VerifyMetric(MeterRegistry metrics) {
        this.metrics = metrics;
        // from 0, so that the first verification after a start is an increase a range query sees
        metrics.counter(RUNS);
    }

    /**
     * Counts one verification of {@code date}; returns whether its mismatches were counted (false for a day this
     * process counted before).
     *
     * @param writers            every version and track that ran a task of the day: each gets its series, at 0 when
     *                           none of its records was wrong
     * @param mismatchesByWriter the mismatches by the writer of the wrong record
     */
    public boolean record(String date, Set<VerifyReport.Writer> writers,
            Map<VerifyReport.Writer, Long> mismatchesByWriter) {
        metrics.counter(RUNS).increment();   // every run, so a dashboard sees verify was called
        if (!counted.add(date)) {
            return false;
        }
        writers.forEach(w -> mismatches(w));
        mismatchesByWriter.forEach((w, n) -> mismatches(w).increment(n));
        return true;
    }

    /** Counts {@link VerifyReport#mismatchesByWriter()} and {@link VerifyReport#writers()} of one verification. */
    public boolean record(String date, VerifyReport report) {
        return record(date, report.writers(), report.mismatchesByWriter());
    }

    private Counter mismatches(VerifyReport.Writer w) {
        return metrics.counter(MISMATCHES, "version", w.version(), "track", w.track());
    }
}
