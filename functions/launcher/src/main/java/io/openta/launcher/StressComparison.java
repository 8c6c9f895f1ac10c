package io.openta.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.openta.model.events.DayEvent;

/**
 * One production day cleared alone and beside a stress day of the same date and input ({@link StressBench}): its runs
 * in the order they ran, and what each stage took.
 *
 * @param date        the business date
 * @param alone       the production runs with nothing beside them
 * @param beside      the production runs while a stress day ran
 * @param stress      the stress days, one per run beside
 * @param overlapMs   per run beside: how long the stress day and the production day ran at the same time
 * @param order       the runs in the order they ran ("alone", "beside", ...)
 * @param sameOutbox  whether every production run wrote the same files (names and bytes)
 * @param stressSame  whether every stress day wrote the same files as production
 * @param files       how many files a production run wrote
 */
record StressComparison(String date, List<DayOutcome> alone, List<DayOutcome> beside, List<DayOutcome> stress,
        List<Long> overlapMs, List<String> order, boolean sameOutbox, boolean stressSame, int files) {

    /** A stage's records and milliseconds in one run. */
    record StageRun(long records, long millis) {
    }

    /** Each stage's record count and time in each of the runs, stages in the order the first run completed them. */
    static Map<String, List<StageRun>> byStage(List<DayOutcome> runs) {
        Map<String, List<StageRun>> out = new LinkedHashMap<>();
        for (DayOutcome o : runs) {
            for (DayEvent e : o.stages()) {
                out.computeIfAbsent(e.stage(), k -> new ArrayList<>()).add(new StageRun(e.records(), e.millis()));
            }
        }
        return out;
    }

    /** The stages of the production runs, in the order they ran. */
    List<String> stages() {
        return List.copyOf(byStage(alone).keySet());
    }

    /** The median of the stage's milliseconds over {@code runs} (the mean of the middle two for an even count). */
    static long median(List<StageRun> runs) {
        if (runs == null || runs.isEmpty()) {
            return -1;
        }
        List<Long> sorted = runs.stream().map(StageRun::millis).sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The median over the runs of the sum of the stages (the stage sum of {@code openta day}). */
    static long medianStageSum(List<DayOutcome> runs) {
        return median(runs.stream().map(o -> new StageRun(0, o.stages().stream().mapToLong(DayEvent::millis).sum()))
                .toList());
    }

    /** The median over the runs of START to completed. */
    static long medianDay(List<DayOutcome> runs) {
        return median(runs.stream().map(o -> new StageRun(0, o.millis())).toList());
    }
}
