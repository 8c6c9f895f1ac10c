package io.openta.model.events;

import java.util.Locale;

/**
 * Which data a day, and every command, task, result and event of it, belongs to: production, or a stress run's
 * shadow copy (issue 12). A message without the mark is production, so messages written before the mark existed
 * keep their meaning. Senders put the mark both in the message (the {@code traffic} field) and in the Kafka header
 * {@link #HEADER}; the field is what the receivers act on.
 */
public enum Traffic {
    PRODUCTION,
    SHADOW;

    /** The Kafka header carrying the mark ({@link #name()} as UTF-8). */
    public static final String HEADER = "openta-traffic";

    /** The mark of a message field that may be absent: absent is production. */
    public static Traffic orProduction(Traffic traffic) {
        return traffic == null ? PRODUCTION : traffic;
    }

    /**
     * Reads a mark as written in a header, a command line or a query parameter (any case); absent or blank is
     * production, anything else is refused rather than guessed.
     */
    public static Traffic parse(String text) {
        if (text == null || text.isBlank()) {
            return PRODUCTION;
        }
        String name = text.trim().toUpperCase(Locale.ROOT);
        for (Traffic t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown traffic '" + text + "' (expected PRODUCTION or SHADOW)");
    }
}
