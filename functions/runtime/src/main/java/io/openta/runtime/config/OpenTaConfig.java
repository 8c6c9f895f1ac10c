package io.openta.runtime.config;

import java.util.List;
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

    /**
     * The zone this instance runs in (one of {@link Zones#known()}); the task consumer's Kafka {@code client.rack},
     * by which {@link io.openta.runtime.messaging.ZoneShareAssignor} gives each zone its share of the shard tasks.
     */
    @WithDefault("a")
    String zone();

    /**
     * The version this process runs (openta.version, env OPENTA_VERSION): by default the build's project version
     * (quarkus.application.version, set in the runtime's microprofile-config.properties). Recorded with every task.
     */
    @WithDefault("unknown")
    String version();

    /**
     * The release track this process runs on, {@code stable} or {@code canary} (openta.track, env OPENTA_TRACK);
     * checked at start by {@link TrackCheck} and read with {@link Track#parse}.
     */
    @WithDefault("stable")
    String track();

    /** The zones of a dual-active deployment and how the shard tasks are split between them. */
    Zones zones();

    interface Zones {
        /** The zones a process may run in (openta.zones.known, env OPENTA_ZONES_KNOWN). */
        @WithDefault("a,b")
        List<String> known();

        /** The zone that takes most of the shard tasks while both zones are up. */
        @WithDefault("a")
        String primary();

        /** The primary zone's share of each task topic's partitions, in percent (0-100). */
        @WithDefault("80")
        int primaryShare();
    }

    /**
     * The database user, {@code quarkus.datasource.username} (env QUARKUS_DATASOURCE_USERNAME). Required here because
     * the image carries none (only the dev and test profiles have a local default) and Quarkus's own setting is
     * optional: a start without it stops while the configuration is read, before Flyway or a pool connects, with
     * one line naming the variable.
     */
    @WithDefault("${quarkus.datasource.username}")
    String databaseUser();

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

    /** The process that started this one (the local launcher): when it is gone, this app exits too. */
    Optional<Long> parentPid();
}
