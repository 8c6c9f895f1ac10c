package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.openta.model.events.DayEvent;

/**
 * {@code openta stress}'s and {@code openta bench stress}'s bad arguments (exit 2, one line, nothing created), the
 * stress throughput line and the slowdown figure.
 */
class StressArgsTest {
    @TempDir
    Path tmp;

    @Test
    void badArgumentsAreOneLineAndCreateNothing() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String out = tmp.resolve("out").toString();
        String data = tmp.resolve("data").toString();
        assertEquals(List.of("openta: a stress day needs --date, --inbox and --outbox (or --accounts and --outbox)"),
                usage("stress", "--date", "20261125", "--data", data));
        assertEquals(List.of("openta: stress clean takes no --date, --inbox, --outbox, --accounts or --trades"),
                usage("stress", "clean", "--date", "20261125", "--data", data));
        assertEquals(List.of("openta: --accounts generates the days: give --outbox, and no --date or --inbox"),
                usage("stress", "--accounts", "100", "--date", "20261125", "--outbox", out, "--data", data));
        assertEquals(List.of("openta: --accounts must be at least 10"),
                usage("stress", "--accounts", "9", "--outbox", out, "--data", data));
        assertEquals(List.of("openta: --trades must be from 1 to 201 for 100 accounts (at most one redemption per "
                + "account)"), usage("stress", "--accounts", "100", "--trades", "202", "--outbox", out, "--data", data));
        assertEquals(List.of("openta: --trades goes with --accounts"), usage("stress", "--trades", "5", "--date",
                "20261125", "--inbox", in.toString(), "--outbox", out, "--data", data));
        assertEquals(List.of("openta: unknown stress action 'dance' (expected: clean)"),
                usage("stress", "dance", "--data", data));
        assertEquals(List.of("openta: --outbox must not be the inbox"), usage("stress", "--date", "20261125",
                "--inbox", in.toString(), "--outbox", in.toString(), "--data", data));
        usage("stress", "--date", "2026-11-25", "--inbox", in.toString(), "--outbox", out, "--data", data);
        assertFalse(Files.exists(tmp.resolve("out")), "the outbox is not created on a usage error");
        assertFalse(Files.exists(tmp.resolve("data")), "nothing started on a usage error");
    }

    @Test
    void benchStressBadArgumentsAreOneLineAndStartNothing() {
        String data = tmp.resolve("data").toString();
        assertEquals(List.of("openta: --runs '0' is not a whole number from 1 to 10"),
                usage("bench", "stress", "--runs", "0", "--data", data));
        assertEquals(List.of("openta: --runs '11' is not a whole number from 1 to 10"),
                usage("bench", "stress", "--runs", "11", "--data", data));
        assertEquals(List.of("openta: --accounts must be at least 10"),
                usage("bench", "stress", "--accounts", "9", "--data", data));
        assertEquals(List.of("openta: --trades must be from 1 to 201 for 100 accounts (at most one redemption per "
                + "account)"), usage("bench", "stress", "--accounts", "100", "--trades", "202", "--data", data));
        assertEquals(List.of("openta: --trades must be from 1 to 201 for 100 accounts (at most one redemption per "
                + "account)"), usage("bench", "stress", "--accounts", "100", "--trades", "0", "--data", data));
        assertEquals(List.of("openta: unknown option --date for stress (did you mean --data?)"),
                usage("bench", "stress", "--date", "20261125", "--data", data));
        assertFalse(Files.exists(tmp.resolve("data")), "nothing generated or started on a usage error");
    }

    @Test
    void slowdownIsTheExtraTimeBesideInPercentOfTheTimeAlone() {
        assertEquals("+25.0%", StressReport.slowdown(2000, 2500));
        assertEquals("-10.0%", StressReport.slowdown(1000, 900));
        assertEquals("0.0%", StressReport.slowdown(1000, 1000));
        assertEquals("+0.1%", StressReport.slowdown(3000, 3002)); // 0.0667 % rounds half up to a tenth
        assertEquals("-", StressReport.slowdown(0, 50));
    }

    @Test
    void throughputLineGivesRecordsPerSecond() {
        DayEvent clearing = new DayEvent(DayEvent.STAGE_COMPLETED, "20261125", "clearing", 1234, 8, 2500, "", "r");
        assertEquals("stress stage clearing: 1234 records in 2.5 s, 493.6 records/s (8 tasks)",
                StressCommand.throughputLine(clearing));
        DayEvent instant = new DayEvent(DayEvent.STAGE_COMPLETED, "20261125", "export", 0, 1, 0, "", "r");
        assertEquals("stress stage export: 0 records in 0.0 s, - records/s (1 tasks)",
                StressCommand.throughputLine(instant));
    }

    private static List<String> usage(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new OpenTa(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(OpenTa.USAGE, code, text);
        return text.lines().limit(1).toList();
    }
}
