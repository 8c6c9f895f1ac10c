package io.openta.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard layouts of the files the TA writes (spec 1.6: {@code v2/layouts-21.tsv}) with the field types of
 * versions 20 and 21 ({@code v2/fields-21.tsv}), read from the contract's own tables on the class path (shipped
 * by shared-model under {@value #BASE}), not from the codec: the verifier checks the writer, it does not share it.
 */
final class Layouts {
    static final String BASE = "/io/openta/model/ofd/v2/";

    /** One field of a layout: its type ({@code C}, {@code A} or {@code N}), width in bytes and implied decimals. */
    record Field(String name, char type, int width, int decimals) {
        boolean numeric() {
            return type == 'N';
        }
    }

    /** A standard layout: the fields in record order, with each one's offset. */
    record Layout(String type, List<Field> fields, Map<String, Integer> offsets, int width) {
        Field field(String name) {
            for (Field f : fields) {
                if (f.name().equals(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("no field " + name + " in the " + type + " layout");
        }

        boolean has(String name) {
            return offsets.containsKey(name);
        }

        /** The field's exact text in a record line of this layout. */
        String text(String line, String name) {
            int off = offsets.get(name);
            return line.substring(off, off + field(name).width());
        }
    }

    private static final Map<String, Field> DICTIONARY = new HashMap<>();
    private static final Map<String, Layout> LAYOUTS = new LinkedHashMap<>();

    static {
        for (String[] r : table("fields-21.tsv")) {
            DICTIONARY.put(r[0], new Field(r[0], r[1].charAt(0), Integer.parseInt(r[2]), Integer.parseInt(r[3])));
        }
        Map<String, List<Field>> byType = new LinkedHashMap<>();
        for (String[] r : table("layouts-21.tsv")) {
            Field f = DICTIONARY.get(r[2]);
            if (f == null) {
                throw new IllegalStateException("layouts-21.tsv: field " + r[2] + " of type " + r[0]
                        + " is not in fields-21.tsv");
            }
            byType.computeIfAbsent(r[0], k -> new ArrayList<>()).add(f);
        }
        byType.forEach((type, fields) -> {
            Map<String, Integer> offsets = new HashMap<>();
            int off = 0;
            for (Field f : fields) {
                offsets.put(f.name(), off);
                off += f.width();
            }
            LAYOUTS.put(type, new Layout(type, Collections.unmodifiableList(fields), offsets, off));
        });
    }

    private Layouts() {
    }

    /** The standard layout of an output type: {@code 02}, {@code 04}, {@code 05} or {@code 06}. */
    static Layout of(String type) {
        Layout l = LAYOUTS.get(type);
        if (l == null) {
            throw new IllegalArgumentException("no standard layout for type " + type);
        }
        return l;
    }

    /** A field of the version 20/21 dictionary. */
    static Field field(String name) {
        Field f = DICTIONARY.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no field " + name + " in fields-21.tsv");
        }
        return f;
    }

    /** The rows of a contract table (UTF-8, tab-separated, a header line), on the class path under BASE. */
    static List<String[]> table(String name) {
        try (InputStream in = Layouts.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("the contract table " + BASE + name + " is not on the class path "
                        + "(shared-model resources)");
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = r.readLine();   // header
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
