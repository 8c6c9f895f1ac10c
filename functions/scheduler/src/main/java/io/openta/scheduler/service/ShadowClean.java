package io.openta.scheduler.service;

import java.util.List;
import java.util.stream.Collectors;

import io.openta.runtime.db.Sql;
import io.openta.runtime.db.shadow.ShadowNames;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Empties the shadow schemas ({@code ./openta stress clean}, issue 12): every table of the shadow set but the shadow
 * migration's history, in one TRUNCATE. Run in a shadow transaction, whose role may not touch a production table,
 * or in the seed's ({@link ShadowSeeding}), whose role may not write one: the statement names shadow tables alone.
 * Sequences keep their values (restarting them needs their owner, the migrating user, not the shadow role); ids stay
 * unique.
 */
final class ShadowClean {
    /** The shadow Flyway run's history table ({@code ShadowMigration}): emptying it would migrate again. */
    private static final String HISTORY = "flyway_schema_history";

    private ShadowClean() {
    }

    /** Truncates the shadow tables; returns how many. */
    static int emptyShadowSchemas(Sql sql) {
        String schemas = ShadowNames.shadowSchemas().stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
        List<Row> tables = sql.list("SELECT schemaname, tablename FROM pg_catalog.pg_tables WHERE schemaname IN ("
                + schemas + ") AND tablename <> $1 ORDER BY 1, 2", HISTORY);
        if (tables.isEmpty()) {
            return 0;
        }
        sql.exec("TRUNCATE " + tables.stream().map(r -> quote(r.getString("schemaname")) + "." + quote(r.getString(
                "tablename"))).collect(Collectors.joining(", ")));
        return tables.size();
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
