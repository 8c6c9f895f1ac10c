package io.openta.runtime.db;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.ToIntFunction;

import io.openta.model.names.LookupOrder;
import io.vertx.mutiny.sqlclient.Row;

/**
 * A row of {@link Sql#stream}, read by column name through the stream's one map of names to positions. The reactive
 * client's own getter by name compares the name asked for with each column's name in turn; at a million rows and a
 * dozen fields a row that was about 8 % of the functions app's samples in a JFR recording of a bench day (issue 13).
 * The stream's {@link LookupOrder} then spares most rows even the map: the k-th column a row asks for is the one the
 * row before asked for k-th, when asked with the same String.
 */
public final class StreamedRow {
    private final Row row;
    /** The stream's one record of which column each question of a row found (rows are read the same way). */
    private final LookupOrder order;
    /** The stream's lookup of a column's position in its map ({@link #lookUpIn}). */
    private final ToIntFunction<String> lookUp;
    private int asked;

    StreamedRow(Row row, LookupOrder order, ToIntFunction<String> lookUp) {
        this.row = row;
        this.order = order;
        this.lookUp = lookUp;
    }

    /** The positions of a result's columns by name, taken from one of its rows. */
    static Map<String, Integer> positionsOf(Row row) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            positions.put(row.getColumnName(i), i);
        }
        return positions;
    }

    public String getString(String column) {
        return row.getString(position(column));
    }

    public Integer getInteger(String column) {
        return row.getInteger(position(column));
    }

    public BigDecimal getBigDecimal(String column) {
        return row.getBigDecimal(position(column));
    }

    public Boolean getBoolean(String column) {
        return row.getBoolean(position(column));
    }

    private int position(String column) {
        int i = order.position(asked, column, lookUp);
        asked = LookupOrder.next(asked);
        return i;
    }

    /** A column's position in {@code positions} ({@link #positionsOf}); an unknown name is an error. */
    static int lookUpIn(Map<String, Integer> positions, String column) {
        Integer i = positions.get(column);
        if (i == null) {
            throw new NoSuchElementException("the query has no column " + column);
        }
        return i;
    }
}
