package io.openta.runtime.db.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shadow schemas are twins of the production ones: every table, partition, sequence, column (type, nullability,
 * default, collation), index, constraint and grant, read from pg_catalog after both migration runs.
 */
class ShadowSchemaTest {
    /** Each relation of a schema with its columns (a relation without columns, a sequence, has one row). */
    private static final String COLUMNS = """
            SELECT c.relname, c.relkind, c.relpersistence, coalesce(pg_get_expr(c.relpartbound, c.oid), ''),
                   coalesce(c.reloptions::text, ''), coalesce(c.relacl::text, ''), a.attnum, a.attname,
                   format_type(a.atttypid, a.atttypmod), a.attnotnull, coalesce(pg_get_expr(d.adbin, d.adrelid), ''),
                   coalesce(co.collname, '')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'S', 'v', 'm', 'f')
            ORDER BY c.relname, a.attnum""";
    private static final String INDEXES = """
            SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = ? ORDER BY indexname""";
    private static final String CONSTRAINTS = """
            SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = ? ORDER BY 1, 2""";
    private static final String SCHEMA = """
            SELECT n.nspname, coalesce(n.nspacl::text, '') FROM pg_namespace n WHERE n.nspname = ?""";

    private static final Pattern LIST = Pattern.compile("\\{([^}]*)\\}");

    private static MigratedDatabase db;

    @BeforeAll
    static void migrate() throws Exception {
        db = new MigratedDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void everyProductionObjectHasAnIdenticalShadowTwin() throws SQLException {
        int tables = 0;
        for (String schema : ShadowNames.PRODUCTION_SCHEMAS) {
            for (String query : List.of(SCHEMA, COLUMNS, INDEXES, CONSTRAINTS)) {
                List<String> production = describe(query, schema).stream()
                        .map(ShadowSchemaTest::withSortedLists).toList();
                List<String> shadow = describe(query, ShadowNames.shadowSchema(schema)).stream()
                        .map(ShadowSchemaTest::asProduction).map(ShadowSchemaTest::withSortedLists).toList();
                assertTrue(!production.isEmpty(), schema + " has nothing for " + query);
                assertEquals(production, shadow, "shadow_" + schema + " differs from " + schema);
                if (query == COLUMNS) {
                    tables += (int) production.stream().map(r -> r.substring(0, r.indexOf('|'))).distinct().count();
                }
            }
        }
        // the comparison saw the whole model: 24 tables, 8 position partitions, sequences and the history table
        assertTrue(tables > 30, "only " + tables + " relations compared");
    }

    @Test
    void theShadowRunHasItsOwnHistoryOfTheSameVersions() throws SQLException {
        String versions = "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM %s.flyway_schema_history"
                + " WHERE success";
        assertEquals(describe(versions.formatted("sched"), null), describe(versions.formatted("shadow_sched"), null));
    }

    @Test
    void theStartCheckRequiresBothTrafficRoles() throws SQLException {
        ShadowMigration.requireRoles(db.postgres.getPostgresDatabase());
        try (Connection c = db.postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE ROLE plain_app LOGIN");
        }
        var e = assertThrows(IllegalStateException.class,
                () -> ShadowMigration.requireRoles(db.postgres.getDatabase("plain_app", "postgres")));
        assertTrue(e.getMessage().startsWith("openta.shadow.enabled=true, but the database user is not a member of "
                + "both roles openta_production and openta_shadow"), e.getMessage());
    }

    /** A row per result row: the columns joined by '|'. */
    private static List<String> describe(String query, String schema) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.postgres.getPostgresDatabase().getConnection();
                PreparedStatement s = c.prepareStatement(query)) {
            if (schema != null) {
                s.setString(1, schema);
            }
            try (ResultSet r = s.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(i > 1 ? "|" : "").append(r.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }

    /**
     * A description with each list ({@code {a,b}}: access lists, storage options) in sorted order. A table created after
     * V41 takes its grants from the default privileges, and the two sides list the same grants in another order
     * (acct.account_outcome, V49: openta_production's before openta_seed's, openta_seed's before openta_shadow's).
     */
    private static String withSortedLists(String row) {
        Matcher list = LIST.matcher(row);
        StringBuilder out = new StringBuilder();
        while (list.find()) {
            String sorted = Arrays.stream(list.group(1).split(",")).sorted().collect(Collectors.joining(","));
            list.appendReplacement(out, Matcher.quoteReplacement("{" + sorted + "}"));
        }
        list.appendTail(out);
        return out.toString();
    }

    /** A shadow description with the shadow names taken back to production's, to compare the rest. */
    private static String asProduction(String row) {
        return row.replace(ShadowNames.SHADOW_ROLE, ShadowNames.PRODUCTION_ROLE)
                .replace(ShadowNames.SHADOW_PREFIX, "");
    }
}
