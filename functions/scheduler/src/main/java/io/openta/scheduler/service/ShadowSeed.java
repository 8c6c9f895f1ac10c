package io.openta.scheduler.service;

import java.util.List;
import java.util.stream.Collectors;

import io.openta.model.events.DayEvent;
import io.openta.runtime.db.Sql;
import io.openta.runtime.db.shadow.ShadowNames;
import io.vertx.mutiny.sqlclient.Row;

/**
 * What a stress day seeded from production starts from ({@code ./openta stress --from-production}, issue 12): the
 * shadow set emptied ({@link ShadowClean}) and filled with production's last close, so that the stress day of a date
 * clears as production's day of that date would. Production's register is copied whole, every row of every table of
 * {@link #REGISTER_SCHEMAS} (accounts and applications, inbox files, trades and their routes and confirmations, the
 * fund catalogue, quotes, fee rates, positions, moves and income): each row carries the business date of the day
 * that wrote it, and no production day is open, so every row is a closed day's. Of the scheduler's tables, only what
 * a day reads of earlier days: the COMPLETED days (day-init clears only a date after the last of them) and the
 * withdrawals (a day does not read what an operator withdrew from it). The tasks, stage runs, rollback log, published
 * files, parked messages, leadership and release state of production stay out: they are about production's runs,
 * not its data. The access layer's upload log is not read by a day and is not copied.
 * <p>
 * Runs in {@link ShadowSeeding}'s transaction (role {@value ShadowSeeding#SEED_ROLE}, reading a snapshot), whose
 * statements name both sides' tables as written: nothing maps them.
 */
final class ShadowSeed {
    /** The production schemas copied whole. */
    static final List<String> REGISTER_SCHEMAS = List.of("acct", "trd", "clr");
    private static final String OPEN = "('RUNNING', 'PAUSED', 'STOPPED', 'PUBLISHING')";

    private ShadowSeed() {
    }

    /**
     * Why the shadow set may not be seeded now, for a stress day of {@code date}, or null: a production day open
     * mid-way (its tables are not a close), a production day that failed after the last close (its partial work is
     * still in the tables until it is rolled back or cleared), a stress day open in the shadow set (emptying it would
     * pull the state from under its running tasks), or a date not after production's last close.
     */
    static String refusal(Sql sql, String date) {
        Row open = sql.one("SELECT biz_date, status FROM sched.day WHERE status IN " + OPEN
                + " ORDER BY biz_date LIMIT 1");
        if (open != null) {
            return "production day " + open.getString("biz_date") + " is open (" + open.getString("status")
                    + "): its tables are not a close; seed after it completed or was cancelled";
        }
        String lastClose = sql.one("SELECT max(biz_date) AS d FROM sched.day WHERE status = 'COMPLETED'")
                .getString("d");
        Row failed = sql.one("SELECT biz_date FROM sched.day WHERE status = 'FAILED' AND biz_date > coalesce($1, '') "
                + "ORDER BY biz_date LIMIT 1", lastClose);
        if (failed != null) {
            return "production day " + failed.getString("biz_date") + " failed after the last close and its work is "
                    + "still in the tables: roll it back or clear it first";
        }
        Row stress = sql.one("SELECT biz_date, status FROM shadow_sched.day WHERE status IN " + OPEN
                + " ORDER BY biz_date LIMIT 1");
        if (stress != null) {
            return "stress day " + stress.getString("biz_date") + " is open in the shadow set ("
                    + stress.getString("status") + "): wait for it or cancel it first";
        }
        if (lastClose != null && lastClose.compareTo(date) >= 0) {
            return "stress day " + date + " is not later than production's last close " + lastClose
                    + ": a stress day seeded from production clears a later day";
        }
        return null;
    }

    /** Empties the shadow set and copies production's last close into it; returns the answer. */
    static DayEvent seed(Sql sql, String date, String requestId) {
        int emptied = ShadowClean.emptyShadowSchemas(sql);
        long rows = 0;
        int tables = 0;
        for (String schema : REGISTER_SCHEMAS) {
            for (Row t : sql.list("""
                    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1""", schema)) {
                rows += copy(sql, schema, t.getString("relname"), "");
                tables++;
            }
            copySequences(sql, schema);
        }
        rows += copy(sql, "sched", "day", " WHERE status = 'COMPLETED'");
        rows += copy(sql, "sched", "withdrawal", "");
        String lastClose = sql.one("SELECT max(biz_date) AS d FROM shadow_sched.day").getString("d");
        return new DayEvent(DayEvent.SHADOW_SEEDED, date, "", rows, 0, 0, "shadow set seeded from production's last "
                + "close " + (lastClose == null ? "(no day cleared yet)" : lastClose) + ": " + rows + " rows of "
                + (tables + 2) + " tables copied, after emptying " + emptied + " shadow tables", requestId);
    }

    /** Copies the rows of {@code schema.table} (generated columns aside) into its shadow twin; returns how many. */
    private static long copy(Sql sql, String schema, String table, String where) {
        String columns = sql.list("""
                SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                ORDER BY a.attnum""", schema, table).stream().map(r -> quote(r.getString("attname")))
                .collect(Collectors.joining(", "));
        return sql.update("INSERT INTO " + name(ShadowNames.shadowSchema(schema), table) + " (" + columns + ") SELECT "
                + columns + " FROM " + name(schema, table) + where);
    }

    /** Sets each shadow sequence of {@code schema} where production's stands: copied ids are not handed out again. */
    private static void copySequences(Sql sql, String schema) {
        for (Row s : sql.list("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.relkind = 'S' ORDER BY 1""", schema)) {
            String sequence = s.getString("relname");
            sql.one("SELECT setval($1::regclass, last_value, is_called) FROM " + name(schema, sequence),
                    name(ShadowNames.shadowSchema(schema), sequence));
        }
    }

    private static String name(String schema, String relation) {
        return quote(schema) + "." + quote(relation);
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
