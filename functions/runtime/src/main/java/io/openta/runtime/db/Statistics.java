package io.openta.runtime.db;

/**
 * Planner statistics for the day's rows. The day tables hold every day, and the newest business date is not in the
 * statistics until someone analyses them: the planner then takes "this day" for one row and joins it by re-scanning
 * (seconds turn into minutes). So the single-task steps that follow a bulk load analyse what it wrote, with a small
 * sample: a few thousand rows tell the day's size well enough, and cost milliseconds even on large tables.
 */
public final class Statistics {
    private Statistics() {
    }

    public static void refresh(Sql sql, String... tables) {
        sql.exec("SET LOCAL default_statistics_target = 10");
        sql.exec("ANALYZE " + String.join(", ", tables));
        sql.exec("RESET default_statistics_target");
    }
}
