package io.openta.launcher;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints one bench day beside its floor, like for like: the whole {@code openta day} command (its JVM start to its
 * exit) against the floor of the matching day section of floor-v2.sql (the steps between its {@code === dayN import}
 * and {@code === dayN end} marks, setup not included), and the sum of the stages against the same floor; then each
 * stage with the floor step it matches.
 */
final class BenchReport {
    private BenchReport() {
    }

    /**
     * {@code floor} may be null (no psql or no script): the floor columns stay empty. {@code onServe}: the day command
     * ran on a serve started before it (bench --on-serve).
     */
    static void print(PrintStream out, String floorDay, BenchDayRun day, int accounts, int shards,
            FloorBenchmark.Result floor, boolean onServe) {
        out.println();
        out.printf("bench %s %s (%d accounts, %d shards%s):%n", floorDay, day.date(), accounts, shards,
                onServe ? ", on a running serve" : "");
        out.printf("  %-20s %10s %7s %10s %12s   %s%n", "stage", "records", "shards", "seconds", "records/s",
                "floor step (same server)");
        for (BenchDayRun.Stage s : day.stages()) {
            out.printf(Locale.ROOT, "  %-20s %10d %7d %10.2f %12s   %s%n", s.stage(), s.records(), s.shards(),
                    s.millis() / 1000.0, rate(s.records(), s.millis()), floorStep(floor, floorDay, s.stage()));
        }
        DayCommand.Timing t = day.timing();
        long between = t.day() - t.stageSum();
        out.printf(Locale.ROOT, "  %-44s %9.2f s%n", "whole command (openta day, JVM start to exit)", s(day.whole()));
        out.printf(Locale.ROOT, "    %-42s %9.2f s%n", "launcher JVM start", s(day.launcherJvm()));
        out.printf(Locale.ROOT, "    %-42s %9.2f s%n", onServe
                ? "start-up (on the serve: the command's Kafka clients)" : "start-up (PostgreSQL, Kafka, functions app)",
                s(t.startup()));
        out.printf(Locale.ROOT, "    %-42s %9.2f s%n", "day, START to completed", s(t.day()));
        out.printf(Locale.ROOT, "      %-40s %9.2f s%n", "stage sum", s(t.stageSum()));
        out.printf(Locale.ROOT, "      %-40s %9.2f s%n", "between stages and publishing", s(between));
        out.printf(Locale.ROOT, "    %-42s %9.2f s%n", "shutdown", s(t.shutdown()));
        out.printf(Locale.ROOT, "  %-44s %s%n", onServe ? "functions app peak memory (serve's, so far)"
                : "functions app peak memory (resident)", day.peakMb() < 0 ? "not known"
                        : day.peakMb() + " MB");
        if (!day.disk().isEmpty()) {
            out.printf(Locale.ROOT, "  %-44s %s%n", "disk use after the day", String.join(", ",
                    day.disk().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + " " + mb(e.getValue())).toList()));
        }
        if (floor == null) {
            out.println("  floor: not measured");
            return;
        }
        double f = floor.dayMillis(floorDay).doubleValue();
        out.printf(Locale.ROOT, "  %-44s %9.2f s   (%s)%n", "floor, " + floorDay + " section", f / 1000.0,
                String.join(" + ", floor.steps().getOrDefault(floorDay, java.util.Map.of()).entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(),
                                e.getValue().doubleValue() / 1000.0)).toList()));
        out.printf(Locale.ROOT, "  ratio whole command / floor %.2fx, stage sum / floor %.2fx%n", day.whole() / f,
                t.stageSum() / f);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes >> 20);
    }

    private static String floorStep(FloorBenchmark.Result floor, String floorDay, String stage) {
        List<String> steps = FloorBenchmark.floorStepsOf(stage);
        if (floor == null || steps.isEmpty()) {
            return "";
        }
        String step = steps.get(0);
        if (!floor.steps().getOrDefault(floorDay, java.util.Map.of()).containsKey(step)) {
            return "(none in " + floorDay + ")";
        }
        if ("profit-export".equals(stage)) {
            return "(in export)"; // the floor writes 04, 05 and 06 in one export step
        }
        return String.format(Locale.ROOT, "%s %.2f s", step, floor.stepMillis(floorDay, step).doubleValue() / 1000.0);
    }

    private static double s(long millis) {
        return millis / 1000.0;
    }

    private static String rate(long records, long millis) {
        return millis <= 0 ? "-" : String.format(Locale.ROOT, "%.0f", records * 1000.0 / millis);
    }
}
