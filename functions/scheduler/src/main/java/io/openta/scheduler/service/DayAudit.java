package io.openta.scheduler.service;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.openta.runtime.config.OpenTaConfig;
import io.openta.runtime.config.Track;
import io.openta.verify.DayVerifier;
import io.openta.verify.VerifyReport;

/**
 * Proves each completed day record by record (the independent {@link DayVerifier}, as {@code ./openta verify} does)
 * and counts what it finds in {@code openta_verify_mismatches_total{version, track}} ({@link VerifyMetric}: a day's
 * first result only, each mismatch under the version and track of the task that wrote its record). Runs after the
 * day's files went out, off the scheduler's thread.
 */
@ApplicationScoped
public class DayAudit {
    private static final Logger LOG = Logger.getLogger(DayAudit.class);

    private final DataSource db;
    private final OpenTaConfig config;
    private final SchedulerConfig scheduling;
    private final VerifyMetric metric;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "openta-day-audit");
        t.setDaemon(true);
        return t;
    });

    public DayAudit(DataSource db, OpenTaConfig config, SchedulerConfig scheduling, MeterRegistry metrics) {
        this.db = db;
        this.config = config;
        this.scheduling = scheduling;
        this.metric = new VerifyMetric(metrics);
    }

    /**
     * Nothing more than creating this bean: its {@link VerifyMetric} publishes the verify counters at 0 (called at
     * start by {@link ClearingWindowMetric}, as the bean is otherwise created at its first use).
     */
    void publishCounters() {
        // the constructor did it
    }

    /** A summary an API can return. */
    public record Result(String date, boolean ok, List<VerifyReport.Check> checks, List<VerifyReport.Mismatch> mismatches,
            List<String> notes) {
    }

    public Result verify(String date, Path outbox) {
        try (Connection c = db.getConnection()) {
            VerifyReport report = new DayVerifier().verify(c, date, outbox, config.taCode());
            metric.record(date, report);
            List<VerifyReport.Mismatch> shown = report.mismatches();
            return new Result(date, report.ok(), report.checks(), shown.subList(0, Math.min(100, shown.size())),
                    report.notes());
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("verifying day " + date + ": " + e.getMessage(), e);
        }
    }

    /**
     * Verifies a day before its files go out, for {@link CanaryGuard}: the files are not in the outbox yet, so only
     * the findings in the state count (a missing file is reported unattributed and ignored there). The mismatches in
     * rows a canary-track task wrote are counted in {@code openta_verify_mismatches_total} under the canary's
     * version, once per day, as the release analysis judges the canary by them; the day's own verification after
     * publishing is counted as before.
     */
    public VerifyReport verifyBeforePublish(String date) {
        try (Connection c = db.getConnection()) {
            VerifyReport report = new DayVerifier().verify(c, date, null, config.taCode());
            Set<VerifyReport.Writer> canary = report.writers().stream()
                    .filter(w -> Track.CANARY.id().equals(w.track())).collect(Collectors.toSet());
            Map<VerifyReport.Writer, Long> wrong = report.mismatchesByWriter().entrySet().stream()
                    .filter(e -> canary.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            metric.record(date + " before publishing", canary, wrong);
            return report;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("verifying day " + date + " before publishing: " + e.getMessage(), e);
        }
    }

    /** After a day completed: verify it in the background, when configured to (openta.scheduler.verify-after-day). */
    public void afterDay(String date, Path outbox) {
        if (!scheduling.verifyAfterDay()) {
            return;
        }
        worker.submit(() -> {
            try {
                Result r = verify(date, outbox);
                if (r.ok()) {
                    LOG.infof("day %s verified: %d checks, no mismatch", date, r.checks().size());
                } else {
                    LOG.errorf("day %s verification found mismatches, e.g. %s", date, r.mismatches());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "verification of day %s could not run", date);
            }
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
