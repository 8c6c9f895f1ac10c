package io.openta.runtime.db;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long work cut off by a lost database is tried again (OPENTA_DB_RECONNECT_FOR); see {@link DbRetry}. */
@ConfigMapping(prefix = "openta.db")
public interface DbConfig {
    /** A primary failing over takes seconds; this covers it with room, and then the error is the task's. */
    @WithDefault("PT2M")
    Duration reconnectFor();
}
