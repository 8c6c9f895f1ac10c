package io.openta.launcher;

import static io.openta.launcher.GrayReleaseTest.release;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong canary never publishes (issue 10, tests 7b and 7d, and the undo on an abort from outside), with real
 * processes on one {@code openta infra}: a {@code serve --track stable} that leads and a {@code serve --track canary
 * --version 9.9.9-bad} armed with the failpoint {@code charge-plus-one-cent}, clearing golden case-01's three days
 * with the segment "distributor B02":
 * <ol>
 * <li>day 1 (7b): the canary clears its segment wrongly; before the day publishes, verify finds the wrong Charges,
 * every one in a record of the segment and attributed to the canary's version; the canary is aborted, its work
 * undone, stable clears it again, and the published files are byte-identical to the golden (stable-only) ones;</li>
 * <li>day 2: the step is set again and the canary is aborted from outside ({@code ./openta release abort}) after it
 * cleared its part of the trades: the day's canary work is undone before publishing; byte-identical;</li>
 * <li>day 3 (7d): the canary process is killed (kill -9) once clearing runs; its lanes have no consumer, and after
 * {@code OPENTA_RELEASE_CANARY_TIMEOUT} the scheduler undoes the canary's part and the day completes
 * byte-identical.</li>
 * </ol>
 * Each undo is in the rollback log (kind CANARY) and in {@code openta_release_canary_undone_total{reason}}.
 */
class CanaryUndoTest {
    private static final String DAY1 = "20261125";
    private static final String DAY2 = "20261126";
    private static final String DAY3 = "20261127";
    private static final String BAD_VERSION = "9.9.9-bad";
    private static final Pattern CAUGHT = Pattern.compile(
            "before publishing, verify found in a row the canary wrote: \\[confirmations] trd\\.trade_cfm, "
                    + "batch 000 sender (\\S+) record (\\d+) serial '[^']*': expected (\\S+) .* found \\S+ \\S+ "
                    + "\\(written by version (\\S+), track (\\S+)\\)");

    @TempDir
    Path work;

