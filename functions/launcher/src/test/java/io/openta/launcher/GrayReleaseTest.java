package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gray release by account segment with real processes: {@code openta infra}, one {@code serve --track stable} and
 * one {@code serve --track canary --version X} (each a launcher and its all-in-one app, scheduler included) on one
 * database and broker. Day 1 of golden case-01 clears with the segment "distributor B02", day 2 with 20 % of the
 * buckets, and on day 2 the step changes to the distributor again while the day runs. Each day's files are
 * byte-identical to the golden ones; the task table shows the canary ran exactly its segment's part of every
 * per-account step (the lane's record counts against counts taken here from the data by the segment's own
 * definition, not by the code under test), and stable ran everything else.
 */
class GrayReleaseTest {
    private static final String DAY1 = "20261125";
    private static final String DAY2 = "20261126";
    private static final String CANARY_VERSION = "9.9.9-canary";
    /** The per-account steps: the ones a canary step splits in lanes. */
    private static final Set<String> PER_ACCOUNT = Set.of("clearing/trades", "profit/income", "share-adjust/adjust");

    @TempDir
    Path work;

    @Test
    void theCanaryClearsExactlyItsSegmentAndTheFilesStayByteIdentical() throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        Path segments = work.resolve("segments.json");
        Files.writeString(segments, """
                {"buckets": 100,
                 "accountGroups": {"pilot-distributors": {"distributors": ["B02"]}},
                 "steps": [{"phase": "group", "step": "pilot", "accountGroups": ["pilot-distributors"], "buckets": []},
                           {"phase": "gray", "step": "gray-20", "buckets": [0, 19]}]}""");
        Map<String, String> env = Map.of("OPENTA_RELEASE_SEGMENTS_FILE", segments.toString());
        // the serves' roots: day D reads in/D, writes out/D
        Path inRoot = TestCases.inboxRoot(golden, work.resolve("in"), DAY1, DAY2);
        Path outRoot = work.resolve("out");
        Path outbox1 = outRoot.resolve(DAY1);
        Path outbox2 = outRoot.resolve(DAY2);
        List<String> report = new ArrayList<>();
        try (SharedInfra infra = SharedInfra.start(work)) {
            ServeProcess stable = infra.serve(inRoot, outRoot, env, "--track", "stable");
            ServeProcess canary = infra.serve(inRoot, outRoot, env, "--track", "canary",
                    "--version", CANARY_VERSION);
            ServeProcess leader = SharedInfra.awaitLeader(Duration.ofSeconds(30), stable, canary);

            // bad input: an unknown step is refused with the file's one line, and the release stays where it was
            Cli refused = release(leader, "set-step", "gray-7");
            assertEquals(OpenTa.FAILED, refused.code, refused.err);
            assertEquals("openta: segments file " + segments + ": step gray-7: is not a step of this file (steps: "
                    + "pilot, gray-20)", refused.err.strip());
            assertTrue(release(leader, "status").out.startsWith("release: no step set"), "unchanged");

            // day 1: the segment is one distributor
            Cli set = release(leader, "set-step", "pilot");
            assertEquals(OpenTa.OK, set.code, set.err);
            assertTrue(set.out.startsWith("release step pilot; stages starting now send its segment to the canary"),
                    set.out);
            long mark = infra.executionMark();
            leader.api().post("/api/days/" + DAY1 + "/start", Map.of());
            SharedInfra.awaitStatus(leader, DAY1, "COMPLETED", Duration.ofMinutes(3));
            TestCases.assertSameOutbox(golden.resolve(DAY1 + "/out"), outbox1, "day 1, canary on distributor B02");
            infra.assertEachTaskExecutedOnce(DAY1, mark);
            report.add(assertLanes(infra, DAY1));

            // day 2: 20 % of the buckets, then back to the distributor from the next stage boundary after clearing
            assertEquals(OpenTa.OK, release(leader, "set-step", "gray-20").code);
            mark = infra.executionMark();
            leader.api().post("/api/days/" + DAY2 + "/start", Map.of());
            SharedInfra.awaitPoint(leader, DAY2, "clearing");
            assertEquals(OpenTa.OK, release(leader, "set-step", "pilot").code);
            SharedInfra.awaitStatus(leader, DAY2, "COMPLETED", Duration.ofMinutes(3));
            TestCases.assertSameOutbox(golden.resolve(DAY2 + "/out"), outbox2, "day 2, canary on 20 % of buckets");
            infra.assertEachTaskExecutedOnce(DAY2, mark);
            String steps = infra.queryText("SELECT stage, coalesce(release_step, '-') FROM sched.stage_run WHERE "
                    + "biz_date = '" + DAY2 + "' ORDER BY started_at");
            // the stage running when the step changed keeps the step it started with; a later one takes the new one
            assertTrue(steps.contains("clearing|gray-20\n"), steps);
            assertTrue(steps.contains("profit-export|pilot\n"), steps);
            assertTrue(steps.matches("(?s)(\\S+\\|gray-20\n)+(\\S+\\|pilot\n)+"), "one change, at a boundary:\n" + steps);
            report.add(assertLanes(infra, DAY2));

            Cli aborted = release(leader, "abort");
            assertEquals(OpenTa.OK, aborted.code, aborted.err);
            assertTrue(aborted.out.startsWith("release step pilot (canary aborted); stages starting now run on the "
                    + "stable track only"), aborted.out);
        }
        System.out.println("gray release, per-track task counts:\n" + String.join("\n", report));
    }

    /**
     * For every step of the day: which tracks ran its tasks; for a per-account step, that the canary ran the canary
     * lane (and only it) with exactly the records of its stage's segment. Returns the per-track counts.
     */
    private static String assertLanes(SharedInfra infra, String date) throws Exception {
        String rows = infra.queryText("""
                SELECT t.stage, t.step, coalesce(r.release_step, '-'), e.track, e.version, t.shard >= t.shards,
                  count(*), sum(e.records)
                FROM sched.task_execution e
                JOIN sched.task t ON t.biz_date = e.biz_date AND t.stage = e.stage AND t.step = e.step
                  AND t.shard = e.shard
                JOIN sched.stage_run r ON r.biz_date = t.biz_date AND r.stage = t.stage
                WHERE e.biz_date = '%s' GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 4""".formatted(date));
        StringBuilder counts = new StringBuilder("day " + date + " (stage step segment track version tasks records):");
        long canaryRecords = 0;
        for (String line : rows.lines().toList()) {
            String[] f = line.split("\\|");
            String step = f[0] + "/" + f[1];
            boolean perAccount = PER_ACCOUNT.contains(step) || step.startsWith("secondary-clearing/trades-");
            boolean canaryLane = "t".equals(f[5]);
            counts.append("\n  ").append(String.join(" ", f[0], f[1], f[2], f[3], f[4], f[6], f[7]));
            if (!perAccount) {
                assertEquals("stable", f[3], "a fund-wide or file step runs on stable: " + line);
                continue;
            }
            assertEquals(canaryLane ? "canary" : "stable", f[3], "each lane on its own track: " + line);
            if (canaryLane) {
                assertEquals(CANARY_VERSION, f[4], line);
                long expected = infra.queryLong(expectedCanaryRecords(f[0], f[1], date, f[2]));
                assertEquals(expected, Long.parseLong(f[7]), "canary records of " + step + " (segment " + f[2]
                        + ")");
                canaryRecords += expected;
            }
        }
        assertTrue(canaryRecords > 0, "the canary cleared something:\n" + rows);
        String tracks = infra.queryText("SELECT track, version, count(*), sum(records) FROM sched.task_execution "
                + "WHERE biz_date = '" + date + "' GROUP BY 1, 2 ORDER BY 1");
        return counts + "\n  per track (track version tasks records):\n  " + tracks.strip().replace("\n", "\n  ")
                .replace("|", " ");
    }

    /** The segment's records of a per-account step, counted from the data by the segment's definition. */
    private static String expectedCanaryRecords(String stage, String step, String date, String segment) {
        String d = "'" + date + "'";
        if (step.startsWith("trades")) {
            String batch = step.equals("trades") ? "000" : step.substring("trades-".length());
            return "SELECT count(*) FROM trd.trade_route t WHERE t.biz_date = " + d + " AND t.batch = '" + batch
                    + "' AND " + inSegment(segment, "t.slot", "t.ta_account_id");
        }
        if (step.equals("income")) {
            return "SELECT count(*) FROM clr.income i WHERE i.biz_date = " + d + " AND "
                    + inSegment(segment, "i.slot", "i.ta_account_id");
        }
        assertEquals("share-adjust/adjust", stage + "/" + step);
        return "SELECT count(*) FROM clr.position p WHERE (EXISTS (SELECT 1 FROM clr.income i WHERE i.biz_date = " + d
                + " AND i.slot = p.slot AND i.ta_account_id = p.ta_account_id AND i.fund_code = p.fund_code) OR EXISTS "
                + "(SELECT 1 FROM clr.position_move m WHERE m.biz_date = " + d + " AND m.batch = '000' AND m.slot = "
                + "p.slot AND m.ta_account_id = p.ta_account_id AND m.fund_code = p.fund_code)) AND "
                + inSegment(segment, "p.slot", "p.ta_account_id");
    }

    /** The test's own statement of the two segments: distributor B02's accounts; buckets 0-19 (slot * 100 / 1024). */
    private static String inSegment(String segment, String slot, String account) {
        return switch (segment) {
            case "pilot" -> account + " IN (SELECT ta_account_id FROM acct.account WHERE distributor = 'B02')";
            case "gray-20" -> slot + " * 100 / 1024 < 20";
            default -> throw new AssertionError("a per-account step ran split without a segment: " + segment);
        };
    }

    record Cli(int code, String out, String err) {
    }

    /** {@code openta release ARGS --url LEADER --token ADMIN}, in this JVM. */
    static Cli release(ServeProcess leader, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("release"));
        all.addAll(List.of(args));
        all.addAll(List.of("--url", leader.url(), "--token", leader.token()));
        int code = new OpenTa(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8), Map.of()).run(all.toArray(String[]::new));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
