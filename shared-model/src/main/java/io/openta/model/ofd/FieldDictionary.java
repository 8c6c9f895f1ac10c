package io.openta.model.ofd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A field dictionary of spec 1.3: {@code v2/fields-21.tsv} for versions 20 and 21, {@code v2/fields-22.tsv} for
 * version 22, loaded from the class-path copies at class initialisation.
 *
 * <p>Names are looked up <b>without regard to case</b> (ASCII case folding) and the result carries the
 * dictionary's canonical spelling. Instance methods: {@link #lookup(String)} (optional) and
 * {@link #field(String)} (throwing). The static {@link #get(String)} and {@link #find(String)} are the same
 * look-ups in the version-21 dictionary (a static and an instance method cannot share a signature in Java,
 * hence the different instance names).
 */
public final class FieldDictionary {

    private static final FieldDictionary V21 = load("21", SpecData.FIELDS_21);
    private static final FieldDictionary V22 = load("22", SpecData.FIELDS_22);

    private final String version;
    private final List<FieldDef> all;
    private final Map<String, FieldDef> byName;      // canonical spelling
    private final Map<String, FieldDef> byLowerName; // lower-case spelling

    private FieldDictionary(String version, List<FieldDef> all) {
        this.version = version;
        this.all = Collections.unmodifiableList(all);
        Map<String, FieldDef> m = new HashMap<>(all.size() * 2);
        Map<String, FieldDef> lower = new HashMap<>(all.size() * 2);
        for (FieldDef d : all) {
            if (lower.put(lower(d.name()), d) != null) {
                throw new IllegalStateException("fields-" + version + ": " + d.name() + " appears twice");
            }
            m.put(d.name(), d);
        }
        this.byName = m;
        this.byLowerName = lower;
    }

    private static FieldDictionary load(String version, String resource) {
        List<FieldDef> l = new ArrayList<>();
        for (String[] row : SpecData.rows(resource)) {
            if (row.length < 4) {
                throw new IllegalStateException(resource + ": bad row " + String.join("\t", row));
            }
            l.add(new FieldDef(row[0].trim(), FieldType.valueOf(row[1].trim()), Integer.parseInt(row[2].trim()),
                    Integer.parseInt(row[3].trim())));
        }
        return new FieldDictionary(version, l);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * The dictionary of a protocol version: {@code "20"} and {@code "21"} give {@link #v21()}, {@code "22"}
     * gives {@link #v22()}; any other value (null included) gives empty.
     */
    public static Optional<FieldDictionary> forVersion(String version) {
        if ("20".equals(version) || "21".equals(version)) {
            return Optional.of(V21);
        }
        if ("22".equals(version)) {
            return Optional.of(V22);
        }
        return Optional.empty();
    }

    /** The dictionary of versions 20 and 21 ({@code fields-21.tsv}). */
    public static FieldDictionary v21() {
        return V21;
    }

    /** The dictionary of version 22 ({@code fields-22.tsv}). */
    public static FieldDictionary v22() {
        return V22;
    }

    /** {@code "21"} (also used for version 20) or {@code "22"}. */
    public String version() {
        return version;
    }

    /** The field of that name without regard to case, with its canonical spelling; empty if unknown or null. */
    public Optional<FieldDef> lookup(String name) {
        return Optional.ofNullable(def(name));
    }

    /** The field of that name without regard to case; {@link IllegalArgumentException} naming it if unknown. */
    public FieldDef field(String name) {
        FieldDef d = def(name);
        if (d == null) {
            throw new IllegalArgumentException("unknown OFD field (version " + version + "): " + name);
        }
        return d;
    }

    /** All fields in the order of the dictionary file (unmodifiable). */
    public List<FieldDef> all() {
        return all;
    }

    FieldDef def(String name) {
        if (name == null) {
            return null;
        }
        FieldDef d = byName.get(name);
        return d != null ? d : byLowerName.get(lower(name));
    }

    /** {@code v21().lookup(name)}: the version-21 field of that name without regard to case. */
    public static Optional<FieldDef> find(String name) {
        return V21.lookup(name);
    }

    /** {@code v21().field(name)}: the version-21 field (e.g. Charge N10,2, NAV N7,4); throws if unknown. */
    public static FieldDef get(String name) {
        return V21.field(name);
    }

    @Override
    public String toString() {
        return "FieldDictionary[version " + version + ", " + all.size() + " fields]";
    }
}
