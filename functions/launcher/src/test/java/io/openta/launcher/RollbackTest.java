package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.openta.model.events.DayEvent;
import io.openta.model.events.Stage;

/**
 * Rollbacks through the API, then clearing again: to every stage boundary (equals the undisturbed run; the stage
 * rolled back to is timed from the new START, not from the rollback), withdrawing a file or an account (equals a clean
 * run whose inbox lacks them), and the refusals.
 */
class RollbackTest {
    private static final String DAY1 = "20261125";
    private static final String DAY2 = "20261126";
    private static final String SUPPLEMENT = "OFD_A01_99_20261126_03_001.TXT";
    /** A01's index of DAY2 (spec v2 1.7): it lists the 03 file and the supplementary one. */
    private static final String INDEX = "OFI_A01_99_20261126.TXT";

    @TempDir
    Path work;

    @Test
    void rollbackToEachStageBoundaryThenClearingAgainEqualsTheUndisturbedRun() throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        try (LocalCluster cluster = LocalCluster.start(TestCases.options(work.resolve("data")))) {
            Api api = new Api(cluster);
            assertTrue(cluster.runDay(DAY1, golden.resolve(DAY1 + "/in"), work.resolve("out1"), e -> { }).completed());
            Path outbox = work.resolve("out2");
            assertTrue(cluster.runDay(DAY2, golden.resolve(DAY2 + "/in"), outbox, e -> { }).completed());
            TestCases.assertSameOutbox(golden.resolve(DAY2 + "/out"), outbox, "undisturbed run");

            // files imported by a build before V48 carry no count of the rows they wrote: export then counts those
            // files' applications itself, and TASerialNO comes out the same
            String[] db = cluster.database();
            try (Connection conn = DriverManager.getConnection(db[0], db[1], db[2]);
                    Statement st = conn.createStatement()) {
                assertTrue(st.executeUpdate("UPDATE trd.inbox_file SET imported = NULL WHERE biz_date = '" + DAY2
                        + "' AND file_type = '03' AND status = 'ACCEPTED'") > 1, "the day has several 03 files");
            }
            api.rollbackTo(DAY2, "export");
            assertTrue(cluster.runDay(DAY2, golden.resolve(DAY2 + "/in"), outbox, e -> { }).completed());
            TestCases.assertSameOutbox(golden.resolve(DAY2 + "/out"), outbox, "exported again without the files' "
                    + "counts");

            // the earlier day is closed: no rollback there
            ApiClient.ApiException closed = assertThrows(ApiClient.ApiException.class,
                    () -> api.rollbackTo(DAY1, "clearing"));
            assertTrue(closed.getMessage().contains("not the latest day"), closed.getMessage());

            for (Stage stage : Stage.values()) {
                api.rollbackTo(DAY2, stage.id());
                JsonNode after = api.status(DAY2);
                assertEquals("STOPPED", after.path("status").asText());
                assertEquals(stage.id(), after.path("stage").asText());
                try (var files = Files.list(outbox)) {
                    assertEquals(0, files.count(), "a rollback withdraws the files the day published");
                }
                // the stage runs from the new START, not from the rollback: its duration leaves out the wait
                Thread.sleep(1500);
                long sent = System.nanoTime();
                long[] seenDone = new long[1];
                DayOutcome again = cluster.runDay(DAY2, golden.resolve(DAY2 + "/in"), outbox, e -> {
                    if (DayEvent.STAGE_COMPLETED.equals(e.type()) && stage.id().equals(e.stage())) {
                        seenDone[0] = System.nanoTime();
                    }
                });
                assertTrue(again.completed(), "clearing again after the rollback to " + stage.id());
                TestCases.assertSameOutbox(golden.resolve(DAY2 + "/out"), outbox,
                        "cleared again after a rollback to before " + stage.id());
                long stageMs = again.stages().get(0).millis();
                assertEquals(stage.id(), again.stages().get(0).stage());
                assertTrue(stageMs <= TimeUnit.NANOSECONDS.toMillis(seenDone[0] - sent), stage.id() + " took "
                        + stageMs + " ms by the scheduler, more than from START to its end as the launcher saw it");
            }
            assertEquals(Stage.values().length + 1, api.status(DAY2).path("rollbacks").size(),
                    "every rollback is logged");
        }
    }

    @Test
    void withdrawingAFileOrAnAccountEqualsACleanRunWithoutThem() throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        // the clean runs: an inbox without the supplementary file; then also without account 2's application
        // (withdrawals add up: the second rollback keeps the first). A file not sent is not in its sender's index
        // either: the clean inboxes carry A01's index without it (a withdrawn file stays listed, and accepted).
        Path withoutFile = TestCases.copyWithout(golden.resolve(DAY2 + "/in"), work.resolve("in-no-file"), SUPPLEMENT,
                INDEX);
        writeIndexWithout(golden.resolve(DAY2 + "/in/" + INDEX), withoutFile.resolve(INDEX), SUPPLEMENT);
        Path withoutAccount = TestCases.copyWithout(golden.resolve(DAY2 + "/in"), work.resolve("in-no-account"),
                SUPPLEMENT, "OFD_A01_99_20261126_03.TXT", INDEX);
        writeIndexWithout(golden.resolve(DAY2 + "/in/" + INDEX), withoutAccount.resolve(INDEX), SUPPLEMENT);
        writeWithoutRecordsOf(golden.resolve(DAY2 + "/in/OFD_A01_99_20261126_03.TXT"),
                withoutAccount.resolve("OFD_A01_99_20261126_03.TXT"), "6222000000000002");
        Path cleanNoFile = work.resolve("clean-no-file");
        Path cleanNoAccount = work.resolve("clean-no-account");
        try (LocalCluster clean = LocalCluster.start(TestCases.options(work.resolve("clean")))) {
            assertTrue(clean.runDay(DAY1, golden.resolve(DAY1 + "/in"), work.resolve("c1"), e -> { }).completed());
            assertTrue(clean.runDay(DAY2, withoutFile, work.resolve("clean-out"), e -> { }).completed());
            TestCases.copyWithout(work.resolve("clean-out"), cleanNoFile);
            new Api(clean).rollbackTo(DAY2, "day-init"); // (withdraws the published files: hence the copy)
            assertTrue(clean.runDay(DAY2, withoutAccount, cleanNoAccount, e -> { }).completed());
        }

        try (LocalCluster cluster = LocalCluster.start(TestCases.options(work.resolve("data")))) {
            Api api = new Api(cluster);
            assertTrue(cluster.runDay(DAY1, golden.resolve(DAY1 + "/in"), work.resolve("out1"), e -> { }).completed());
            Path outbox = work.resolve("out2");
            assertTrue(cluster.runDay(DAY2, golden.resolve(DAY2 + "/in"), outbox, e -> { }).completed());

            ApiClient.ApiException unknown = assertThrows(ApiClient.ApiException.class,
                    () -> api.post(DAY2, "rollback", Map.of("file", "OFD_NOPE.TXT")));
            assertTrue(unknown.getMessage().contains("no input file"), unknown.getMessage());

            api.as("alice").post(DAY2, "rollback", Map.of("file", SUPPLEMENT)); // "by" is the token's user
            assertTrue(cluster.runDay(DAY2, golden.resolve(DAY2 + "/in"), outbox, e -> { }).completed());
            TestCases.assertSameOutbox(cleanNoFile, outbox, "cleared again without " + SUPPLEMENT);

            // account 000000000002 (A01, 6222000000000002): its application 2002 of the day goes
            api.as("bob").post(DAY2, "rollback", Map.of("account", "2"));
            assertTrue(cluster.runDay(DAY2, golden.resolve(DAY2 + "/in"), outbox, e -> { }).completed());
            TestCases.assertSameOutbox(cleanNoAccount, outbox, "cleared again without account 2's applications");

            JsonNode rollbacks = api.status(DAY2).path("rollbacks");
            assertEquals("FILE", rollbacks.get(0).path("kind").asText());
            assertEquals("alice", rollbacks.get(0).path("by").asText());
            assertEquals("ACCOUNT", rollbacks.get(1).path("kind").asText());
            assertEquals("000000000002", rollbacks.get(1).path("target").asText());
            assertEquals("bob", rollbacks.get(1).path("by").asText());
        }
    }

    /** Copies an index file (spec v2 1.7) without some of the names it lists, fixing the 3-digit count (line 6). */
    private static void writeIndexWithout(Path from, Path to, String... names) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(from, StandardCharsets.US_ASCII));
        List<String> header = new ArrayList<>(lines.subList(0, 5));
        List<String> listed = new ArrayList<>(lines.subList(6, lines.size() - 1));
        int before = listed.size();
        listed.removeAll(List.of(names));
        assertEquals(before - names.length, listed.size(), "every name left out is listed in " + from);
        List<String> out = new ArrayList<>(header);
        out.add(String.format("%03d", listed.size()));
        out.addAll(listed);
        out.add("OFDCFEND");
        Files.writeString(to, String.join("\r\n", out) + "\r\n", StandardCharsets.US_ASCII);
    }

    /** Copies an 03 file without the records of one TransactionAccountID, fixing the record count. */
    private static void writeWithoutRecordsOf(Path from, Path to, String txnAccount) throws Exception {
        List<String> lines = Files.readAllLines(from, StandardCharsets.US_ASCII);
        int countLine = 10 + Integer.parseInt(lines.get(9).trim()); // after the header and the field names
        List<String> out = new ArrayList<>(lines.subList(0, countLine));
        List<String> records = new ArrayList<>();
        for (String r : lines.subList(countLine + 1, lines.size() - 1)) {
            // TransactionAccountID sits after serial (24), date (8) and time (6)
            if (!r.substring(38, 55).trim().equals(txnAccount)) {
                records.add(r);
            }
        }
        out.add(String.format("%08d", records.size()));
        out.addAll(records);
        out.add("OFDCFEND");
        Files.writeString(to, String.join("\r\n", out) + "\r\n", StandardCharsets.US_ASCII);
    }
}
