package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two zones with real processes: {@code openta infra} and {@code openta serve --zone a} / {@code --zone b} (each a
 * launcher and its all-in-one functions app in its own process group) sharing one database, broker, inbox, outbox
 * and staging folder. Defaults throughout: 8 shards on 8 partitions per task topic, zone a primary with 80 %, the
 * static members' 10 s Kafka session and the 10 s leader lease.
 *
 * <p>The zone-share assignor gives zone a round(8 * 80 / 100) = 6 partitions of each task topic, the lowest (0-5),
 * and zone b the other 2 (6, 7); a task's partition is its shard modulo 8. So with both zones up, every task in
 * {@code sched.task_execution} must carry zone a if its shard modulo 8 is below 6, else zone b - checked row by row.
 */
class ZoneFailoverTest {
    private static final String DAY1 = "20261125";
    private static final String DAY2 = "20261126";
    private static final String DAY3 = "20261127";
    private static final int PARTITIONS = ZoneShares.PARTITIONS;
    /** Zone a's partitions of each topic under the default split (see the class comment). */
    private static final Set<Integer> ZONE_A = ZoneShares.ZONE_A;
    private static final Set<Integer> ZONE_B = ZoneShares.ZONE_B;
    /** Not prod (failpoints are refused there), and a publish slow enough to be killed inside. */
    private static final Map<String, String> CHAOS = Map.of("QUARKUS_PROFILE", "chaos", "OPENTA_FAILPOINTS",
            "publish-file-delay=400");
    /** Whether the killed zone's process leads (its scheduler holds the lease) when it is killed. */
    private enum Role {
        LEADING, FOLLOWING
    }

    /** A kill: where the day is, which zone, and the role of that zone's process then. */
    private record Moment(String at, int zone, Role role) {
        String zoneName() {
            return ZONES[zone];
        }
    }

    private static final String[] ZONES = { "a", "b" };
    /**
     * Kills spread over the day (a stage it is in, or its publishing), alternating zones. The survivor of a kill
     * leads, so the next kill of the other zone hits the leader; a FOLLOWING kill first hands the lease over (the
     * leader stops gracefully, releasing it, and comes back as a follower).
     */
    private static final Moment[] MOMENTS = { new Moment("file-import", 0, Role.LEADING),
        new Moment("clearing", 1, Role.LEADING), new Moment("profit", 0, Role.FOLLOWING),
        new Moment("share-adjust", 1, Role.LEADING), new Moment("export", 0, Role.FOLLOWING),
        new Moment("PUBLISHING", 1, Role.LEADING) };

    @TempDir
    Path work;

