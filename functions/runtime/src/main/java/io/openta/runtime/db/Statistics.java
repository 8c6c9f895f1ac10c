package io.openta.runtime.db;

/**
 * Fresh planner statistics where a day's bulk load changed a table a lot (its first days, or a day far larger than
 * usual); otherwise the statistics autovacuum keeps are good enough, and ANALYZE of a large table costs seconds.
 */
public final class Statistics {
    private Statistics() {
    }

    /** ANALYZE {@code table} when {@code rowsAdded} is more than a tenth of the rows it had at its last analysis. */
    public static void refreshIfGrown(Sql sql, String table, long rowsAdded) {
        double known = sql.one("SELECT reltuples::float8 AS n FROM pg_class WHERE oid = $1::regclass", table)
                .getDouble("n");
        if (known < 0 || rowsAdded > known / 10) {
            sql.exec("ANALYZE " + table);
        }
    }
}
