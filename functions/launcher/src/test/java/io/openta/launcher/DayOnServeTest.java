package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openta day} on a running {@code openta serve} (real processes: the serve's embedded PostgreSQL and Kafka and
 * the packaged functions app): found through the serve's data folder, then named by {@code --url}, it starts
 * nothing and clears golden case-01's days byte-identical to the expected files.
 */
class DayOnServeTest {
    @TempDir
    Path tmp;

    @Test
    void dayOnARunningServeStartsNothingAndClearsTheGoldenDays() throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        Path data = tmp.resolve("serve-data");
        int port = Ports.free();
        Path defaultInbox = Files.createDirectories(tmp.resolve("serve-in"));
        try (ServeProcess serve = ServeProcess.start(data, port, Map.of(), "OpenTA serving on", Duration.ofMinutes(3),
                "serve", "--port", String.valueOf(port), "--inbox", defaultInbox.toString(), "--outbox",
                tmp.resolve("serve-out").toString(), "--data", data.toString())) {
            assertTrue(Files.isRegularFile(data.resolve(ServeFile.NAME)), "serve wrote no " + ServeFile.NAME);

            // day 1: found through --data (the serve's serve.properties)
            String day1 = "20261125";
            Path out1 = tmp.resolve("out-" + day1);
            String stdout = runDay(0, "day", "--date", day1, "--inbox", golden.resolve(day1 + "/in").toString(),
                    "--outbox", out1.toString(), "--data", data.toString());
            assertTrue(stdout.contains("on the running serve at " + serve.url() + ": nothing started"), stdout);
            assertTrue(stdout.contains("day " + day1 + " timing: start-up "), stdout);
            TestCases.assertSameOutbox(golden.resolve(day1 + "/out"), out1, "day " + day1 + " on the serve");

            // day 2: named by --url (the broker still from the serve's data folder)
            String day2 = "20261126";
            Path out2 = tmp.resolve("out-" + day2);
            stdout = runDay(0, "day", "--date", day2, "--inbox", golden.resolve(day2 + "/in").toString(),
                    "--outbox", out2.toString(), "--data", data.toString(), "--url", serve.url());
            assertTrue(stdout.contains("nothing started"), stdout);
            TestCases.assertSameOutbox(golden.resolve(day2 + "/out"), out2, "day " + day2 + " by --url");
            // the day ran in the serve's functions app: this launcher started no PostgreSQL of its own
            assertTrue(serve.functionsLog().contains("day " + day2 + " cleared"), serve.functionsLogTail());
        }
        // a stopped serve deletes its file; a day on that folder would start its own cluster again
        assertFalse(Files.exists(data.resolve(ServeFile.NAME)), "serve.properties left after the serve stopped");
    }

    @Test
    void urlOfNoServeIsOneErrorLine() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String nobody = "http://127.0.0.1:" + Ports.free();
        String err = runDayErr(1, "day", "--date", "20261125", "--inbox", in.toString(), "--outbox",
                tmp.resolve("out").toString(), "--data", tmp.resolve("data").toString(), "--url", nobody, "--kafka",
                "127.0.0.1:9");
        assertEquals(List.of("openta: no OpenTA serve process at " + nobody), err.lines().toList(), err);
        String usage = runDayErr(2, "day", "--date", "20261125", "--inbox", in.toString(), "--outbox",
                tmp.resolve("out").toString(), "--data", tmp.resolve("data").toString(), "--url", "http://127.0.0.1:1");
        assertTrue(usage.contains("--url needs the serve's broker"), usage);
    }

    private static String runDay(int expected, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new OpenTa(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(expected, code, stdout + err.toString(StandardCharsets.UTF_8));
        return stdout;
    }

    private static String runDayErr(int expected, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new OpenTa(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(expected, code, out.toString(StandardCharsets.UTF_8) + stderr);
        return stderr;
    }
}
