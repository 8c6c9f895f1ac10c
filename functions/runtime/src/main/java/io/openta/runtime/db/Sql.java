package io.openta.runtime.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import io.openta.model.events.Traffic;
import io.openta.model.names.LookupOrder;
import io.openta.runtime.db.shadow.ShadowNames;
import io.openta.runtime.db.shadow.TrafficGuard;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.PreparedStatement;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Blocking conveniences over one reactive PostgreSQL connection (Vert.x SQL client) held by a shard task on a worker
 * thread. Shard work is set-based SQL; rows only come to Java where a rule is sequential or a file is written.
 * A shadow transaction's statements are mapped to the shadow schemas here, and a statement its role refuses is
 * reported as a {@link io.openta.runtime.db.shadow.TrafficViolation} ({@link TrafficGuard}).
 */
public final class Sql {
    private final SqlConnection conn;
    private final Traffic traffic;

    /** Production statements as written (the transaction's role, if any, is the caller's business). */
    public Sql(SqlConnection conn) {
        this(conn, Traffic.PRODUCTION);
    }

    /** Statements of a transaction already switched to {@code traffic}'s role ({@link TrafficGuard#enter}). */
    public Sql(SqlConnection conn, Traffic traffic) {
        this.conn = conn;
        this.traffic = traffic;
    }

    public RowSet<Row> query(String sql, Object... args) {
        String text = text(sql);
        try {
            return conn.preparedQuery(text).executeAndAwait(tuple(args));
        } catch (RuntimeException e) {
            throw TrafficGuard.refusal(traffic, text, e);
        }
    }

    /** The first row, or null. */
    public Row one(String sql, Object... args) {
        RowSet<Row> rows = query(sql, args);
        var it = rows.iterator();
        return it.hasNext() ? it.next() : null;
    }

    public int update(String sql, Object... args) {
        return query(sql, args).rowCount();
    }

    /** Runs a statement without parameters (DDL, SET LOCAL, ...). */
    public int exec(String sql) {
        String text = text(sql);
        try {
            return conn.query(text).executeAndAwait().rowCount();
        } catch (RuntimeException e) {
            throw TrafficGuard.refusal(traffic, text, e);
        }
    }

    /**
     * Streams the rows of a query through a cursor, {@code fetch} rows at a time (needs an open transaction); each row
     * is read by name through one map of the result's column positions ({@link StreamedRow}).
     */
    public long stream(String sql, int fetch, Consumer<StreamedRow> each, Object... args) {
        String text = text(sql);
        try {
            return streamText(text, fetch, each, tuple(args));
        } catch (RuntimeException e) {
            throw TrafficGuard.refusal(traffic, text, e);
        }
    }

    private long streamText(String text, int fetch, Consumer<StreamedRow> each, Tuple args) {
        PreparedStatement ps = conn.prepareAndAwait(text);
        long n = 0;
        ToIntFunction<String> lookUp = null;
        LookupOrder order = new LookupOrder();
        try {
            Cursor cursor = ps.cursor(args);
            try {
                do {
                    for (Row row : cursor.readAndAwait(fetch)) {
                        if (lookUp == null) {
                            Map<String, Integer> positions = StreamedRow.positionsOf(row);
                            lookUp = column -> StreamedRow.lookUpIn(positions, column);
                        }
                        each.accept(new StreamedRow(row, order, lookUp));
                        n++;
                    }
                } while (cursor.hasMore());
            } finally {
                cursor.closeAndAwait();
            }
        } finally {
            ps.closeAndAwait();
        }
        return n;
    }

    /**
     * Materialises a query as a temporary table dropped at commit, with statistics. A set-based UPDATE then joins a
     * table whose size the planner knows, instead of a window subquery it may guess at one row and re-run per row.
     */
    public void materialize(String table, String query, Object... args) {
        update("CREATE TEMP TABLE " + table + " ON COMMIT DROP AS " + query, args);
        exec("ANALYZE " + table);
    }

    /** All rows of a query as a list (for small result sets). */
    public List<Row> list(String sql, Object... args) {
        List<Row> out = new ArrayList<>();
        query(sql, args).forEach(out::add);
        return out;
    }

    /** The statement as this transaction's traffic runs it. */
    private String text(String sql) {
        return traffic == Traffic.SHADOW ? ShadowNames.statement(sql) : sql;
    }

    private static Tuple tuple(Object... args) {
        return args.length == 0 ? Tuple.tuple() : Tuple.tuple(new ArrayList<>(Arrays.asList(args)));
    }
}
