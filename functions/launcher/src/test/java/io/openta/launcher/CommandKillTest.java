package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@code openta day} command killed with -9 (the launcher, with its Kafka broker; its PostgreSQL and the
 * functions app are left orphaned), then the same command run again: it takes over the data folder and resumes, and
 * the outbox is byte-identical to the expected one.
 */
class CommandKillTest {
    private static final String DAY1 = "20261125";
    private static final String DAY2 = "20261126";

    @TempDir
    Path work;

    @ParameterizedTest(name = "killed after the {0} stage line")
    @ValueSource(strings = { "file-import", "profit", "export" })
    void theSameCommandResumesAfterKillMinusNine(String afterStage) throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        Path data = work.resolve("data");
        assertEquals(0, day(DAY1, golden, data, work.resolve("out1"), null).exitCode);
        Path outbox = work.resolve("out2");
        Run killed = day(DAY2, golden, data, outbox, afterStage);
        assertTrue(killed.killed, "the command ended before the kill: " + killed.lines);
        Run again = day(DAY2, golden, data, outbox, null);
        assertEquals(0, again.exitCode, String.join("\n", again.lines));
        TestCases.assertSameOutbox(golden.resolve(DAY2 + "/out"), outbox, "after kill -9 following " + afterStage);
    }

    private record Run(int exitCode, boolean killed, List<String> lines) {
    }

    /** Runs {@code openta day} as its own process; kills it with -9 once it prints {@code killAfter}'s line. */
    private static Run day(String date, Path golden, Path data, Path outbox, String killAfter) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), OpenTa.class.getName(), "day", "--date", date, "--inbox",
                golden.resolve(date + "/in").toString(), "--outbox", outbox.toString(), "--data", data.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (killAfter != null && line.startsWith(killAfter + " ")) {
                    p.destroyForcibly(); // SIGKILL: no shutdown hook runs
                    killed = true;
                    break;
                }
            }
        }
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "openta day did not end");
        Files.createDirectories(outbox);
        return new Run(p.exitValue(), killed, lines);
    }
}
