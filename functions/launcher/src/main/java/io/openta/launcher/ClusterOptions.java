package io.openta.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to run a {@link LocalCluster}.
 *
 * @param dataDir        the data folder (its layout: {@link LocalCluster})
 * @param taCode         the TA's code
 * @param shards         shard tasks per stage (and partitions per topic)
 * @param dbUrl          JDBC URL of an external PostgreSQL, or null for the embedded one
 * @param dbUser         user for the external PostgreSQL
 * @param dbPassword     password for the external PostgreSQL
 * @param kafka          bootstrap servers of an external Kafka, or null for the embedded one
 * @param functionsJar   the functions app's quarkus-run.jar
 * @param readyTimeout   how long the functions app may take to become ready
 * @param dayTimeout     how long one day may take
 * @param httpPort       the functions app's HTTP port (its API), 0 for any free port
 * @param extraEnv       more environment for the functions app (e.g. serve mode's default inbox and outbox)
 */
public record ClusterOptions(Path dataDir, String taCode, int shards, String dbUrl, String dbUser, String dbPassword,
        String kafka, Path functionsJar, Duration readyTimeout, Duration dayTimeout, int httpPort,
        Map<String, String> extraEnv) {

    public static final String DEFAULT_TA = "99";
    public static final int DEFAULT_SHARDS = 8;

    /** Embedded PostgreSQL and Kafka in {@code dataDir}, defaults for the rest. */
    public static ClusterOptions embedded(Path dataDir) {
        return embedded(dataDir, System.getenv());
    }

    /** As {@link #embedded(Path)}, with the functions jar and day timeout taken from {@code env}. */
    public static ClusterOptions embedded(Path dataDir, Map<String, String> env) {
        return new ClusterOptions(dataDir, DEFAULT_TA, DEFAULT_SHARDS, null, null, null, null,
                FunctionsProcess.locateJar(env), Duration.ofSeconds(120), dayTimeoutFromEnv(env), 0, Map.of());
    }

    public ClusterOptions withFunctionsJar(Path jar) {
        return new ClusterOptions(dataDir, taCode, shards, dbUrl, dbUser, dbPassword, kafka, jar, readyTimeout,
                dayTimeout, httpPort, extraEnv);
    }

    public ClusterOptions withTaCode(String ta) {
        return new ClusterOptions(dataDir, ta, shards, dbUrl, dbUser, dbPassword, kafka, functionsJar, readyTimeout,
                dayTimeout, httpPort, extraEnv);
    }

    public ClusterOptions withShards(int n) {
        return new ClusterOptions(dataDir, taCode, n, dbUrl, dbUser, dbPassword, kafka, functionsJar, readyTimeout,
                dayTimeout, httpPort, extraEnv);
    }

    public ClusterOptions withDatabase(String url, String user, String password) {
        return new ClusterOptions(dataDir, taCode, shards, url, user, password, kafka, functionsJar, readyTimeout,
                dayTimeout, httpPort, extraEnv);
    }

    public ClusterOptions withKafka(String bootstrap) {
        return new ClusterOptions(dataDir, taCode, shards, dbUrl, dbUser, dbPassword, bootstrap, functionsJar,
                readyTimeout, dayTimeout, httpPort, extraEnv);
    }

    public ClusterOptions withDayTimeout(Duration timeout) {
        return new ClusterOptions(dataDir, taCode, shards, dbUrl, dbUser, dbPassword, kafka, functionsJar, readyTimeout,
                timeout, httpPort, extraEnv);
    }

    public ClusterOptions withHttp(int port, Map<String, String> env) {
        return new ClusterOptions(dataDir, taCode, shards, dbUrl, dbUser, dbPassword, kafka, functionsJar, readyTimeout,
                dayTimeout, port, Map.copyOf(env));
    }

    /** OPENTA_DAY_TIMEOUT_SECONDS, else 30 minutes. */
    static Duration dayTimeoutFromEnv(Map<String, String> env) {
        String s = env.get("OPENTA_DAY_TIMEOUT_SECONDS");
        if (s != null && s.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(s));
        }
        return Duration.ofMinutes(30);
    }
}