    @Test
    void aWrongAbortedOrDeadCanaryNeverPublishes() throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        Path segments = work.resolve("segments.json");
        Files.writeString(segments, """
                {"buckets": 100,
                 "accountGroups": {"pilot-distributors": {"distributors": ["B02"]}},
                 "steps": [{"step": "pilot", "accountGroups": ["pilot-distributors"], "buckets": []}]}""");
        Map<String, String> env = new HashMap<>(Map.of("OPENTA_RELEASE_SEGMENTS_FILE", segments.toString(),
                "OPENTA_RELEASE_CANARY_TIMEOUT", "PT20S"));
        Map<String, String> bad = new HashMap<>(env);
        bad.putAll(Map.of("QUARKUS_PROFILE", "chaos", "OPENTA_FAILPOINTS", "charge-plus-one-cent"));
        List<String> report = new ArrayList<>();
        try (SharedInfra infra = SharedInfra.start(work)) {
            // the API takes no folder: day D reads <inbox root>/D and writes <outbox root>/D
            Path inRoot = TestCases.inboxRoot(golden, work.resolve("in"), DAY1, DAY2, DAY3);
            Path outRoot = work.resolve("out");
            Path[] outboxes = { outRoot.resolve(DAY1), outRoot.resolve(DAY2), outRoot.resolve(DAY3) };
            ServeProcess stable = infra.serve(inRoot, outRoot, env, "--track", "stable");
            // the stable serve's scheduler leads: the canary's own scheduler is a follower, so killing it (day 3)
            // kills only the canary track
            ServeProcess leader = SharedInfra.awaitLeader(Duration.ofSeconds(60), stable);
            ServeProcess canary = infra.serve(inRoot, outRoot, bad, "--track", "canary",
                    "--version", BAD_VERSION);

            // day 1 (7b): caught by verify before publishing
            assertEquals(OpenTa.OK, release(leader, "set-step", "pilot").code());
            leader.api().post("/api/days/" + DAY1 + "/start", Map.of());
            SharedInfra.awaitStatus(leader, DAY1, "COMPLETED", Duration.ofMinutes(2));
            TestCases.assertSameOutbox(golden.resolve(DAY1 + "/out"), outboxes[0], "day 1, bad canary undone");
            List<String> caught = leader.functionsLog().lines().filter(l -> CAUGHT.matcher(l).find()).toList();
            assertFalse(caught.isEmpty(), "verify caught the bad canary before publishing:\n"
                    + leader.functionsLogTail());
            for (String line : caught) {
                Matcher m = CAUGHT.matcher(line);
                assertTrue(m.find());
                assertEquals(BAD_VERSION + " canary", m.group(4) + " " + m.group(5), line);
                assertTrue(m.group(3).equals("Charge") || m.group(3).equals("ConfirmedVol"), line);
                // a record of the segment: its application's account (as routed) is one of distributor B02's
                assertEquals(1, infra.queryLong("SELECT count(*) FROM trd.trade_route t JOIN acct.account a "
                        + "ON a.ta_account_id = t.ta_account_id WHERE t.biz_date = '" + DAY1 + "' AND t.batch = '000' "
                        + "AND t.sender = '" + m.group(1) + "' AND t.record_no = " + m.group(2)
                        + " AND a.distributor = 'B02'"), "a segment record: " + line);
            }
            long charges = caught.stream().filter(l -> l.contains("expected Charge ")).count();
            long segmentPurchases = infra.queryLong("SELECT count(*) FROM trd.trade_cfm c JOIN trd.trade_route t ON "
                    + "t.biz_date = c.biz_date AND t.batch = c.batch AND t.sender = c.sender AND t.record_no = "
                    + "c.record_no JOIN acct.account a ON a.ta_account_id = t.ta_account_id WHERE c.biz_date = '"
                    + DAY1 + "' AND c.batch = '000' AND c.business_code = '122' AND c.return_code = '0000' "
                    + "AND a.distributor = 'B02'");
            assertEquals(segmentPurchases, charges, "one wrong Charge per purchase of the segment");
            assertUndone(infra, DAY1, "verify-mismatch");
            assertTrue(release(leader, "status").out().contains("aborted"), "the canary is aborted");
            String metrics = metrics(leader);
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("openta_verify_mismatches_total{")
                    && l.contains("track=\"canary\"") && l.contains("version=\"" + BAD_VERSION + "\"")
                    && !l.endsWith(" 0.0")), "the canary's mismatches are counted under its version:\n" + metrics);
            report.add("day " + DAY1 + ": " + caught.size() + " mismatches caught in the canary's rows ("
                    + charges + " Charge, one per purchase of the segment), e.g.\n  " + caught.get(0).strip());
            report.add(tasks(infra, DAY1));

            // day 2: aborted from outside after the canary cleared its part of the trades
            assertEquals(OpenTa.OK, release(leader, "set-step", "pilot").code());
            leader.api().post("/api/days/" + DAY2 + "/start", Map.of());
            SharedInfra.awaitPoint(leader, DAY2, "profit");
            assertEquals(OpenTa.OK, release(leader, "abort").code());
            SharedInfra.awaitStatus(leader, DAY2, "COMPLETED", Duration.ofMinutes(2));
            TestCases.assertSameOutbox(golden.resolve(DAY2 + "/out"), outboxes[1], "day 2, canary aborted");
            assertUndone(infra, DAY2, "aborted");
            report.add(tasks(infra, DAY2));

            // day 3 (7d): the canary dies; its lanes wait OPENTA_RELEASE_CANARY_TIMEOUT, then stable clears them
            assertEquals(OpenTa.OK, release(leader, "set-step", "pilot").code());
            leader.api().post("/api/days/" + DAY3 + "/start", Map.of());
            // mid-day: once clearing (the first stage with canary lanes) runs, perhaps under a canary task
            SharedInfra.awaitPoint(leader, DAY3, "clearing");
            canary.signalGroup("KILL");
            SharedInfra.awaitStatus(leader, DAY3, "COMPLETED", Duration.ofMinutes(2));
            TestCases.assertSameOutbox(golden.resolve(DAY3 + "/out"), outboxes[2], "day 3, canary killed");
            assertUndone(infra, DAY3, "no-consumer");
            report.add(tasks(infra, DAY3));
            String undone = metrics(leader).lines().filter(l -> l.startsWith("openta_release_canary_undone_total"))
                    .reduce("", (a, b) -> a + "\n  " + b);
            for (String reason : List.of("verify-mismatch", "aborted", "no-consumer")) {
                assertTrue(undone.lines().anyMatch(l -> l.contains("reason=\"" + reason + "\"") && l.endsWith(" 1.0")),
                        reason + ":" + undone);
            }
            report.add("undo counters:" + undone);
        }
        System.out.println("canary undo:\n" + String.join("\n", report));
    }

    /** The day's rollback log holds exactly one canary undo, for {@code reason}. */
    private static void assertUndone(SharedInfra infra, String date, String reason) throws Exception {
        String log = infra.queryText("SELECT kind, target, detail FROM sched.rollback_log WHERE biz_date = '" + date
                + "' ORDER BY id");
        assertEquals(1, log.lines().count(), log);
        assertTrue(log.startsWith("CANARY|") && log.contains("; " + reason + ": "), log);
        assertEquals(0, infra.queryLong("SELECT count(*) FROM sched.task WHERE biz_date = '" + date
                + "' AND shard >= shards"), "no canary lane is left in the day's tasks");
    }

    /** Who ran the day's tasks, undone ones included (sched.task_execution keeps every commit). */
    private static String tasks(SharedInfra infra, String date) throws Exception {
        return "day " + date + " task commits (track version tasks records):\n  " + infra.queryText(
                "SELECT track, version, count(*), sum(records) FROM sched.task_execution WHERE biz_date = '" + date
                        + "' GROUP BY 1, 2 ORDER BY 1").strip().replace("|", " ").replace("\n", "\n  ");
    }

    private static String metrics(ServeProcess leader) throws Exception {
        return new String(URI.create(leader.url() + "/q/metrics").toURL().openStream().readAllBytes(),
                StandardCharsets.UTF_8);
    }
}
