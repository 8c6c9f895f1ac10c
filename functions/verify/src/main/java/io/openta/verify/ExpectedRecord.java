package io.openta.verify;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record an output file must hold, derived from the state: the values of the fields spec 1.6 gives (a
 * {@code String} for {@code C}/{@code A} fields, compared as written, that is cut to the field and without
 * trailing spaces; a {@code BigDecimal} for {@code N} fields, compared by value). Fields it does not name must be
 * blank or zero; {@link #UNKNOWN} marks a value the state cannot give (its row is missing; another check names
 * that), which is then not compared.
 */
final class ExpectedRecord {
    static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "unknown";
        }
    };

    /** Byte order of the sort key (text fields as written, padding included), then the tie-breaker. */
    static final Comparator<ExpectedRecord> SPEC_ORDER = Comparator.comparing((ExpectedRecord r) -> r.sortKey)
            .thenComparingLong(r -> r.tieBreak);

    /** How the record is found in the file: {@code S:<serial>}, {@code R:<account>/<fund>}, {@code P:...}. */
    final String key;
    /** How a missing record is named, e.g. {@code AppSheetSerialNo '12'} or {@code TAAccountID .. fund ..}. */
    final String name;
    /** Where its values come from, e.g. {@code trd.trade_cfm record 3}. */
    final String source;
    final String sortKey;
    final long tieBreak;
    final Map<String, Object> values = new LinkedHashMap<>();

    ExpectedRecord(String key, String name, String source, String sortKey, long tieBreak) {
        this.key = key;
        this.name = name;
        this.source = source;
        this.sortKey = sortKey;
        this.tieBreak = tieBreak;
    }

    ExpectedRecord put(String field, Object value) {
        values.put(field, value == null ? UNKNOWN : value);
        return this;
    }

    /** Key and name of an application's confirmation (02, 04), found by its AppSheetSerialNo as written. */
    static ExpectedRecord bySerial(String serial, String source, long recordNo) {
        String written = ByteText.field(serial == null ? "" : serial, 24);
        return new ExpectedRecord("S:" + written, "AppSheetSerialNo '" + Labels.readable(ByteText.rtrim(written))
                + "'", source, written, recordNo);
    }

    /** Key and name of a position's record (05, 06, or with {@code prefix} R an 04 income reduction). */
    static ExpectedRecord byPosition(String prefix, String account, String fund, String source) {
        String a = ByteText.rtrim(account);
        String f = ByteText.rtrim(fund);
        return new ExpectedRecord(prefix + ":" + a + "/" + f, Labels.position(a, f), source,
                ByteText.field(a, 12) + ByteText.field(f, 6), 0);
    }
}
