package io.openta.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad command line exits 2 with one line that says why, and starts nothing. */
class OpenTaArgsTest {
    @TempDir
    static Path tmp;
    static Path inbox;
    static Path aFile;

    @BeforeEach
    void dirs() throws IOException {
        inbox = Files.createDirectories(tmp.resolve("in"));
        aFile = tmp.resolve("a-file");
        Files.writeString(aFile, "x");
    }

    record Case(String expectedReason, String... args) {
        @Override
        public String toString() {
            return String.join(" ", args) + " -> " + expectedReason;
        }
    }

    static Stream<Case> badArguments() {
        String in = tmp.resolve("in").toString();
        String out = tmp.resolve("out").toString();
        String file = tmp.resolve("a-file").toString();
        return Stream.of(
                new Case("no command given"),
                new Case("unknown command 'dance'", "dance"),
                new Case("missing required option --date", "day", "--inbox", in, "--outbox", out),
                new Case("is not a date YYYYMMDD", "day", "--date", "2026112", "--inbox", in, "--outbox", out),
                new Case("is not a date YYYYMMDD", "day", "--date", "2026-11-25", "--inbox", in, "--outbox", out),
                new Case("is not a valid calendar date", "day", "--date", "20261301", "--inbox", in, "--outbox", out),
                new Case("is not a valid calendar date", "day", "--date", "20260230", "--inbox", in, "--outbox", out),
                new Case("missing required option --inbox", "day", "--date", "20261125", "--outbox", out),
                new Case("is not an existing directory", "day", "--date", "20261125", "--inbox",
                        tmp.resolve("nope").toString(), "--outbox", out),
                new Case("is not an existing directory", "day", "--date", "20261125", "--inbox", file, "--outbox",
                        out),
                new Case("missing required option --outbox", "day", "--date", "20261125", "--inbox", in),
                new Case("exists and is not a directory", "day", "--date", "20261125", "--inbox", in, "--outbox",
                        file),
                new Case("--outbox must not be the inbox", "day", "--date", "20261125", "--inbox", in, "--outbox",
                        in),
                new Case("unknown option --fast for day", "day", "--date", "20261125", "--inbox", in, "--outbox",
                        out, "--fast", "yes"),
                new Case("option --outbox needs a value", "day", "--date", "20261125", "--inbox", in, "--outbox"),
                new Case("option --date needs a value", "day", "--date", "--inbox", in, "--outbox", out),
                new Case("option --date given twice", "day", "--date", "20261125", "--date", "20261126",
                        "--inbox", in, "--outbox", out),
                new Case("unexpected argument 'extra'", "day", "extra", "--date", "20261125", "--inbox", in,
                        "--outbox", out),
                new Case("--shards '0' is not a whole number", "day", "--date", "20261125", "--inbox", in,
                        "--outbox", out, "--shards", "0"),
                new Case("--shards 'many' is not a whole number", "day", "--date", "20261125", "--inbox", in,
                        "--outbox", out, "--shards", "many"),
                new Case("--ta 'TOO-LONG-CODE' is not a code", "day", "--date", "20261125", "--inbox", in,
                        "--outbox", out, "--ta", "TOO-LONG-CODE"),
                new Case("--db-user and --db-password need --db-url", "day", "--date", "20261125", "--inbox", in,
                        "--outbox", out, "--db-user", "u"),
                new Case("is not a jdbc:postgresql:// URL", "day", "--date", "20261125", "--inbox", in,
                        "--outbox", out, "--db-url", "postgres://h/db"),
                new Case("--kafka 'localhost' is not HOST:PORT", "day", "--date", "20261125", "--inbox", in,
                        "--outbox", out, "--kafka", "localhost"),
                new Case("exists and is not a directory", "day", "--date", "20261125", "--inbox", in, "--outbox",
                        out, "--data", file),
                new Case("missing required option --accounts for bench", "bench"),
                new Case("--accounts 'lots' is not a whole number", "bench", "--accounts", "lots"),
                new Case("--accounts must be at least 10", "bench", "--accounts", "5"),
                new Case("unknown option --date for bench", "bench", "--accounts", "100", "--date", "20261125"),
                new Case("--shards '-1' is not a whole number", "bench", "--accounts", "100", "--shards=-1"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badArgumentsExitTwoWithOneLineReason(Case c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // a functions jar that cannot exist: a command that got past validation would fail with 1, not 2
        Map<String, String> env = Map.of("OPENTA_FUNCTIONS_JAR", tmp.resolve("none.jar").toString());
        int code = new OpenTa(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(c.args());
        assertEquals(OpenTa.USAGE, code, "exit code");
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\\R");
        assertTrue(lines[0].startsWith("openta: "), lines[0]);
        assertTrue(lines[0].contains(c.expectedReason()), "reason line: " + lines[0]);
        // the usage of the command that was given (of openta itself when none was)
        String command = c.args().length == 0 || c.args()[0].equals("dance") ? "" : " " + c.args()[0];
        assertTrue(lines[1].startsWith("Usage: openta" + command + " "), "usage follows: " + lines[1]);
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing on stdout");
        assertFalse(Files.exists(tmp.resolve("out")), "the outbox is not created on a usage error");
    }

    @Test
    void helpExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new OpenTa(new PrintStream(out, true), System.err, Map.of()).run(new String[] { "help" });
        assertEquals(OpenTa.OK, code);
        assertTrue(out.toString().startsWith("Usage: openta "), out.toString());
        for (String command : new String[] { "day", "migrate", "bench", "serve", "infra", "start", "status", "pause",
                "resume", "cancel", "rollback", "verify", "completion" }) {
            assertTrue(out.toString().contains("\n  " + command + " "), command + " listed: " + out);
        }
    }

    @Test
    void eachCommandHasHelpNamingItsOptions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(OpenTa.OK, new OpenTa(o, System.err, Map.of()).run("day", "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.startsWith("Usage: openta day "), help);
        for (String option : new String[] { "--date", "--inbox", "--outbox", "--data", "--ta", "--shards", "--db-url",
                "--db-user", "--db-password", "--kafka", "--help" }) {
            assertTrue(help.contains(option), option + " in " + help);
        }
        assertTrue(help.contains("default 8"), help);
        out.reset();
        assertEquals(OpenTa.OK, new OpenTa(o, System.err, Map.of()).run("help", "rollback"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: openta rollback "), out.toString());
    }

    @Test
    void everyCommandAnswersHelpWithItsUsage() {
        for (String command : new OpenTa(System.out, System.err, Map.of()).commandLine().getSubcommands().keySet()) {
            if (command.equals("help")) {
                continue; // picocli's own, checked by helpExitsZero
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // picocli warns on System.err when a description is not a valid format ("80 %" instead of "80 %%")
            ByteArrayOutputStream warnings = new ByteArrayOutputStream();
            PrintStream stderr = System.err;
            int code;
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            try {
                code = new OpenTa(new PrintStream(out, true, StandardCharsets.UTF_8), stderr, Map.of())
                        .run(command, "--help");
            } finally {
                System.setErr(stderr);
            }
            assertEquals(OpenTa.OK, code, command);
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: openta " + command + " "),
                    command + ": " + out);
            assertFalse(warnings.toString(StandardCharsets.UTF_8).contains("picocli WARN"),
                    command + ": " + warnings);
        }
    }

    @Test
    void completionPrintsTheBashScript() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new OpenTa(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of())
                .run("completion");
        assertEquals(OpenTa.OK, code);
        String script = out.toString(StandardCharsets.UTF_8);
        assertTrue(script.contains("complete -F _complete_openta"), script);
        assertTrue(script.contains("--outbox") && script.contains("rollback"), script);
    }

    @Test
    void moreBadArgumentsOfTheOtherCommands() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OpenTa cli = new OpenTa(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        assertEquals(OpenTa.USAGE, cli.run("day"));
        assertTrue(err.toString().startsWith("openta: missing required options --date, --inbox, --outbox for day"),
                err.toString());
        err.reset();
        assertEquals(OpenTa.USAGE, cli.run("rollback", "--date", "20261125", "--to", "clearing", "--file", "F"));
        assertTrue(err.toString().startsWith("openta: rollback needs exactly one of --to"), err.toString());
        err.reset();
        assertEquals(OpenTa.USAGE, cli.run("rollback", "--date", "20261125", "--to", "dancing"));
        assertTrue(err.toString().startsWith("openta: --to 'dancing' is not a stage"), err.toString());
        err.reset();
        assertEquals(OpenTa.USAGE, cli.run("pause", "--date", "2026-11-25"));
        assertTrue(err.toString().startsWith("openta: --date '2026-11-25' is not a date YYYYMMDD"), err.toString());
        err.reset();
        assertEquals(OpenTa.USAGE, cli.run("serve", "--inbox", inbox.toString(), "--outbox", "o", "--port", "70000"));
        assertTrue(err.toString().startsWith("openta: --port '70000' is not a whole number from 1 to 65535"),
                err.toString());
        err.reset();
        assertEquals(OpenTa.USAGE, cli.run("status", "--fast=yes"));
        assertTrue(err.toString().startsWith("openta: unknown option --fast for status"), err.toString());
        err.reset();
        assertEquals(OpenTa.USAGE, cli.run("--fast"));
        assertTrue(err.toString().startsWith("openta: unknown option --fast\n")
                || err.toString().startsWith("openta: unknown option --fast\r"), err.toString());
    }

    @Test
    void goodDayArgumentsAndEnvironmentFallbacks() throws Exception {
        Map<String, String> env = Map.of("OPENTA_DB_URL", "jdbc:postgresql://db:5432/ta", "OPENTA_DB_USER", "ta",
                "OPENTA_DB_PASSWORD", "secret", "OPENTA_KAFKA", "kafka:9092", "OPENTA_FUNCTIONS_JAR", "/x/q.jar");
        OpenTa cli = new OpenTa(System.out, System.err, env);
        DayCommand.Request r = cli.parseDay(new String[] { "day", "--date", "20261125", "--inbox", inbox.toString(),
                "--outbox=" + tmp.resolve("out2"), "--ta", "T1", "--shards", "3", "--data", tmp.resolve("d").toString() });
        assertEquals("20261125", r.date());
        assertEquals(inbox.toAbsolutePath(), r.inbox());
        assertEquals(tmp.resolve("out2").toAbsolutePath(), r.outbox());
        ClusterOptions o = r.options();
        assertEquals("T1", o.taCode());
        assertEquals(3, o.shards());
        assertEquals(tmp.resolve("d").toAbsolutePath(), o.dataDir());
        assertEquals("jdbc:postgresql://db:5432/ta", o.dbUrl());
        assertEquals("ta", o.dbUser());
        assertEquals("secret", o.dbPassword());
        assertEquals("kafka:9092", o.kafka());
        assertEquals(Path.of("/x/q.jar"), o.functionsJar());
        assertEquals("postgresql://db:5432/ta", LocalCluster.reactiveUrl(o.dbUrl()));

        DayCommand.Request defaults = new OpenTa(System.out, System.err, Map.of()).parseDay(new String[] { "day",
                "--date", "20261125", "--inbox", inbox.toString(), "--outbox", tmp.resolve("out2").toString() });
        assertEquals("99", defaults.options().taCode());
        assertEquals(8, defaults.options().shards());
        assertNull(defaults.options().dbUrl());
        assertNull(defaults.options().kafka());
        assertEquals(Path.of(".openta-data").toAbsolutePath(), defaults.options().dataDir());
    }

    @Test
    void progressLineFormat() {
        var e = new io.openta.model.events.DayEvent("STAGE_COMPLETED", "20261125", "clearing", 12, 8, 1234, null,
                "r");
        assertEquals("clearing            records=12 shards=8 1.23 s", OpenTa.progressLine(e));
    }
}
