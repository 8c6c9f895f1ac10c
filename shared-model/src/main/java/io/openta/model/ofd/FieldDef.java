package io.openta.model.ofd;

import java.util.Objects;

/**
 * One field of the dictionary (spec 1.3). {@code decimals} is 0 for {@code A} and {@code C}.
 */
public record FieldDef(String name, FieldType type, int width, int decimals) {

    public FieldDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (width <= 0) {
            throw new IllegalArgumentException("field " + name + ": width must be > 0, was " + width);
        }
        if (decimals < 0 || decimals > width || (type != FieldType.N && decimals != 0)) {
            throw new IllegalArgumentException("field " + name + ": bad decimals " + decimals);
        }
    }

    /** True for {@code N} fields. */
    public boolean numeric() {
        return type == FieldType.N;
    }
}
