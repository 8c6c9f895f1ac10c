package io.openta.runtime.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects rows column by column and writes them with one statement per chunk: each column travels as a text array
 * that the statement unnests and casts ({@code unnest($3::text[], $4::text[]::numeric[], ...)}), so thousands of rows
 * cost one round trip. The statement's leading parameters ($1..$k) are fixed per batch; the columns follow.
 */
public final class ColumnBatch {
    private static final int CHUNK = 5000;

    private final Sql sql;
    private final String statement;
    private final Object[] fixed;
    private final String[][] columns;
    private int size;
    private long total;

    public ColumnBatch(Sql sql, String statement, int columnCount, Object... fixed) {
        this.sql = sql;
        this.statement = statement;
        this.fixed = fixed;
        this.columns = new String[columnCount][CHUNK];
    }

    /** Adds a row; values are written with {@code String.valueOf}, nulls stay NULL. */
    public void add(Object... row) {
        if (row.length != columns.length) {
            throw new IllegalArgumentException("expected " + columns.length + " columns, got " + row.length);
        }
        for (int c = 0; c < row.length; c++) {
            columns[c][size] = row[c] == null ? null : row[c].toString();
        }
        if (++size == CHUNK) {
            flush();
        }
    }

    public void flush() {
        if (size == 0) {
            return;
        }
        List<Object> args = new ArrayList<>(Arrays.asList(fixed));
        for (String[] column : columns) {
            args.add(Arrays.copyOf(column, size));
        }
        sql.update(statement, args.toArray());
        total += size;
        size = 0;
    }

    /** Rows written so far (after {@link #flush()}, all rows added). */
    public long total() {
        return total;
    }
}
