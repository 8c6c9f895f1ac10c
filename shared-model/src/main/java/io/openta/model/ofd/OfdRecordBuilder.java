package io.openta.model.ofd;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

import io.openta.model.names.LookupOrder;

/**
 * Builds one record line (a byte string) in the standard layout of an output {@link FileType} (spec 1.6), or in
 * an explicit field list. Reusable: {@link #build()} does not clear the fields, {@link #reset()} does. Field
 * names are found by canonical spelling, then without regard to case. Not thread-safe.
 */
public final class OfdRecordBuilder {

    /** Per output type: the layout, computed once. */
    private static final Map<FileType, Layout> LAYOUTS = new EnumMap<>(FileType.class);

    static {
        for (FileType t : FileType.values()) {
            if (!t.layout().isEmpty()) {
                LAYOUTS.put(t, new Layout(t.layout()));
            }
        }
    }

    private static final class Layout {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> lowerIndex = new HashMap<>();
        final FieldDef[] defs;
        final int[] offsets;
        final char[] blank;

        Layout(List<FieldDef> l) {
            defs = l.toArray(new FieldDef[0]);
            offsets = new int[defs.length];
            int width = 0;
            for (FieldDef d : defs) {
                width += d.width();
            }
            blank = new char[width];
            int off = 0;
            for (int i = 0; i < defs.length; i++) {
                offsets[i] = off;
                if (index.put(defs[i].name(), i) != null) {
                    throw new IllegalArgumentException("field " + defs[i].name() + " appears twice");
                }
                lowerIndex.put(FieldDictionary.lower(defs[i].name()), i);
                char fill = defs[i].type() == FieldType.N ? '0' : ' ';
                for (int k = 0; k < defs[i].width(); k++) {
                    blank[off + k] = fill;
                }
                off += defs[i].width();
            }
        }
    }

    private final FileType type;
    private final Layout layout;
    private final char[] buf;
    private final char[] scratch = new char[64];
    /** The fields asked for since {@link #reset()}, in order: writers set the same fields in the same order. */
    private final LookupOrder order = new LookupOrder();
    private int asked;
    /** The map lookup behind {@link #order}, made once rather than at every question. */
    private final ToIntFunction<String> lookUp = this::lookUp;

    /**
     * A builder for the standard layout of an output type (02, 04, 05, 06).
     *
     * @throws IllegalArgumentException for a type without a standard layout (the input types)
     */
    public OfdRecordBuilder(FileType type) {
        this.type = Objects.requireNonNull(type, "type");
        this.layout = LAYOUTS.get(type);
        if (layout == null) {
            throw new IllegalArgumentException("type " + type.code() + " has no standard layout");
        }
        this.buf = layout.blank.clone();
    }

    /** A builder for an explicit field list (e.g. to make input files in tests); {@link #type()} is null. */
    public OfdRecordBuilder(List<FieldDef> fields) {
        this.type = null;
        this.layout = new Layout(fields);
        this.buf = layout.blank.clone();
    }

    /** The output type, or null for an explicit field list. */
    public FileType type() {
        return type;
    }

    /** The record width in bytes. */
    public int width() {
        return buf.length;
    }

    /**
     * Sets a field to a byte string, left-aligned and padded with spaces. For an {@code N} field the value must be
     * exactly its width in digits (raw text). Chars 0x00-0xFF are allowed except CR and LF; the content of
     * {@code A} and {@code C} fields is not checked further (echoes are written byte for byte).
     *
     * @throws IllegalArgumentException if the field is not in the layout, the value is longer than the width,
     *                                  holds CR, LF or a char above 0xFF, or is not digits for an N field
     */
    public OfdRecordBuilder text(String field, String byteString) {
        int i = indexOf(field);
        FieldDef d = layout.defs[i];
        Objects.requireNonNull(byteString, () -> "value of " + field);
        int len = byteString.length();
        int w = d.width();
        if (len > w) {
            throw new IllegalArgumentException("field " + d.name() + ": '" + Rejection.ascii(byteString)
                    + "' is " + len + " bytes, longer than " + w);
        }
        boolean n = d.type() == FieldType.N;
        if (n && len != w) {
            throw new IllegalArgumentException("field " + d.name() + " is N(" + w + "," + d.decimals()
                    + "): text '" + Rejection.ascii(byteString) + "' is not " + w + " digits");
        }
        int off = layout.offsets[i];
        for (int k = 0; k < len; k++) {
            char c = byteString.charAt(k);
            if (c > 0xFF || c == '\r' || c == '\n' || (n && (c < '0' || c > '9'))) {
                throw new IllegalArgumentException("field " + d.name() + ": char 0x"
                        + Integer.toHexString(c) + " at " + k + " is not allowed");
            }
        }
        byteString.getChars(0, len, buf, off);
        for (int k = len; k < w; k++) {
            buf[off + k] = ' ';
        }
        return this;
    }

    /**
     * {@link #text} with the value first cut to the field's width without splitting a two-byte character
     * ({@link Gbk#cut}), e.g. ErrorDetail or an echo of a wider version-22 field.
     */
    public OfdRecordBuilder textCut(String field, String byteString) {
        int i = indexOf(field);
        Objects.requireNonNull(byteString, () -> "value of " + field);
        return text(field, Gbk.cut(byteString, layout.defs[i].width()));
    }

    /**
     * Sets an {@code N} field with {@link OfdNumbers#format}.
     *
     * @throws IllegalArgumentException if the field is not in the layout or is not {@code N}
     * @throws ArithmeticException      as {@link OfdNumbers#format}
     */
    public OfdRecordBuilder number(String field, BigDecimal value) {
        int i = indexOf(field);
        FieldDef d = layout.defs[i];
        if (d.type() != FieldType.N) {
            throw new IllegalArgumentException("field " + d.name() + " is " + d.type() + ", not N");
        }
        // format into a scratch area first so a failure leaves the field unchanged
        char[] s = d.width() <= scratch.length ? scratch : new char[d.width()];
        OfdNumbers.formatInto(value, d, s, 0);
        System.arraycopy(s, 0, buf, layout.offsets[i], d.width());
        return this;
    }

    /** The record line (byte string); fields never set are spaces (A, C) or zeros (N). */
    public String build() {
        return new String(buf);
    }

    /**
     * Copies the record into {@code dst} at {@code offset}, one byte a char: what {@link OfdFileWriter#write(
     * OfdRecordBuilder)} writes without making the String. The setters have already refused CR, LF and chars above
     * 0xFF, so the bytes need no second check.
     */
    void copyBytes(byte[] dst, int offset) {
        char[] b = buf;
        for (int i = 0; i < b.length; i++) {
            dst[offset + i] = (byte) b[i];
        }
    }

    /** Clears every field back to spaces or zeros. */
    public OfdRecordBuilder reset() {
        System.arraycopy(layout.blank, 0, buf, 0, buf.length);
        asked = 0;
        return this;
    }

    private int indexOf(String field) {
        int i = order.position(asked, field, lookUp);
        asked = LookupOrder.next(asked);
        return i;
    }

    private int lookUp(String field) {
        Integer i = field == null ? null : layout.index.get(field);
        if (i == null && field != null) {
            i = layout.lowerIndex.get(FieldDictionary.lower(field));
        }
        if (i == null) {
            throw new IllegalArgumentException("field " + field + " is not in the layout"
                    + (type == null ? "" : " of type " + type.code()));
        }
        return i;
    }
}
