package io.openta.runtime.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration shared by every function; each key can be set by environment variable (OPENTA_TA_CODE, ...). */
@ConfigMapping(prefix = "openta")
public interface OpenTaConfig {
    /** The TA's own code: receiver of input files, sender of output files. */
    @WithDefault("99")
    String taCode();

    /** Number of shard tasks a sharded step is split into. */
    @WithDefault("8")
    int shards();

    /** Where stages stage the day's output files until the day completes. */
    @WithDefault("/tmp/openta/staging")
    String stagingDir();

    /** The zone this instance runs in (dual-active deployments); informational for now. */
    @WithDefault("local")
    String zone();

    /** Whether this app runs stage work (false in the scheduler). A build-time choice. */
    @WithDefault("true")
    boolean workerEnabled();

    /** The task topics this app's stage handlers consume, comma-separated. */
    @WithDefault("openta.unassigned.tasks")
    String taskTopics();

    /** The Kafka consumer group of this app's task consumer. */
    @WithDefault("openta-unassigned")
    String consumerGroup();

    /** Apply the schema migrations and exit (the scheduler image, as the Kubernetes migration job). */
    @WithDefault("false")
    boolean migrateOnly();

    /** Default inbox for days started without one (serve mode). */
    Optional<String> inbox();

    /** Default outbox for days started without one (serve mode). */
    Optional<String> outbox();

    /** The process that started this one (the local launcher): when it is gone, this app exits too. */
    Optional<Long> parentPid();
}
