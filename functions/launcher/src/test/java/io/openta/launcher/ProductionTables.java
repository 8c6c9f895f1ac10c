package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the stress-day tests (issue 12) share: production's table checksums, and running the launcher in-process. */
final class ProductionTables {
    /** The schemas of the clearing data; sched (timestamps, request ids of each run) is compared by its outcome. */
    static final List<String> DATA_SCHEMAS = List.of("acct", "trd", "clr", "access");

    private ProductionTables() {
    }

    /**
     * A checksum of each production table's content (row count and md5 of its sorted rows), leaving out what differs
     * between two runs of the same day by design: timestamps and generated serial ids.
     */
    static Map<String, String> checksums(SharedInfra infra) throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        String schemas = String.join("', '", DATA_SCHEMAS);
        try (Connection c = infra.jdbc(); Statement st = c.createStatement()) {
            try (ResultSet r = st.executeQuery("SELECT c.table_schema || '.' || c.table_name, string_agg("
                    + "quote_ident(c.column_name), ', ' ORDER BY c.ordinal_position) FROM information_schema.columns c "
                    + "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = "
                    + "c.table_name AND t.table_type = 'BASE TABLE' WHERE c.table_schema IN ('" + schemas + "') "
                    + "AND c.data_type NOT LIKE 'timestamp%' AND coalesce(c.column_default, '') NOT LIKE 'nextval%' "
                    + "AND c.is_identity = 'NO' GROUP BY 1")) {
                while (r.next()) {
                    columns.put(r.getString(1), r.getString(2));
                }
            }
            Map<String, String> sums = new TreeMap<>();
            for (var e : columns.entrySet()) {
                try (ResultSet r = st.executeQuery("SELECT count(*) || ':' || md5(coalesce(string_agg(x::text, "
                        + "E'\\n' ORDER BY x::text), '')) FROM (SELECT " + e.getValue() + " FROM " + e.getKey()
                        + ") x")) {
                    r.next();
                    sums.put(e.getKey(), r.getString(1));
                }
            }
            return sums;
        }
    }

    /** {@code args} followed by {@code on} (the serve's URL, broker and data folder). */
    static String[] with(List<String> on, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(on);
        return all.toArray(String[]::new);
    }

    /** Runs the launcher in this JVM; asserts its exit code; returns its standard output (then its errors). */
    static String run(int expected, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // a day (or clean) that gets no answer fails the test in two minutes, not the default half hour
        int code = new OpenTa(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("OPENTA_DAY_TIMEOUT_SECONDS", "120"))
                .run(args);
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(expected, code, String.join(" ", args) + ":\n" + stdout + err.toString(StandardCharsets.UTF_8));
        return stdout + err.toString(StandardCharsets.UTF_8);
    }
}
