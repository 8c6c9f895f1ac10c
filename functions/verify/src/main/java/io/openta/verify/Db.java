package io.openta.verify;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The verifier's only way to the state: read-only queries over plain JDBC. {@code :d} in a query stands for the
 * day being verified (validated as 8 digits before, so it is inlined as a literal); {@code ?} are bound to the
 * arguments in order.
 */
final class Db {
    /** Receives one row. */
    interface Row {
        void row(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final String date;

    Db(Connection connection, String date) {
        this.connection = Objects.requireNonNull(connection, "db");
        if (date == null || !date.matches("\\d{8}")) {
            throw new IllegalArgumentException("date must be YYYYMMDD: " + date);
        }
        this.date = date;
    }

    String date() {
        return date;
    }

    void query(String sql, Row fn, Object... args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql.replace(":d", "'" + date + "'"))) {
            ps.setFetchSize(5000);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fn.row(rs);
                }
            }
        }
    }

    /** The first column of the first row, or null. */
    String string(String sql, Object... args) throws SQLException {
        String[] v = {null};
        boolean[] seen = {false};
        query(sql, rs -> {
            if (!seen[0]) {
                seen[0] = true;
                v[0] = rs.getString(1);
            }
        }, args);
        return v[0];
    }

    /** The first column of the first row as a number, 0 when there is none. */
    BigDecimal number(String sql, Object... args) throws SQLException {
        BigDecimal[] v = {BigDecimal.ZERO};
        query(sql, rs -> v[0] = rs.getBigDecimal(1) == null ? BigDecimal.ZERO : rs.getBigDecimal(1), args);
        return v[0];
    }

    long count(String sql, Object... args) throws SQLException {
        return number(sql, args).longValue();
    }

    /** The first column of every row. */
    List<String> strings(String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        query(sql, rs -> out.add(rs.getString(1)), args);
        return out;
    }
}
