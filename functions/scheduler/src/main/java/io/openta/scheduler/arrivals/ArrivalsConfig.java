package io.openta.scheduler.arrivals;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Days that start by themselves ({@code OPENTA_ARRIVALS_ENABLED}, {@code OPENTA_ARRIVALS_CUT_OFF}, ...). Which
 * distributors and which fund manager a day waits for is the access app's setting
 * ({@code openta.access.expected-distributors}, {@code openta.access.quote-sender}): it decides when a day's files
 * are complete and says so on the arrivals topic; the scheduler acts on that. Both need the storage roots
 * ({@code openta.storage.*}): a day started this way reads {@code <inbox-root>/<date>/}.
 */
@ConfigMapping(prefix = "openta.arrivals")
public interface ArrivalsConfig {
    /** Read the arrivals topic and start a day when the access app reports its expected files complete. */
    @WithDefault("false")
    boolean enabled();

    /**
     * The local time (e.g. {@code 15:30}) from which today's day starts with whatever has arrived, if it has not
     * started yet and at least one file is in its inbox folder. None: no cut-off.
     */
    Optional<String> cutOff();

    /** The time zone of the cut-off and of "today" (e.g. {@code Europe/Paris}); default the system's. */
    Optional<String> zone();

    /** How often the leader looks whether the cut-off has passed. */
    @WithDefault("PT5S")
    Duration checkEvery();
}