    @Test
    void twoZonesSplitTheTasksByShareSurviveTheLossOfEitherAndTakeTheirShareBack() throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        // the serves' roots: day D reads in/D, writes out/D
        Path inRoot = TestCases.inboxRoot(golden, work.resolve("in"), DAY1, DAY2, DAY3);
        Path outRoot = work.resolve("out");
        Path outbox1 = outRoot.resolve(DAY1);
        Path outbox2 = outRoot.resolve(DAY2);
        Path outbox3 = outRoot.resolve(DAY3);
        List<String> report = new ArrayList<>();
        long started = System.nanoTime();
        try (SharedInfra infra = SharedInfra.start(work)) {
            // bad zone settings: the start fails with one line saying which (an unknown --zone is refused by the
            // launcher before the app starts; the app's own check names it too, see ZoneCheckTest)
            assertTrue(startFails(infra, inRoot, outRoot, Map.of(), "--zone", "c").contains(
                    "openta: --zone 'c' is not one of the known zones a,b"), "unknown zone");
            assertTrue(startFails(infra, inRoot, outRoot, Map.of("OPENTA_ZONES_PRIMARY_SHARE", "101"), "--zone",
                    "a").contains("cannot start: the primary zone's share 101 is outside 0-100 %"), "share > 100");

            ServeProcess[] zone = new ServeProcess[2];
            CompletableFuture<ServeProcess> b = serveLater(infra, inRoot, outRoot, "b");
            zone[0] = infra.serve(inRoot, outRoot, CHAOS, "--zone", "a");
            zone[1] = b.get(3, TimeUnit.MINUTES);
            ZoneShares.awaitSplit(infra);

            // 4a: both zones clear day 1 byte-identical, each running exactly its share
            ServeProcess leader = SharedInfra.awaitLeader(Duration.ofSeconds(30), zone);
            long mark = infra.executionMark();
            leader.api().post("/api/days/" + DAY1 + "/start", Map.of());
            SharedInfra.awaitStatus(leader, DAY1, "COMPLETED", Duration.ofMinutes(2));
            TestCases.assertSameOutbox(golden.resolve(DAY1 + "/out"), outbox1, "day 1 on two zones");
            infra.assertEachTaskExecutedOnce(DAY1, mark);
            report.add(ZoneShares.assertShares(infra, DAY1, mark, "both zones up"));

            // 4b: kill -9 of one zone's process group at moments over the whole day, zones alternating
            for (int i = 0; i < MOMENTS.length; i++) {
                Moment m = MOMENTS[i];
                int victim = m.zone();
                String lost = m.zoneName();
                String survives = ZONES[1 - victim];
                leader = handOver(infra, zone, m, inRoot, outRoot);
                if (i > 0) {
                    leader.api().post("/api/days/" + DAY2 + "/rollback", Map.of("to", "day-init"));
                }
                mark = infra.executionMark();
                leader.api().post("/api/days/" + DAY2 + "/start", Map.of());
                String where = SharedInfra.awaitPoint(leader, DAY2, m.at());
                Instant killedAt = Instant.now();
                zone[victim].signalGroup("KILL");
                // the kill command has returned: the signal is delivered, no transaction of the zone starts after
                Instant killDelivered = Instant.now();
                ServeProcess survivor = zone[1 - victim];
                SharedInfra.awaitLeader(Duration.ofSeconds(45), survivor);
                JsonNode done = SharedInfra.awaitStatus(survivor, DAY2, "COMPLETED", Duration.ofMinutes(2));
                long dayMs = Duration.between(killedAt, Instant.now()).toMillis();
                assertEquals("COMPLETED", done.path("status").asText());
                TestCases.assertSameOutbox(golden.resolve(DAY2 + "/out"), outbox2, "after killing zone " + lost
                        + " at " + where);
                JsonNode verified = survivor.api().get("/api/days/" + DAY2 + "/verify");
                assertTrue(verified.path("ok").asBoolean(), verified.toString());
                long tasks = infra.assertEachTaskExecutedOnce(DAY2, mark);
                try (Connection db = infra.jdbc()) {
                    assertEquals(0, count(db, "SELECT count(*) FROM sched.task_execution WHERE id > " + mark
                            + " AND zone = '" + lost + "' AND executed_at > to_timestamp("
                            + killDelivered.toEpochMilli() / 1000.0 + ")"), "the killed zone ran nothing after "
                                    + "the kill");
                    Optional<Duration> takeover = ZoneTakeover.measure(db, DAY2, killedAt, survives,
                            victim == 0 ? ZONE_A : ZONE_B, PARTITIONS);
                    String line = String.format("FIGURE zone-takeover kill %d of zone %s (%s) at %-32s %s; day "
                            + "completed %d ms after the kill, %d tasks each executed once", i + 1, lost,
                            m.role().name().toLowerCase(), where, takeover.map(d -> d.toMillis() + " ms")
                                    .orElse("n/a (zone " + lost + " had no task left)"), dayMs, tasks);
                    System.out.println(line);
                    report.add(line);
                }
                if (i < MOMENTS.length - 1) {
                    // the killed zone comes back (a fresh process, as after a restart) and gets its share back
                    zone[victim] = infra.serve(inRoot, outRoot, CHAOS, "--zone", lost);
                    ZoneShares.awaitSplit(infra);
                }
            }

            // 4d: the last killed zone returns in the middle of the next day and gets its share back. The day runs
            // on the survivor alone (it takes every partition), is paused while the zone comes back (so the rest of
            // the day's tasks are sent after the group rebalanced), and resumed.
            Moment last = MOMENTS[MOMENTS.length - 1];
            leader = SharedInfra.awaitLeader(Duration.ofSeconds(30), zone[1 - last.zone()]);
            mark = infra.executionMark();
            leader.api().post("/api/days/" + DAY3 + "/start", Map.of());
            // paused in profit: clearing's 8-shard steps, partitions 6 and 7 included, ran on the survivor alone
            String where = SharedInfra.awaitPoint(leader, DAY3, "profit");
            leader.api().post("/api/days/" + DAY3 + "/pause", Map.of());
            SharedInfra.awaitStatus(leader, DAY3, "PAUSED", Duration.ofSeconds(30));
            zone[last.zone()] = infra.serve(inRoot, outRoot, CHAOS, "--zone", last.zoneName());
            ZoneShares.awaitSplit(infra);
            // long after the pause: no task of the first part is still running
            long returned = infra.executionMark();
            long alone = infra.queryLong("SELECT count(*) FROM sched.task_execution WHERE id > " + mark
                    + " AND id <= " + returned + " AND biz_date = '" + DAY3 + "'");
            assertTrue(infra.queryLong("SELECT count(*) FROM sched.task_execution WHERE id > " + mark + " AND id <= "
                    + returned + " AND mod(shard, " + PARTITIONS + ") IN (6, 7)") > 0, "the survivor ran tasks of "
                            + "zone b's partitions in the day's first part (" + alone + " tasks)");
            assertEquals(0, infra.queryLong("SELECT count(*) FROM sched.task_execution WHERE id > " + mark
                    + " AND id <= " + returned + " AND zone <> '" + ZONES[1 - last.zone()] + "'"),
                    "the lone zone ran every task before the other returned");
            leader.api().post("/api/days/" + DAY3 + "/resume", Map.of());
            SharedInfra.awaitStatus(leader, DAY3, "COMPLETED", Duration.ofMinutes(2));
            TestCases.assertSameOutbox(golden.resolve(DAY3 + "/out"), outbox3, "day 3, zone " + last.zoneName()
                    + " returned in it");
            JsonNode verified = leader.api().get("/api/days/" + DAY3 + "/verify");
            assertTrue(verified.path("ok").asBoolean(), verified.toString());
            infra.assertEachTaskExecutedOnce(DAY3, mark);
            report.add(ZoneShares.assertShares(infra, DAY3, returned, "zone " + last.zoneName() + " returned, paused at "
                    + where + " after " + alone + " tasks all in zone " + ZONES[1 - last.zone()]));
        } finally {
            System.out.println("zones (" + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s):\n  "
                    + String.join("\n  ", report));
        }
        assertEquals(MOMENTS.length + 2, report.size());
    }

    /**
     * Makes the zone to be killed lead or follow as the moment says, and returns the leader: when it does not, the
     * leader stops gracefully (releasing its lease, which the other zone takes) and its zone starts again.
     */
    private static ServeProcess handOver(SharedInfra infra, ServeProcess[] zone, Moment m, Path inbox, Path outbox)
            throws Exception {
        ServeProcess leader = SharedInfra.awaitLeader(Duration.ofSeconds(30), zone);
        if ((leader == zone[m.zone()]) == (m.role() == Role.LEADING)) {
            return leader;
        }
        int was = leader == zone[0] ? 0 : 1;
        leader.close();
        ServeProcess next = SharedInfra.awaitLeader(Duration.ofSeconds(30), zone[1 - was]);
        zone[was] = infra.serve(inbox, outbox, CHAOS, "--zone", ZONES[was]);
        ZoneShares.awaitSplit(infra);
        return next;
    }

    private static CompletableFuture<ServeProcess> serveLater(SharedInfra infra, Path inbox, Path outbox, String z) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return infra.serve(inbox, outbox, CHAOS, "--zone", z);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String startFails(SharedInfra infra, Path inbox, Path outbox, Map<String, String> env,
            String... args) {
        try {
            infra.serve(inbox, outbox, env, args).close();
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        }
        throw new AssertionError("a serve with " + List.of(args) + " " + env + " started");
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
