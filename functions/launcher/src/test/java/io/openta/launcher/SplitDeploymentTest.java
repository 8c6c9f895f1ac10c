package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.openta.model.events.Stage;
import io.openta.model.events.Topics;

/**
 * The split deployment as Kubernetes runs it: the scheduler app and the eight stage apps (each its own packaged
 * Quarkus app, {@code functions/<app>/target/quarkus-app}) as nine processes on one PostgreSQL and one Kafka broker,
 * clearing a golden day byte-identical.
 */
class SplitDeploymentTest {
    private static final String DAY1 = "20261125";

    @TempDir
    Path work;

    @Test
    void nineProcessesClearAGoldenDay() throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        Path root = FunctionsProcess.repositoryRoot(Map.of());
        // the scheduler's roots: the day reads in/DAY1 and writes out/DAY1
        TestCases.inboxRoot(golden, work.resolve("in"), DAY1);
        Path outbox = work.resolve("out").resolve(DAY1);
        List<FunctionsProcess> apps = new ArrayList<>();
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(work.resolve("pg"));
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(work.resolve("kafka"))) {
            EmbeddedKafkaBroker.createTopics(kafka.bootstrapServers(), Topics.all(), 8);
            long t0 = System.nanoTime();
            // the scheduler first: it owns the schema migrations the stage apps rely on
            FunctionsProcess scheduler = FunctionsProcess.start(settings(root, "scheduler", pg, kafka), Duration
                    .ofMinutes(3));
            apps.add(scheduler);
            List<CompletableFuture<FunctionsProcess>> stages = new ArrayList<>();
            for (Stage s : Stage.values()) {
                stages.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return FunctionsProcess.start(settings(root, s.id(), pg, kafka), Duration.ofMinutes(4));
                    } catch (Exception e) {
                        throw new IllegalStateException(s.id() + ": " + e.getMessage(), e);
                    }
                }));
            }
            for (CompletableFuture<FunctionsProcess> f : stages) {
                apps.add(f.get(5, TimeUnit.MINUTES));
            }
            long started = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            ApiClient api = new ApiClient("http://127.0.0.1:" + scheduler.httpPort(), auth().mint("test", "admin",
                    Api.TEST_TOKEN_TTL));
            JsonNode leader = null;
            for (int i = 0; i < 200 && (leader == null || !leader.path("leading").asBoolean()); i++) {
                leader = api.get("/api/leader");
                Thread.sleep(50);
            }
            long t1 = System.nanoTime();
            api.post("/api/days/" + DAY1 + "/start", Map.of());
            JsonNode day = null;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) {
                try {
                    day = api.get("/api/days/" + DAY1);
                } catch (ApiClient.ApiException e) {
                    Thread.sleep(100); // the command is on its way
                    continue;
                }
                if (!day.path("status").asText().equals("RUNNING") && !day.path("status").asText()
                        .equals("PUBLISHING")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals("COMPLETED", day.path("status").asText(), day.toString());
            TestCases.assertSameOutbox(golden.resolve(DAY1 + "/out"), outbox, "the split deployment");
            System.out.printf("split deployment: 9 processes ready in %d ms; day %s cleared in %d ms%n", started,
                    DAY1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1));
        } finally {
            apps.forEach(FunctionsProcess::stop);
        }
    }

    private FunctionsProcess.Settings settings(Path root, String app, EmbeddedPostgresServer pg,
            EmbeddedKafkaBroker kafka) {
        return new FunctionsProcess.Settings(root.resolve("functions/" + app + "/target/quarkus-app/quarkus-run.jar"),
                pg.jdbcUrl(), pg.reactiveUrl(), pg.user(), pg.password(), kafka.bootstrapServers(), "99", 8,
                work.resolve("staging"), work.resolve("logs/" + app + ".log"), 0,
                env(app));
    }

    /** Every app verifies tokens with one key, as the scheduler must (the stage apps serve no API). */
    private Map<String, String> env(String app) {
        Map<String, String> env = new java.util.HashMap<>(auth().appEnvironment());
        env.putAll(Map.of("OPENTA_SCHEDULER_VERIFY_AFTER_DAY", "false", "OPENTA_INSTANCE", app,
                "OPENTA_STORAGE_INBOX_ROOT", work.resolve("in").toString(), "OPENTA_STORAGE_OUTBOX_ROOT",
                work.resolve("out").toString()));
        return env;
    }

    private LocalAuth auth() {
        try {
            return LocalAuth.open(work.resolve("auth"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
