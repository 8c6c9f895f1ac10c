package io.openta.runtime.db;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import io.openta.model.names.LookupOrder;
import io.vertx.mutiny.sqlclient.Row;

/**
 * A row of {@link Sql#stream}, read by column name through the stream's one map of names to positions. The reactive
 * client's own getter by name compares the name asked for with each column's name in turn; at a million rows and a
 * dozen fields a row that was about 8 % of the functions app's samples in a JFR recording of a bench day (issue 13).
 */
public final class StreamedRow {
    private final Row row;
    private final Map<String, Integer> positions;
    /** The stream's one record of which column each question of a row found (rows are read the same way). */
    private final LookupOrder order;
    private int asked;

    StreamedRow(Row row, Map<String, Integer> positions, LookupOrder order) {
        this.row = row;
        this.positions = positions;
        this.order = order;
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
        int known = order.recall(asked, column);
        if (known != LookupOrder.UNKNOWN) {
            asked = LookupOrder.next(asked);
            return known;
        }
        int i = lookUp(column);
        order.remember(asked, column, i);
        asked = LookupOrder.next(asked);
        return i;
    }

    private int lookUp(String column) {
        Integer i = positions.get(column);
        if (i == null) {
            throw new NoSuchElementException("the query has no column " + column);
        }
        return i;
    }
}
