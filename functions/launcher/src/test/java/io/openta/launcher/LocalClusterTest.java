package io.openta.launcher;

import io.openta.model.events.DayEvent;
import io.openta.model.events.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's plumbing against {@link FakeFunctionsApp}: env, readiness, commands, events, exit codes. */
class LocalClusterTest {
    @TempDir
    Path tmp;

    @Test
    void clearsSeveralDaysOnOneCluster() throws Exception {
        Path jar = FakeFunctionsApp.buildJar(tmp);
        Path in1 = Files.createDirectories(tmp.resolve("in1"));
        Files.writeString(in1.resolve("A.TXT"), "a");
        Files.writeString(in1.resolve("B.TXT"), "b");
        Path in2 = Files.createDirectories(tmp.resolve("in2"));
        Files.writeString(in2.resolve("FAIL"), "");
        Path out1 = Files.createDirectories(tmp.resolve("out1"));
        Path out2 = Files.createDirectories(tmp.resolve("out2"));

        ClusterOptions options = ClusterOptions.embedded(tmp.resolve("data"), Map.of())
                .withFunctionsJar(jar).withShards(3);
        try (LocalCluster cluster = LocalCluster.start(options)) {
            List<DayEvent> seen = new ArrayList<>();
            DayOutcome ok = cluster.runDay("20261125", in1, out1, seen::add);
            assertTrue(ok.completed(), ok.message());
            assertEquals(9, seen.size(), "8 stages and the end of day, none of the other request: " + seen);
            assertEquals(Stage.values().length, ok.stages().size());
            assertEquals(3, ok.stages().get(0).shards());
            assertTrue(Files.exists(out1.resolve("A.TXT.OUT")));

            DayOutcome failed = cluster.runDay("20261126", in2, out2, e -> { });
            assertTrue(failed.failed());
            assertEquals("no 07 file", failed.message());

            DayOutcome again = cluster.runDay("20261127", in1, out2, e -> { });
            assertTrue(again.completed(), again.message());
        }
        assertTrue(Files.readString(tmp.resolve("data/logs/functions.log")).contains("=== "));
        assertTrue(Files.isDirectory(tmp.resolve("data/staging")));
    }

    @Test
    void dayCommandPrintsProgressAndExitCodes() throws Exception {
        Path jar = FakeFunctionsApp.buildJar(tmp);
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("A.TXT"), "a");
        Path outbox = tmp.resolve("new/outbox");
        Map<String, String> env = Map.of("OPENTA_FUNCTIONS_JAR", jar.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new OpenTa(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(new String[] { "day", "--date",
                        "20261125", "--inbox", in.toString(), "--outbox", outbox.toString(), "--data",
                        tmp.resolve("data").toString() });
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(OpenTa.OK, code, stdout + err);
        assertTrue(stdout.contains("day-init            records=1 shards=8 0.01 s"), stdout);
        assertTrue(stdout.contains("day 20261125 cleared in "), stdout);
        assertTrue(stdout.contains(": 1 files in " + outbox.toAbsolutePath()), stdout);

        Files.writeString(in.resolve("FAIL"), "");
        err.reset();
        code = new OpenTa(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), env).run(new String[] {
                "day", "--date", "20261126", "--inbox", in.toString(), "--outbox", outbox.toString(), "--data",
                tmp.resolve("data").toString() });
        assertEquals(OpenTa.FAILED, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("day 20261126 failed: no 07 file"), err.toString());
    }

    @Test
    void benchCommandBuildsTheCaseAndPrintsTheDay2Table() throws Exception {
        Path jar = FakeFunctionsApp.buildJar(tmp);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new OpenTa(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                Map.of("OPENTA_FUNCTIONS_JAR", jar.toString())).run(new String[] { "bench", "--accounts", "20",
                        "--data", tmp.resolve("data").toString(), "--shards", "2" });
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(OpenTa.OK, code, stdout);
        assertTrue(Files.isDirectory(tmp.resolve("data/bench-20/in/20260105")));
        // a table per day (day1, day2), each with the whole day and the sum of its stages
        assertTrue(stdout.contains("day 2 has 1 purchases and 1 redemptions"), stdout);
        assertTrue(stdout.contains("bench day1 20260105 (20 accounts, 2 shards):"), stdout);
        assertTrue(stdout.contains("bench day2 20260106 (20 accounts, 2 shards):"), stdout);
        assertTrue(stdout.contains("stage sum"), stdout);
        assertTrue(stdout.contains("functions JVM: -Xmx2g"), stdout);
        // each day as a user runs it: the whole command, its start-up and its shutdown apart
        assertTrue(stdout.contains("whole command (openta day, JVM start to exit)"), stdout);
        assertTrue(stdout.contains("start-up (PostgreSQL, Kafka, functions app)"), stdout);
        // the (fake) functions app's peak memory as its day command printed it, and what the state holds on disk
        assertTrue(stdout.matches("(?s).*functions app peak memory \\(resident\\) +[1-9][0-9]* MB.*"), stdout);
        assertTrue(stdout.matches("(?s).*disk use after the day +database \\(pg\\) [1-9][0-9,]* MB.*"), stdout);
        System.out.println(stdout);
    }
    @Test
    void benchOnServeStartsOneServeForBothDaysAndStopsItBeforeTheFloor() throws Exception {
        Path jar = FakeFunctionsApp.buildJar(tmp);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path data = tmp.resolve("data");
        int code = new OpenTa(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                Map.of("OPENTA_FUNCTIONS_JAR", jar.toString())).run(new String[] { "bench", "--accounts", "20",
                        "--data", data.toString(), "--shards", "2", "--on-serve" });
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(OpenTa.OK, code, stdout);
        // the serve's start-up is printed once, apart; each day command found it and started nothing
        assertTrue(stdout.matches("(?s).*serve on \\S+ started in [0-9.]+ s.*"), stdout);
        assertEquals(2, stdout.split("on the running serve at http://127\\.0\\.0\\.1:", -1).length - 1, stdout);
        assertTrue(stdout.contains("bench day1 20260105 (20 accounts, 2 shards, on a running serve):"), stdout);
        assertTrue(stdout.contains("bench day2 20260106 (20 accounts, 2 shards, on a running serve):"), stdout);
        assertTrue(stdout.contains("start-up (on the serve: the command's Kafka clients)"), stdout);
        // the day commands start no functions app: the peak is the serve's (fake) functions app's, read by the bench
        assertTrue(stdout.matches("(?s).*functions app peak memory \\(serve's, so far\\) +[1-9][0-9]* MB.*"), stdout);
        try (var written = Files.list(data.resolve("bench-20/out/20260106"))) {
            assertTrue(written.anyMatch(Files::isRegularFile), "day 2 wrote its files on the serve: " + stdout);
        }
        // stopped before the floor: nothing advertises a serve on the bench's data folder any more
        assertTrue(ServeFile.find(data.resolve("bench-20/state")).isEmpty(), stdout);
        System.out.println(stdout);
    }
}
