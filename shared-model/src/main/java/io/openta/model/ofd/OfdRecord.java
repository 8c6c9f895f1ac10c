package io.openta.model.ofd;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

import io.openta.model.names.LookupOrder;

/**
 * A view over one record line (a byte string, see the package documentation), using the offsets of the fields
 * its file declares. Field names are looked up by canonical spelling first (fast path) and then without regard
 * to case. Texts are byte strings: use {@link Gbk#decode} for Unicode.
 *
 * <p><b>Reuse:</b> {@link OfdReader#forEachRecord} passes the same instance for every record of a file and
 * re-points it at the next line after the consumer returns. Do not keep the instance (or rely on it) after
 * {@link RecordConsumer#accept} returns: keep {@link #line()} or the extracted field texts instead (they are
 * immutable Strings), or use {@link #of(OfdHeader, String)} to make an independent record.
 */
public final class OfdRecord {

    private final OfdHeader header;
    private final Map<String, Integer> index;       // canonical name
    private final Map<String, Integer> lowerIndex;  // lower-case name
    private final FieldDef[] defs;
    private final int[] offsets;
    private final int width;
    private String line;
    /** The fields asked for since {@link #set}, in order: readers ask for the same fields of every record. */
    private final LookupOrder order = new LookupOrder();
    private int asked;
    /** The map lookup behind {@link #order}, made once rather than at every question. */
    private final ToIntFunction<String> lookUp = this::lookUp;

    OfdRecord(OfdHeader header) {
        this.header = Objects.requireNonNull(header, "header");
        List<FieldDef> fields = header.fields();
        this.defs = fields.toArray(new FieldDef[0]);
        this.offsets = new int[defs.length];
        this.index = new HashMap<>(defs.length * 2);
        this.lowerIndex = new HashMap<>(defs.length * 2);
        int off = 0;
        for (int i = 0; i < defs.length; i++) {
            offsets[i] = off;
            off += defs[i].width();
            index.put(defs[i].name(), i);
            lowerIndex.put(FieldDictionary.lower(defs[i].name()), i);
        }
        this.width = off;
    }

    /** An independent record over {@code line}, which must be exactly the header's record width long. */
    public static OfdRecord of(OfdHeader header, String line) {
        OfdRecord r = new OfdRecord(header);
        r.set(line);
        return r;
    }

    void set(String line) {
        if (line.length() != width) {
            throw new IllegalArgumentException("record length " + line.length() + ", expected " + width);
        }
        this.line = line;
        this.asked = 0;
    }

    /** The header of the file this record belongs to. */
    public OfdHeader header() {
        return header;
    }

    /** The whole record (byte string, not trimmed). */
    public String line() {
        return line;
    }

    /** The field's exact bytes, padding included. {@link IllegalArgumentException} if not declared. */
    public String text(String field) {
        int i = indexOf(field);
        return line.substring(offsets[i], offsets[i] + defs[i].width());
    }

    /** The field's text: its bytes with trailing spaces removed (spec 1.3). */
    public String trimmed(String field) {
        int i = indexOf(field);
        int start = offsets[i];
        int end = start + defs[i].width();
        while (end > start && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(start, end);
    }

    /**
     * An {@code N} field's value at its declared decimals, or empty when its text is not all digits.
     *
     * @throws IllegalArgumentException if the field is not declared or is not {@code N}
     */
    public Optional<BigDecimal> number(String field) {
        int i = indexOf(field);
        return OfdNumbers.parse(line.substring(offsets[i], offsets[i] + defs[i].width()), defs[i]);
    }

    /** True when the file declares the field (without regard to case). */
    public boolean has(String field) {
        return field != null && (index.containsKey(field) || lowerIndex.containsKey(FieldDictionary.lower(field)));
    }

    /** The declared definition of the field (the file version's width and type). */
    public FieldDef def(String field) {
        return defs[indexOf(field)];
    }

    private int indexOf(String field) {
        int i = order.position(asked, field, lookUp);
        asked = LookupOrder.next(asked);
        return i;
    }

    private int lookUp(String field) {
        Integer i = index.get(field);
        if (i == null) {
            i = field == null ? null : lowerIndex.get(FieldDictionary.lower(field));
            if (i == null) {
                throw new IllegalArgumentException("field " + field + " is not declared by this "
                        + header.type().code() + " file");
            }
        }
        return i;
    }

    @Override
    public String toString() {
        return line;
    }
}
