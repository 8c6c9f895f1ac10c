package io.openta.scheduler.service;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.openta.verify.VerifyReport;

/**
 * {@code openta_verify_mismatches_total{version, track}}: the mismatches a day's verification found, by the version
 * and track that wrote each wrong record ({@code unattributed} when no task can be named). Only a day's first
 * verification result is counted: {@code GET .../verify} may be called any number of times, and each call must not
 * add the same mismatches again. "First" is per scheduler process (kept in memory): a new leader counts a day again
 * the first time it verifies it, which a rate over the counter across pods does not add up twice within one pod.
 */
public final class VerifyMetric {
    static final String MISMATCHES = "openta.verify.mismatches";
    static final String RUNS = "openta.verify.runs";

    private final MeterRegistry metrics;
    private final Set<String> counted = ConcurrentHashMap.newKeySet();

    public VerifyMetric(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /**
     * Also publishes this process's own version and track at zero from the start: a clean day adds nothing, and a
     * counter that never appeared would read as "no data" to the release analysis rather than "no mismatch".
     */
    public VerifyMetric(MeterRegistry metrics, String version, String track) {
        this(metrics);
        metrics.counter(MISMATCHES, "version", version, "track", track);
    }

    /**
     * Counts one verification of {@code date}; returns whether its mismatches were counted (false for a day this
     * process counted before).
     */
    public boolean record(String date, Map<VerifyReport.Writer, Long> mismatchesByWriter) {
        metrics.counter(RUNS).increment();   // every run, so a dashboard sees verify was called
        if (!counted.add(date)) {
            return false;
        }
        mismatchesByWriter.forEach((w, n) -> metrics.counter(MISMATCHES, "version", w.version(), "track", w.track())
                .increment(n));
        return true;
    }
}
