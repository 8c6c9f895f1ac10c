package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Serve mode: days started, paused, resumed and cancelled through the API (and the CLI against it). A paused day makes
 * no progress; resumed, it ends as the undisturbed run did; a cancelled day leaves the state as before it.
 */
class DayControlTest {
    private static final String DAY = "20260105";

    @TempDir
    Path work;

    @Test
    void pauseHoldsTheDayResumeFinishesItCancelRollsItBack() throws Exception {
        // the generated days are written to in/<date>/: "in" is the inbox root, the day writes out/<date>/
        BenchCase bc = BenchCase.generate(work.resolve("in"), 20_000, 7L);
        Path inbox = bc.days().get(0).inbox();
        assertEquals(work.resolve("in").resolve(DAY), inbox);
        Path outbox = work.resolve("out").resolve(DAY);
        ClusterOptions options = TestCases.options(work.resolve("data"));
        try (LocalCluster cluster = LocalCluster.start(options.withHttp(options.httpPort(),
                Map.of("OPENTA_STORAGE_INBOX_ROOT", work.resolve("in").toString(), "OPENTA_STORAGE_OUTBOX_ROOT",
                        work.resolve("out").toString(), "OPENTA_SCHEDULER_VERIFY_AFTER_DAY", "true")))) {
            Api api = new Api(cluster);
            String url = "http://127.0.0.1:" + cluster.functions().httpPort();
            // the CLI signs in as ./openta token would print it; without a token it is refused with a hint
            String token = cluster.auth().mint("ops", "admin", Api.TEST_TOKEN_TTL);
            Result anonymous = cli("status", "--url", url);
            assertEquals(1, anonymous.code);
            assertTrue(anonymous.err.contains("needs a token"), anonymous.err);

            // the CLI names no folder: one given is refused before anything is sent
            Result named = cli("start", "--date", DAY, "--url", url, "--token", token, "--inbox", inbox.toString());
            assertEquals(2, named.code, named.err);
            assertTrue(named.err.contains("start takes no folder: day " + DAY + " reads the serve's inbox root/" + DAY),
                    named.err);
            assertEquals(0, new ApiClient(url, token).get("/api/days").size(), "nothing started");

            // started through the CLI against the serve process: the day reads in/DAY and writes out/DAY
            assertEquals(0, cli("start", "--date", DAY, "--url", url, "--token", token).code);
            api.await(DAY, Api.inStatus("COMPLETED"), Duration.ofMinutes(2), "completed");
            Path reference = TestCases.copyWithout(outbox, work.resolve("reference"));
            api.rollbackTo(DAY, "day-init"); // (withdraws the published files)

            // paused: nothing moves; resumed: the same files as undisturbed
            api.post(DAY, "start", Map.of());
            api.await(DAY, Api.inStatus("RUNNING"), Duration.ofSeconds(30), "running");
            assertEquals(0, cli("pause", "--date", DAY, "--url", url, "--token", token).code);
            JsonNode held = api.await(DAY, Api.inStatus("PAUSED"), Duration.ofSeconds(30), "paused");
            Thread.sleep(300); // a task running when the pause came may still finish
            JsonNode before = api.status(DAY);
            Thread.sleep(2000);
            JsonNode after = api.status(DAY);
            assertEquals(before.path("steps"), after.path("steps"), "no progress while paused");
            assertEquals("PAUSED", after.path("status").asText());
            Result status = cli("status", "--date", DAY, "--url", url, "--token", token);
            assertTrue(status.out.contains("PAUSED"), status.out);
            assertFalse(held.path("stage").asText().isEmpty());
            assertEquals(0, cli("resume", "--date", DAY, "--url", url, "--token", token).code);
            api.await(DAY, Api.inStatus("COMPLETED"), Duration.ofMinutes(2), "completed after resume");
            TestCases.assertSameOutbox(reference, outbox, "resumed day");

            // cancelled mid-way: rolled back to its start, so clearing it again gives the same files
            api.rollbackTo(DAY, "day-init");
            api.post(DAY, "start", Map.of());
            api.await(DAY, Api.inStatus("RUNNING"), Duration.ofSeconds(30), "running");
            api.post(DAY, "pause", Map.of());
            api.await(DAY, Api.inStatus("PAUSED"), Duration.ofSeconds(30), "paused");
            assertEquals(0, cli("cancel", "--date", DAY, "--url", url, "--token", token).code);
            api.await(DAY, Api.inStatus("CANCELLED"), Duration.ofSeconds(30), "cancelled");
            api.post(DAY, "start", Map.of());
            api.await(DAY, Api.inStatus("COMPLETED"), Duration.ofMinutes(2), "completed after cancel");
            TestCases.assertSameOutbox(reference, outbox, "day cleared again after a cancel");

            // the day proven record by record through the API; what the days left in the metrics (the release
            // analysis watches openta_verify_mismatches_total); a health check that watches for stuck stages
            JsonNode verified = new ApiClient(url, token).get("/api/days/" + DAY + "/verify");
            assertTrue(verified.path("ok").asBoolean(), verified.toString());
            String metrics = httpGet(url + "/q/metrics");
            for (String counter : new String[] { "openta_tasks_dispatched_total", "openta_tasks_completed_total",
                    "openta_stage_duration_seconds_count", "openta_verify_mismatches_total",
                    "openta_verify_runs_total" }) {
                assertTrue(metrics.contains(counter), counter + " missing from /q/metrics");
            }
            assertTrue(httpGet(url + "/q/health/well").contains("stages-progressing"));

            // operators' mistakes: a one-line reason and a non-zero exit
            Result unknown = cli("status", "--date", "20991231", "--url", url, "--token", token);
            assertEquals(1, unknown.code);
            assertTrue(unknown.err.contains("no day 20991231"), unknown.err);
            Result notRunning = cli("pause", "--date", DAY, "--url", url, "--token", token);
            assertEquals(1, notRunning.code);
            assertTrue(notRunning.err.contains("cannot pause"), notRunning.err);
        }
        Result noServer = cli("status", "--url", "http://127.0.0.1:" + Ports.free());
        assertEquals(1, noServer.code);
        assertTrue(noServer.err.contains("no OpenTA serve process"), noServer.err);
    }

    private static String httpGet(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new OpenTa(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
