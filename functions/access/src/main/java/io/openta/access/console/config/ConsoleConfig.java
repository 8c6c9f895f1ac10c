package io.openta.access.console.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The operations console's settings: {@code openta.access.scheduler-url} ({@code OPENTA_ACCESS_SCHEDULER_URL}) and
 * {@code openta.access.console-refresh} ({@code OPENTA_ACCESS_CONSOLE_REFRESH}). A mapping of its own beside the
 * access app's {@code AccessConfig} on the same prefix: the console's keys are its own.
 */
@ConfigMapping(prefix = "openta.access")
public interface ConsoleConfig {

    /**
     * The scheduler's base URL (e.g. {@code http://127.0.0.1:8080}; on Kubernetes its Service): the console's
     * actions and verify go there with the operator's own token. No default: without it the console shows the days
     * but its actions answer 503 saying what to set.
     */
    Optional<URI> schedulerUrl();

    /** How often the console reads a day's state for its live view (an event is sent only when it changed). */
    @WithDefault("PT0.5S")
    Duration consoleRefresh();
}
