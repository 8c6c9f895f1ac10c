package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code openta release}: bad command lines exit 2 with one line; an unreachable server exits 1 with one line. */
class ReleaseArgsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new OpenTa(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
    }

    private String firstErrLine() {
        return err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    @Test
    void aSubcommandIsNeeded() {
        assertEquals(OpenTa.USAGE, run("release"));
        assertEquals("openta: release needs a subcommand: set-step STEP, status or abort", firstErrLine());
    }

    @Test
    void setStepNeedsAStepName() {
        assertEquals(OpenTa.USAGE, run("release", "set-step"));
        assertTrue(firstErrLine().startsWith("openta: missing required option STEP"), firstErrLine());
        err.reset();
        assertEquals(OpenTa.USAGE, run("release", "set-step", "gray 20%"));
        assertEquals("openta: STEP 'gray 20%' is not a step name (1 to 64 letters, digits, . _ -)", firstErrLine());
        err.reset();
        assertEquals(OpenTa.USAGE, run("release", "set-step", "beta", "gray-5"));
        assertTrue(firstErrLine().startsWith("openta: unexpected argument 'gray-5'"), firstErrLine());
    }

    @Test
    void unknownSubcommandsAndOptionsAreNamed() {
        assertEquals(OpenTa.USAGE, run("release", "promote"));
        assertTrue(firstErrLine().startsWith("openta: unexpected argument 'promote'"), firstErrLine());
        err.reset();
        assertEquals(OpenTa.USAGE, run("release", "abort", "--force"));
        assertTrue(firstErrLine().startsWith("openta: unknown option --force for abort"), firstErrLine());
    }

    @Test
    void anUnreachableServerIsOneLineAndExitOne() {
        assertEquals(OpenTa.FAILED, run("release", "status", "--url", "http://127.0.0.1:1", "--token", "t"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("openta: "), e);
        assertEquals(1, e.lines().count(), e);
    }
}
