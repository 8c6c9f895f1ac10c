package io.openta.model.ofd;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds one record line in the exact layout of a {@link FileType} (spec 1.4). Reusable: {@link #build()}
 * does not clear the fields, {@link #reset()} does. Not thread-safe.
 */
public final class OfdRecordBuilder {

    /** Per type: field name to index, offsets and the blank template; computed once. */
    private static final Map<FileType, Layout> LAYOUTS = new java.util.EnumMap<>(FileType.class);

    static {
        for (FileType t : FileType.values()) {
            LAYOUTS.put(t, new Layout(t));
        }
    }

    private static final class Layout {
        final Map<String, Integer> index = new HashMap<>();
        final FieldDef[] defs;
        final int[] offsets;
        final char[] blank;

        Layout(FileType type) {
            List<FieldDef> l = type.layout();
            defs = l.toArray(new FieldDef[0]);
            offsets = new int[defs.length];
            blank = new char[type.recordWidth()];
            int off = 0;
            for (int i = 0; i < defs.length; i++) {
                offsets[i] = off;
                index.put(defs[i].name(), i);
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

    public OfdRecordBuilder(FileType type) {
        this.type = Objects.requireNonNull(type, "type");
        this.layout = LAYOUTS.get(type);
        this.buf = layout.blank.clone();
    }

    public FileType type() {
        return type;
    }

    /**
     * Sets an {@code A} or {@code C} field: left-aligned, right-padded with spaces. For an {@code N} field the
     * value must be exactly its width in digits (raw text).
     *
     * @throws IllegalArgumentException if the field is not in the layout, the value is longer than the width,
     *                                  contains a character outside 0x20-0x7E, or is not digits for an N field
     */
    public OfdRecordBuilder text(String field, String value) {
        int i = indexOf(field);
        FieldDef d = layout.defs[i];
        Objects.requireNonNull(value, () -> "value of " + field);
        int len = value.length();
        int w = d.width();
        if (len > w) {
            throw new IllegalArgumentException("field " + field + ": '" + value + "' is longer than " + w);
        }
        boolean n = d.type() == FieldType.N;
        if (n && len != w) {
            throw new IllegalArgumentException("field " + field + " is N(" + w + "," + d.decimals()
                    + "): text '" + value + "' is not " + w + " digits");
        }
        int off = layout.offsets[i];
        for (int k = 0; k < len; k++) {
            char c = value.charAt(k);
            if (c < 0x20 || c > 0x7E || (n && (c < '0' || c > '9'))) {
                throw new IllegalArgumentException("field " + field + ": character 0x"
                        + Integer.toHexString(c) + " at " + k + " is not allowed");
            }
            buf[off + k] = c;
        }
        for (int k = len; k < w; k++) {
            buf[off + k] = ' ';
        }
        return this;
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
            throw new IllegalArgumentException("field " + field + " is " + d.type() + ", not N");
        }
        // format into a scratch area first so a failure leaves the field unchanged
        OfdNumbers.formatInto(value, d, scratch, 0);
        System.arraycopy(scratch, 0, buf, layout.offsets[i], d.width());
        return this;
    }

    /** The record line; fields never set are spaces (A, C) or zeros (N). */
    public String build() {
        return new String(buf);
    }

    /** Clears every field back to spaces or zeros. */
    public OfdRecordBuilder reset() {
        System.arraycopy(layout.blank, 0, buf, 0, buf.length);
        return this;
    }

    private int indexOf(String field) {
        Integer i = layout.index.get(field);
        if (i == null) {
            throw new IllegalArgumentException("field " + field + " is not in the layout of type " + type.code());
        }
        return i;
    }
}
