package io.openta.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.openta.model.events.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code openta infra [--data DIR] [--partitions N]}: PostgreSQL and Kafka in the foreground, for any number of
 * {@code openta serve} processes (or the separate function apps) to share. Prints {@code OPENTA_DB_URL=...},
 * {@code OPENTA_KAFKA=...} and {@code OPENTA_STAGING=...} once both are ready and the topics exist (each with N
 * partitions, default 8 = the default shard count), then runs until stopped. With {@code --standby} the database is
 * a Patroni-managed primary and synchronous standby behind HAProxy ({@link StandbyDatabase}) instead of the single
 * embedded PostgreSQL, and {@code OPENTA_DB_URL} points at HAProxy.
 */
@Command(name = "infra", description = "Runs PostgreSQL and Kafka in the foreground for serve processes; prints "
        + "OPENTA_DB_URL=... (credentials in the URL), OPENTA_KAFKA=... and OPENTA_STAGING=... once ready; Ctrl-C stops.")
final class InfraCommand extends LauncherCommand {
    @Mixin
    Options.Data data;
    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + ClusterOptions.DEFAULT_SHARDS,
            converter = Args.Shards.class, description = "partitions per topic, default ${DEFAULT-VALUE}")
    int partitions;
    @Option(names = "--standby", description = "a PostgreSQL primary and synchronous standby (Patroni, etcd, "
            + "HAProxy; Debian packages) instead of one PostgreSQL")
    boolean standby;

    @Override
    public Integer call() {
        return run(data.dir, partitions, standby, env(), out(), err());
    }

    static int run(Path data, int partitions, boolean standby, Map<String, String> env, PrintStream out,
            PrintStream err) {
        AutoCloseable postgres = null;
        EmbeddedKafkaBroker kafka = null;
        try {
            Files.createDirectories(data);
            String dbUrl;
            if (standby) {
                StandbyDatabase db = StandbyDatabase.start(data.resolve("standby"), env);
                postgres = db;
                dbUrl = db.jdbcUrl();
            } else {
                EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data.resolve("pg"));
                postgres = pg;
                // the URL carries the credentials, so that it alone is enough for ./openta serve --db-url
                dbUrl = pg.jdbcUrl() + (pg.jdbcUrl().contains("?") ? "&" : "?") + "user=" + pg.user() + "&password="
                        + pg.password();
            }
            kafka = EmbeddedKafkaBroker.start(data.resolve("kafka"));
            EmbeddedKafkaBroker.createTopics(kafka.bootstrapServers(), Topics.all(), partitions);
            Path staging = Files.createDirectories(data.resolve("staging"));
            out.println("OPENTA_DB_URL=" + dbUrl);
            out.println("OPENTA_KAFKA=" + kafka.bootstrapServers());
            out.println("OPENTA_STAGING=" + staging);
            out.println("infra ready (" + partitions + " partitions per topic" + (standby
                    ? "; PostgreSQL primary and synchronous standby under Patroni, through HAProxy" : "")
                    + "); Ctrl-C stops");
            out.flush();
        } catch (IOException | RuntimeException e) {
            err.println("openta: infra could not start: " + String.valueOf(e.getMessage()).replace('\n', ' '));
            stop(postgres, kafka);
            return OpenTa.FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AutoCloseable pg = postgres;
        EmbeddedKafkaBroker broker = kafka;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(pg, broker);
            stopped.countDown();
        }, "openta-infra-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OpenTa.OK;
    }

    private static void stop(AutoCloseable postgres, EmbeddedKafkaBroker kafka) {
        if (kafka != null) {
            try {
                kafka.stop();
            } catch (RuntimeException e) {
                // stopping anyway
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }
    }
}
