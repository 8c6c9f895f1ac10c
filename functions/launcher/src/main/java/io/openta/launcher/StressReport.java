package io.openta.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints a {@link StressComparison}: per stage the production day's seconds alone and beside the stress day (the
 * median of its runs, each run listed too), the slowdown, and the stress day's records, seconds and records/s; then
 * one {@code FIGURE stress-stage} line per stage for scripts.
 */
final class StressReport {
    private StressReport() {
    }

    static void print(PrintStream out, StressComparison c, int accounts, int trades, int shards) {
        out.println();
        out.printf("bench stress day %s (%d accounts, %d trades, %d shards), runs in order: %s%n", c.date(), accounts,
                trades, shards, String.join(", ", c.order()));
        out.printf("  %-19s %9s %9s %9s %9s   %-20s %-14s %10s %9s %10s%n", "stage", "records", "alone s", "beside s",
                "slowdown", "alone runs s", "beside runs s", "stress rec", "stress s", "stress r/s");
        Map<String, List<StressComparison.StageRun>> alone = StressComparison.byStage(c.alone());
        Map<String, List<StressComparison.StageRun>> beside = StressComparison.byStage(c.beside());
        Map<String, List<StressComparison.StageRun>> stress = StressComparison.byStage(c.stress());
        for (String stage : c.stages()) {
            long a = StressComparison.median(alone.get(stage));
            long b = StressComparison.median(beside.get(stage));
            long s = StressComparison.median(stress.get(stage));
            long records = alone.get(stage).get(0).records();
            long stressRecords = stress.containsKey(stage) ? stress.get(stage).get(0).records() : 0;
            out.printf(Locale.ROOT, "  %-19s %9d %9s %9s %9s   %-20s %-14s %10d %9s %10s%n", stage, records, sec(a),
                    sec(b), slowdown(a, b), runs(alone.get(stage)), runs(beside.get(stage)), stressRecords, sec(s),
                    rate(stressRecords, s));
        }
        long a = StressComparison.medianStageSum(c.alone());
        long b = StressComparison.medianStageSum(c.beside());
        out.printf(Locale.ROOT, "  %-19s %9s %9s %9s %9s%n", "stage sum", "", sec(a), sec(b), slowdown(a, b));
        long dayAlone = StressComparison.medianDay(c.alone());
        long dayBeside = StressComparison.medianDay(c.beside());
        out.printf(Locale.ROOT, "  production day, START to completed: %s s alone, %s s beside (%s); the stress day "
                + "took %s s; the two days ran side by side for %s s (as the launcher saw them)%n", sec(dayAlone),
                sec(dayBeside),
                slowdown(dayAlone, dayBeside), sec(StressComparison.medianDay(c.stress())),
                c.overlapMs().stream().map(StressReport::sec).collect(Collectors.joining("/")));
        int runs = c.alone().size() + c.beside().size();
        out.printf("  production outbox: %d files, %s; the stress day's outbox: %s%n", c.files(),
                c.sameOutbox() ? "the same bytes in all " + runs + " runs" : "DIFFERS between runs",
                c.stressSame() ? "the same files as production's" : "DIFFERS from production's");
        for (String stage : c.stages()) {
            long sa = StressComparison.median(alone.get(stage));
            long sb = StressComparison.median(beside.get(stage));
            long ss = StressComparison.median(stress.get(stage));
            long sr = stress.containsKey(stage) ? stress.get(stage).get(0).records() : 0;
            out.printf(Locale.ROOT, "FIGURE stress-stage day=%s stage=%s alone-s=%s beside-s=%s slowdown-pct=%s "
                    + "stress-records=%d stress-s=%s stress-records-per-s=%s%n", c.date(), stage, sec(sa), sec(sb),
                    slowdown(sa, sb).replace("%", ""), sr, sec(ss), rate(sr, ss));
        }
        out.printf(Locale.ROOT, "FIGURE stress-day day=%s alone-stage-sum-s=%s beside-stage-sum-s=%s slowdown-pct=%s%n",
                c.date(), sec(a), sec(b), slowdown(a, b).replace("%", ""));
    }

    /** {@code +12.5%}: how much longer beside than alone, to a tenth of a percent; {@code -} without a time alone. */
    static String slowdown(long aloneMs, long besideMs) {
        if (aloneMs <= 0 || besideMs < 0) {
            return "-";
        }
        BigDecimal pct = BigDecimal.valueOf(besideMs - aloneMs).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(aloneMs), 1, RoundingMode.HALF_UP);
        return (pct.signum() > 0 ? "+" : "") + pct.toPlainString() + "%";
    }

    /** The machine's load average (1, 5 and 15 minutes) from /proc/loadavg, or "not available". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2] + " (1, 5, 15 min; " + Runtime.getRuntime().availableProcessors()
                    + " cores)";
        } catch (IOException | RuntimeException e) {
            return "not available";
        }
    }

    private static String runs(List<StressComparison.StageRun> runs) {
        return runs == null ? "-" : runs.stream().map(r -> sec(r.millis())).collect(Collectors.joining("/"));
    }

    private static String sec(long millis) {
        return millis < 0 ? "-" : BigDecimal.valueOf(millis).movePointLeft(3).setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static String rate(long records, long millis) {
        return millis <= 0 ? "-" : BigDecimal.valueOf(records * 1000L).divide(BigDecimal.valueOf(millis), 0,
                RoundingMode.HALF_UP).toPlainString();
    }
}
