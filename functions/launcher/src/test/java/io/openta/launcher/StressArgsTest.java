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
 * {@code openta stress}'s and {@code openta bench stress}'s bad arguments (exit 2, one line, nothing created), its
 * stress day control calls, the stress throughput line and the slowdown figure.
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
        assertEquals(List.of("openta: stress clean takes no --date, --inbox, --outbox, --accounts, --trades or "
                + "--from-production"), usage("stress", "clean", "--date", "20261125", "--data", data));
        assertEquals(List.of("openta: stress clean takes no --date, --inbox, --outbox, --accounts, --trades or "
                + "--from-production"), usage("stress", "clean", "--from-production", "--data", data));
        assertEquals(List.of("openta: --from-production goes with --date (the generated days start from empty "
                + "shadow tables)"), usage("stress", "--accounts", "100", "--outbox", out, "--from-production",
                "--data", data));
        assertEquals(List.of("openta: --accounts generates the days: give --outbox, and no --date or --inbox"),
                usage("stress", "--accounts", "100", "--date", "20261125", "--outbox", out, "--data", data));
        assertEquals(List.of("openta: --accounts must be at least 10"),
                usage("stress", "--accounts", "9", "--outbox", out, "--data", data));
        assertEquals(List.of("openta: --trades must be from 1 to 201 for 100 accounts (at most one redemption per "
                + "account)"), usage("stress", "--accounts", "100", "--trades", "202", "--outbox", out, "--data", data));
        assertEquals(List.of("openta: --trades goes with --accounts"), usage("stress", "--trades", "5", "--date",
                "20261125", "--inbox", in.toString(), "--outbox", out, "--data", data));
        assertEquals(List.of("openta: unknown stress action 'dance' (expected: clean, status, pause, resume, cancel)"),
                usage("stress", "dance", "--data", data));
        assertEquals(List.of("openta: stress pause needs --date"), usage("stress", "pause", "--data", data));
        assertEquals(List.of("openta: stress status takes no --inbox, --outbox, --accounts or --trades"),
                usage("stress", "status", "--inbox", in.toString(), "--data", data));
        assertEquals(List.of("openta: --token is for stress status, pause, resume and cancel"), usage("stress",
                "--date", "20261125", "--inbox", in.toString(), "--outbox", out, "--token", "t", "--data", data));
        assertEquals(List.of("openta: --shadow needs --url: a stress day is rolled back on the serve that runs it"),
                usage("rollback", "--date", "20261125", "--to", "export", "--shadow", "--data", data));
        assertEquals(List.of("openta: --outbox must not be the inbox"), usage("stress", "--date", "20261125",
                "--inbox", in.toString(), "--outbox", in.toString(), "--data", data));
        usage("stress", "--date", "2026-11-25", "--inbox", in.toString(), "--outbox", out, "--data", data);
        assertFalse(Files.exists(tmp.resolve("out")), "the outbox is not created on a usage error");
        assertFalse(Files.exists(tmp.resolve("data")), "nothing started on a usage error");
    }

    /**
     * The launcher's half of stress day control: {@code stress status|pause|resume|cancel} and {@code rollback
     * --shadow} call the production endpoints with {@code ?traffic=shadow} and the token, print the answer, and turn
     * a refusal into one line and exit 1. The serve is stood in for by a JDK HTTP server that records the requests
     * and answers as the scheduler does; the scheduler's side (the shadow set, the roles) is StressDayApiTest's.
     */
    @Test
    void controlCallsTheServesStressDays() throws Exception {
        List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer serve = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        serve.createContext("/api/days", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String target = x.getRequestURI().toString();
            requests.add(x.getRequestMethod() + " " + target + " " + x.getRequestHeaders().getFirst("Authorization")
                    + (body.isEmpty() ? "" : " " + body));
            int code = 200;
            String answer;
            if (target.startsWith("/api/days/20261126")) {
                code = 404;
                answer = "{\"message\":\"no stress day 20261126\"}";
            } else if (target.contains("/rollback")) {
                answer = "{\"message\":\"stress day 20261125 rolled back\"}";
            } else if ("POST".equals(x.getRequestMethod())) {
                code = 202;
                answer = "{\"date\":\"20261125\"}";
            } else if (target.startsWith("/api/days/20261125")) {
                answer = "{\"date\":\"20261125\",\"status\":\"PAUSED\",\"stage\":\"clearing\",\"step\":\"\","
                        + "\"message\":null,\"steps\":[],\"rollbacks\":[]}";
            } else {
                answer = "[{\"date\":\"20261125\",\"status\":\"PAUSED\",\"stage\":\"clearing\",\"message\":null}]";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(code, bytes.length);
            x.getResponseBody().write(bytes);
            x.close();
        });
        serve.start();
        try {
            String url = "http://127.0.0.1:" + serve.getAddress().getPort();
            assertEquals(List.of("stress day 20261125: pause sent"),
                    ok("stress", "pause", "--date", "20261125", "--url", url, "--token", "tk"));
            assertEquals(List.of("stress day 20261125: resume sent"),
                    ok("stress", "resume", "--date", "20261125", "--url", url, "--token", "tk"));
            assertEquals(List.of("stress day 20261125: cancel sent"),
                    ok("stress", "cancel", "--date", "20261125", "--url", url, "--token", "tk"));
            assertEquals("stress day 20261125: PAUSED at clearing",
                    ok("stress", "status", "--date", "20261125", "--url", url, "--token", "tk").get(0));
            assertEquals(List.of("20261125 PAUSED clearing"), ok("stress", "status", "--url", url, "--token", "tk")
                    .stream().map(l -> l.replaceAll("\\s+", " ").strip()).toList());
            assertEquals(List.of("stress day 20261125 rolled back"), ok("rollback", "--date", "20261125", "--to",
                    "export", "--shadow", "--url", url, "--token", "tk"));
            assertEquals(List.of("POST /api/days/20261125/pause?traffic=shadow Bearer tk {}",
                    "POST /api/days/20261125/resume?traffic=shadow Bearer tk {}",
                    "POST /api/days/20261125/cancel?traffic=shadow Bearer tk {}",
                    "GET /api/days/20261125?traffic=shadow Bearer tk",
                    "GET /api/days?traffic=shadow Bearer tk",
                    "POST /api/days/20261125/rollback?traffic=shadow Bearer tk {\"to\":\"export\"}"), requests);

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new OpenTa(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run("stress", "pause", "--date",
                            "20261126", "--url", url, "--token", "tk");
            assertEquals(OpenTa.FAILED, code);
            assertEquals("openta: no stress day 20261126" + System.lineSeparator(),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            serve.stop(0);
        }
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

    /** Runs a command that must succeed: its stdout's lines. */
    private static List<String> ok(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new OpenTa(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8), Map.of()).run(args);
        assertEquals(OpenTa.OK, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
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
