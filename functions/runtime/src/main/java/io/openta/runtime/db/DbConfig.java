package io.openta.runtime.db;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long work cut off by a lost database is tried again (OPENTA_DB_RECONNECT_FOR; see {@link DbRetry}), and how
 * long a task's transaction may sit idle before the server ends it (OPENTA_DB_TASK_IDLE_LIMIT).
 */
@ConfigMapping(prefix = "openta.db")
public interface DbConfig {
    /** A primary failing over takes seconds; this covers it with room, and then the error is the task's. */
    @WithDefault("PT2M")
    Duration reconnectFor();

    /**
     * A task's transaction that sends nothing for this long is ended by PostgreSQL
     * ({@code idle_in_transaction_session_timeout}), which rolls it back and releases its task's lock. A worker frozen
     * inside a task (a stopped process, a paused VM, a partitioned network) would otherwise hold that lock, and the
     * task's redelivery to a live worker would wait on it for as long as the freeze lasts. A task that is working is
     * not idle: its statements run on the server, and between them the Java side reads or writes rows.
     */
    @WithDefault("PT2M")
    Duration taskIdleLimit();
}
