package io.openta.model.names;

import java.util.function.ToIntFunction;

/**
 * Remembers, for a reader that asks for fields by name in the same order for every record, which position the k-th
 * question of a record found: the next record's k-th question, asked with the very same String (a literal at the
 * same call site), gets it back without hashing the name. In a JFR recording of a bench day 1 (issue 13), the map
 * lookups of the three readers that now use this were 194 of the task threads' 812 samples. A question asked with
 * another String, or past {@value #CAPACITY} questions, goes to the caller's map as before. Not thread-safe: one per
 * reader.
 */
public final class LookupOrder {
    /** Questions per record remembered: more than the widest standard layout's (04, 121 fields) each asked twice. */
    public static final int CAPACITY = 256;
    /** What {@link #recall} returns when the k-th question was not asked with this String last time. */
    public static final int UNKNOWN = -1;

    private final String[] names = new String[CAPACITY];
    private final int[] positions = new int[CAPACITY];

    /**
     * The position the {@code k}-th question of the last record found, if it was asked with {@code name} itself.
     * Identity, not equality, is the point: the same String object is the same name, known without reading it.
     */
    public int recall(int k, String name) {
        return name != null && k < CAPACITY && names[k] == name ? positions[k] : UNKNOWN;
    }

    /** Notes that the {@code k}-th question of a record, asked with {@code name}, found {@code position}. */
    public void remember(int k, String name, int position) {
        if (k < CAPACITY) {
            names[k] = name;
            positions[k] = position;
        }
    }

    /**
     * The position of {@code name} as the {@code k}-th question of a record: recalled when the last record asked it
     * there with the same String, else found by {@code lookUp} (which may throw for an unknown name) and remembered.
     */
    public int position(int k, String name, ToIntFunction<String> lookUp) {
        int known = recall(k, name);
        if (known != UNKNOWN) {
            return known;
        }
        int found = lookUp.applyAsInt(name);
        remember(k, name, found);
        return found;
    }

    /** The number of the question after the {@code k}-th: stays at {@value #CAPACITY} once there. */
    public static int next(int k) {
        return k < CAPACITY ? k + 1 : k;
    }
}
