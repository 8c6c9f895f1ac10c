package io.openta.launcher;

import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options several commands share, as picocli mixins: one field (one line) per option. */
final class Options {
    private Options() {
    }

    /** {@code --data DIR}. */
    static final class Data {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = ".openta-data", converter = Args.DirToBe.class,
                description = "the state (database, logs), default ${DEFAULT-VALUE}")
        Path dir;
    }

    /** {@code --shards N}. */
    static final class Shards {
        @Option(names = "--shards", paramLabel = "N", defaultValue = "" + ClusterOptions.DEFAULT_SHARDS,
                converter = Args.Shards.class, description = "shard tasks per stage, default ${DEFAULT-VALUE}")
        int count;
    }

    /**
     * {@code --url URL} of a serve process (env OPENTA_URL, default http://127.0.0.1:8080) and {@code --token TOKEN}
     * to call it with (env OPENTA_TOKEN).
     */
    static final class Url {
        @Option(names = "--url", paramLabel = "URL", description = "the serve process (env OPENTA_URL, default "
                + ApiClient.DEFAULT_URL + ")")
        String url;
        @Option(names = "--token", paramLabel = "TOKEN",
                description = "the bearer token to call it with (env OPENTA_TOKEN; ./openta token makes one)")
        String token;
    }

    /** {@code --db-url}, {@code --db-user}, {@code --db-password}: as given, the environment not applied. */
    static final class Database {
        @Option(names = "--db-url", paramLabel = "JDBC_URL",
                description = "an external PostgreSQL instead of the embedded one (env OPENTA_DB_URL); "
                        + "may carry ?user=...&password=...")
        String url;
        @Option(names = "--db-user", paramLabel = "USER", description = "its user (env OPENTA_DB_USER)")
        String user;
        @Option(names = "--db-password", paramLabel = "PASSWORD", description = "its password (env OPENTA_DB_PASSWORD)")
        String password;
    }

    /**
     * What starts a local cluster: --data, --ta, --db-url/--db-user/--db-password, --kafka (with their environment
     * fallbacks); --shards is apart (migrate has none).
     */
    static final class Cluster {
        @Mixin
        Data data;
        @Option(names = "--ta", paramLabel = "CODE", defaultValue = ClusterOptions.DEFAULT_TA,
                description = "the TA's code, default ${DEFAULT-VALUE}")
        String ta;
        @Mixin
        Database db;
        @Option(names = "--kafka", paramLabel = "HOST:PORT",
                description = "an external Kafka instead of the embedded one (env OPENTA_KAFKA)")
        String kafka;

        ClusterOptions options(Map<String, String> env) throws UsageException {
            if (!ta.matches("[0-9A-Za-z]{1,9}")) {
                throw new UsageException("--ta '" + ta + "' is not a code of 1 to 9 letters or digits");
            }
            String dbUrl = orEnv(db.url, env, "OPENTA_DB_URL");
            String dbUser = orEnv(db.user, env, "OPENTA_DB_USER");
            String dbPassword = orEnv(db.password, env, "OPENTA_DB_PASSWORD");
            if (dbUrl == null && (db.user != null || db.password != null)) {
                throw new UsageException("--db-user and --db-password need --db-url");
            }
            if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql://")) {
                throw new UsageException("--db-url '" + dbUrl + "' is not a jdbc:postgresql:// URL");
            }
            String k = orEnv(kafka, env, "OPENTA_KAFKA");
            if (k != null && !k.matches("[^\\s:,]+:\\d{1,5}(,[^\\s:,]+:\\d{1,5})*")) {
                throw new UsageException("--kafka '" + k + "' is not HOST:PORT");
            }
            ClusterOptions options = ClusterOptions.embedded(data.dir, env).withTaCode(ta).withKafka(k);
            if (dbUrl != null) {
                // credentials may come in the URL (?user=...&password=..., as ./openta infra prints it)
                options = options.withDatabase(dbUrl, dbUser != null ? dbUser : OpenTa.urlParameter(dbUrl, "user"),
                        dbPassword != null ? dbPassword : OpenTa.urlParameter(dbUrl, "password"));
            }
            return options;
        }
    }

    static String orEnv(String value, Map<String, String> env, String envName) {
        if (value != null) {
            return value;
        }
        String v = env.get(envName);
        return v == null || v.isBlank() ? null : v;
    }
}
