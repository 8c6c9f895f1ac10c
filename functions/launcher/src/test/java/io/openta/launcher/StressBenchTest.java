package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.openta.model.events.Stage;

/**
 * {@code openta bench stress} on a tiny generated case (40 accounts, 12 trades, 2 shards), on the real embedded
 * services and the packaged functions app: each bench day is cleared in production alone, beside a stress day of the
 * same date and input, and alone again. The report has every stage of both days with its seconds alone and beside and
 * the stress day's throughput; every production run wrote the same bytes, and the stress day the same files as
 * production.
 */
class StressBenchTest {
    private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d\\d");

    @TempDir
    Path tmp;

    @Test
    void reportsEveryStageAloneAndBesideAStressDayAndProductionWritesTheSameFilesBothWays() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new OpenTa(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8), Map.of("OPENTA_DAY_TIMEOUT_SECONDS", "120")).run("bench", "stress",
                "--accounts", "40", "--trades", "12", "--shards", "2", "--data", tmp.toString());
        String report = out.toString(StandardCharsets.UTF_8);
        System.out.println(report);
        assertEquals(OpenTa.OK, code, report + err.toString(StandardCharsets.UTF_8));

        assertTrue(report.startsWith("load average at start: "), report);
        assertTrue(report.contains("\nload average at end: "), report);
        Path root = tmp.resolve("bench-stress");
        for (String date : List.of(BenchCase.DAY1, BenchCase.nextBusinessDate(BenchCase.DAY1))) {
            assertTrue(report.contains("bench stress day " + date + " (40 accounts, 12 trades, 2 shards), runs in "
                    + "order: alone, beside, alone"), report);
            for (Stage stage : Stage.values()) {
                String figure = figure(report, "FIGURE stress-stage day=" + date + " stage=" + stage.id() + " ");
                assertTrue(DECIMAL.matcher(field(figure, "alone-s")).matches(), figure);
                assertTrue(DECIMAL.matcher(field(figure, "beside-s")).matches(), figure);
                assertTrue(DECIMAL.matcher(field(figure, "stress-s")).matches(), figure);
            }
            String day = report.substring(report.indexOf("bench stress day " + date), report.indexOf(
                    "FIGURE stress-day day=" + date));
            assertTrue(Pattern.compile("production outbox: [1-9]\\d* files, the same bytes in all 3 runs; the stress "
                    + "day's outbox: the same files as production's").matcher(day).find(), report);
            // the rollbacks withdrew the earlier runs' files: what is left is the last run alone's, and the stress
            // day's (a production rollback never touches shadow files)
            TestCases.assertSameOutbox(root.resolve("out").resolve(date).resolve("alone-2"), root.resolve("stress-out")
                    .resolve(date + "-1"), "the stress day's files against production's, day " + date);
        }
    }

    private static String figure(String report, String prefix) {
        return report.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in:\n" + report));
    }

    private static String field(String figure, String name) {
        return figure.replaceAll(".* " + name + "=(\\S+).*", "$1");
    }
}
