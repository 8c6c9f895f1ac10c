package io.openta.model.events;

import java.util.Arrays;
import java.util.Optional;

/** The eight stages of a clearing day, in the order they run (spec 2.8). Each boundary is a backup point. */
public enum Stage {
    DAY_INIT("day-init"),
    FILE_IMPORT("file-import"),
    CLEARING("clearing"),
    PROFIT("profit"),
    SHARE_ADJUST("share-adjust"),
    EXPORT("export"),
    SECONDARY_CLEARING("secondary-clearing"),
    PROFIT_EXPORT("profit-export");

    private final String id;

    Stage(String id) {
        this.id = id;
    }

    /** The stage's name as used in topics, tables, CLI arguments and logs. */
    public String id() {
        return id;
    }

    public Optional<Stage> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    public static Optional<Stage> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
