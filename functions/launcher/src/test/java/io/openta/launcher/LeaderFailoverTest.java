package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scheduler leadership with real processes: {@code openta infra} (PostgreSQL, Kafka) and {@code openta serve}
 * processes (each a launcher and its all-in-one functions app, in its own process group) sharing it, inbox, outbox
 * and staging folder. The default lease (10 s TTL, renewed every 2 s) is used, so the takeover times printed are
 * those of a default deployment.
 *
 * <p>"No effect twice" is counted in {@code sched.task_execution}: the task runner adds one row in the transaction
 * that applies a task's work and marks it DONE; after each disturbed run every DONE task of the day has exactly one
 * row, and the outbox is byte-identical to the golden one.
 */
class LeaderFailoverTest {
    private static final String DAY1 = "20261125";
    private static final String DAY2 = "20261126";
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(15);
    /** A profile other than prod (failpoints are refused there) and a publish slow enough to be killed inside. */
    private static final Map<String, String> CHAOS = Map.of("QUARKUS_PROFILE", "chaos", "OPENTA_FAILPOINTS",
            "publish-file-delay=400");

    @TempDir
    Path work;

    @Test
    void killedLeaderIsReplacedWithinTheBoundAndTheDayEndsIdentical() throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        // the serves' roots: day D reads in/D, writes out/D
        Path inRoot = TestCases.inboxRoot(golden, work.resolve("in"), DAY1, DAY2);
        Path outRoot = work.resolve("out");
        Path outbox1 = outRoot.resolve(DAY1);
        Path outbox2 = outRoot.resolve(DAY2);
        List<String> report = new ArrayList<>();
        try (SharedInfra infra = SharedInfra.start(work)) {
            CompletableFuture<ServeProcess> second = infra.serveLater(inRoot, outRoot, CHAOS);
            ServeProcess first = infra.serve(inRoot, outRoot, CHAOS);
            ServeProcess other = second.get(3, TimeUnit.MINUTES);
            ServeProcess leader = SharedInfra.awaitLeader(Duration.ofSeconds(30), first, other);
            other = leader == first ? other : first;
            assertEquals(503, followerAnswer(other).status, "a follower does not serve the API");

            leader.api().post("/api/days/" + DAY1 + "/start", Map.of());
            SharedInfra.awaitStatus(leader, DAY1, "COMPLETED", Duration.ofMinutes(2));
            TestCases.assertSameOutbox(golden.resolve(DAY1 + "/out"), outbox1, "day 1");

            // kill points spread over the stages; the last while the leader copies files to the outbox
            String[] at = { "file-import", "clearing", "profit", "share-adjust", "export", "profit-export",
                "PUBLISHING" };
            for (int i = 0; i < at.length; i++) {
                if (i > 0) {
                    leader.api().post("/api/days/" + DAY2 + "/rollback", Map.of("to", "day-init"));
                }
                // a live leader keeps its lease: the one the test tracks still leads
                assertTrue(leader.leading(), "the leader lost its lease while alive: " + leader.leader() + "\n"
                        + leader.functionsLogTail());
                long mark = infra.executionMark();
                leader.api().post("/api/days/" + DAY2 + "/start", Map.of());
                String where = SharedInfra.awaitPoint(leader, DAY2, at[i]);
                long killedAt = System.nanoTime();
                leader.signalGroup("KILL");
                ServeProcess survivor;
                try {
                    survivor = SharedInfra.awaitLeader(TAKEOVER_BOUND.plusSeconds(30), other);
                } catch (AssertionError e) {
                    throw new AssertionError("no takeover after killing the leader at " + where + "; the other "
                            + (other.isAlive() ? "is alive" : "is dead") + ", its view " + other.leader() + ":\n"
                            + other.output() + "\n" + other.functionsLogTail() + "\nthe killed one:\n"
                            + leader.functionsLogTail(), e);
                }
                long takeoverMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                // the next follower starts once the survivor leads (started earlier, it could win the lease instead)
                CompletableFuture<ServeProcess> replacement = infra.serveLater(inRoot, outRoot, CHAOS);
                JsonNode done = SharedInfra.awaitStatus(survivor, DAY2, "COMPLETED", Duration.ofMinutes(2));
                long dayMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                TestCases.assertSameOutbox(golden.resolve(DAY2 + "/out"), outbox2, "after killing the leader at "
                        + where);
                JsonNode verified = survivor.api().get("/api/days/" + DAY2 + "/verify");
                assertTrue(verified.path("ok").asBoolean(), verified.toString());
                long tasks = infra.assertEachTaskExecutedOnce(DAY2, mark);
                report.add(String.format("kill %d at %-40s takeover %5d ms, day completed %5d ms after the kill, "
                        + "%d tasks each executed once", i + 1, where, takeoverMs, dayMs, tasks));
                assertTrue(takeoverMs < TAKEOVER_BOUND.toMillis(), "takeover took " + takeoverMs + " ms: " + report);
                assertEquals("COMPLETED", done.path("status").asText());
                leader = survivor;
                other = replacement.get(3, TimeUnit.MINUTES);
            }
        } finally {
            System.out.println("leader kills (kill -9 of the leader's process group):\n  "
                    + String.join("\n  ", report));
        }
        assertEquals(7, report.size());
    }

    @Test
    void aLeaderStoppedPastItsLeaseWritesNothingAndFollowsWhenResumed() throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        Path inRoot = TestCases.inboxRoot(golden, work.resolve("in"), DAY1);
        Path outbox = work.resolve("out").resolve(DAY1);
        // the stop may catch the leader's own worker inside a task, holding the lock on its row: the server ends
        // that frozen transaction after the idle limit (2 minutes by default, 10 s here) and the redelivery goes on
        Map<String, String> env = Map.of("OPENTA_DB_TASK_IDLE_LIMIT", "PT10S");
        try (SharedInfra infra = SharedInfra.start(work)) {
            CompletableFuture<ServeProcess> second = infra.serveLater(inRoot, work.resolve("out"), env);
            ServeProcess first = infra.serve(inRoot, work.resolve("out"), env);
            ServeProcess b = second.get(3, TimeUnit.MINUTES);
            ServeProcess a = SharedInfra.awaitLeader(Duration.ofSeconds(30), first, b);
            b = a == first ? b : first;
            long epochA = a.leader().path("epoch").asLong();
            long mark = infra.executionMark();

            a.api().post("/api/days/" + DAY1 + "/start", Map.of());
            String where = SharedInfra.awaitPoint(a, DAY1, "clearing");
            long stoppedAt = System.nanoTime();
            a.signalGroup("STOP");
            SharedInfra.awaitLeader(TAKEOVER_BOUND.plusSeconds(30), b);
            long takeoverMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
            String writesOfA = infra.queryText("SELECT writes, last_at FROM sched.leader_write WHERE epoch = " + epochA);
            SharedInfra.awaitStatus(b, DAY1, "COMPLETED", Duration.ofMinutes(2));
            String dayState = dayState(infra, DAY1);

            a.signalGroup("CONT");
            long resumedAt = System.nanoTime();
            JsonNode aView = null;
            while (System.nanoTime() - resumedAt < TimeUnit.SECONDS.toNanos(20)) {
                aView = a.leader();
                if (aView != null && !aView.path("leading").asBoolean() && aView.path("leader").path("holder")
                        .asText().equals(b.leader().path("self").asText())) {
                    break;
                }
                Thread.sleep(100);
            }
            Thread.sleep(4000); // its inbox, sweep and lease threads have all run by now
            assertFalse(aView.path("leading").asBoolean(), "the resumed leader follows: " + aView);
            assertEquals(writesOfA, infra.queryText("SELECT writes, last_at FROM sched.leader_write WHERE epoch = "
                    + epochA), "the stopped leader's epoch committed no write after the takeover");
            assertEquals(dayState, dayState(infra, DAY1), "nothing changed after the old leader resumed");
            Answer follower = followerAnswer(a);
            assertEquals(503, follower.status);
            assertTrue(follower.body.contains(b.url()), "the 503 names the leader: " + follower.body);
            TestCases.assertSameOutbox(golden.resolve(DAY1 + "/out"), outbox, "day cleared by the new leader");
            infra.assertEachTaskExecutedOnce(DAY1, mark);
            boolean refused = a.functionsLog().contains("fenced: epoch " + epochA);
            boolean frozenInTask = a.functionsLog().contains("the database is unreachable");
            System.out.printf("SIGSTOP of the leader at %s: takeover after %d ms; resumed, it follows (%s)%s%n",
                    where, takeoverMs, refused ? "a write it attempted was refused by the fence"
                            : "it stepped down at its next lease renewal before attempting a write",
                    frozenInTask ? "; its worker had been stopped inside a task, whose transaction the server ended"
                            : "");
            assertTrue(takeoverMs < TAKEOVER_BOUND.toMillis(), "takeover took " + takeoverMs + " ms");
        }
    }

    @Test
    void aSchedulerKilledBetweenCommitAndSendIsRecoveredWithoutAnOperator() throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        Path inRoot = TestCases.inboxRoot(golden, work.resolve("in"), DAY1);
        Path outbox = work.resolve("out").resolve(DAY1);
        try (SharedInfra infra = SharedInfra.start(work)) {
            ServeProcess a = infra.serve(inRoot, work.resolve("out"), Map.of("QUARKUS_PROFILE", "chaos",
                    "OPENTA_FAILPOINTS", "exit-after-commit-before-send=clearing"));
            SharedInfra.awaitLeader(Duration.ofSeconds(30), a);
            ServeProcess b = infra.serve(inRoot, work.resolve("out"), Map.of());
            long mark = infra.executionMark();
            a.api().post("/api/days/" + DAY1 + "/start", Map.of());
            long t0 = System.nanoTime();
            SharedInfra.awaitLeader(TAKEOVER_BOUND.plusSeconds(60), b);
            long takeoverMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(a.functionsLog().contains("failpoint exit-after-commit-before-send"), a.functionsLogTail());
            SharedInfra.awaitStatus(b, DAY1, "COMPLETED", Duration.ofMinutes(2));
            TestCases.assertSameOutbox(golden.resolve(DAY1 + "/out"), outbox, "after a kill between commit and send");
            infra.assertEachTaskExecutedOnce(DAY1, mark);
            assertTrue(b.functionsLog().contains("sweep: day " + DAY1 + ": sending the"), "the new leader re-sent "
                    + "the committed, unsent tasks");
            System.out.printf("killed between commit and send (clearing's tasks): the follower led %d ms after the "
                    + "day started and completed it%n", takeoverMs);

            // a poison command is parked, not looped, and the leader goes on
            try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                    "bootstrap.servers", infra.kafka(), "key.serializer", StringSerializer.class.getName(),
                    "value.serializer", StringSerializer.class.getName()))) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                        io.openta.model.events.Topics.DAY_COMMANDS, DAY1, "{not json")).get(30, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (infra.queryLong("SELECT count(*) FROM sched.parked_message WHERE payload = '{not json'") == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(1, infra.queryLong("SELECT count(*) FROM sched.parked_message WHERE payload = '{not json'"));
            assertTrue(b.leading());

            // a scheduler configured otherwise fails at start with one line saying why
            Path in = inRoot;
            outbox = work.resolve("out");
            String other = startFails(infra, in, outbox, "--shards", "4");
            assertTrue(other.contains("cannot start the scheduler: shards 4 differ from the running leader's 8"), other);
            String more = startFails(infra, in, outbox, "--shards", "16");
            assertTrue(more.contains("cannot start the scheduler: shards 16 > partitions 8 of topic openta."), more);
            String prod = startFails(infra, in, outbox, Map.of("OPENTA_FAILPOINTS", "publish-file-delay=1"));
            assertTrue(prod.contains("are refused in the prod profile"), prod);
        }
    }

    private static String startFails(SharedInfra infra, Path inbox, Path outbox, String... args) {
        return startFails(infra, inbox, outbox, Map.of(), args);
    }

    private static String startFails(SharedInfra infra, Path inbox, Path outbox, Map<String, String> env,
            String... args) {
        try {
            infra.serve(inbox, outbox, env, args).close();
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        }
        throw new AssertionError("a serve with " + List.of(args) + " started");
    }

    private static String dayState(SharedInfra infra, String date) throws Exception {
        return infra.queryText("SELECT status, stage, step, finished_at FROM sched.day WHERE biz_date = '" + date
                + "'") + infra.queryText("SELECT stage, step, shard, status, attempts, updated_at FROM sched.task "
                        + "WHERE biz_date = '" + date + "' ORDER BY 1, 2, 3")
                + infra.queryText("SELECT count(*) FROM sched.task_execution WHERE biz_date = '" + date + "'");
    }

    private record Answer(int status, String body) {
    }

    private static Answer followerAnswer(ServeProcess s) throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(s.url() + "/api/days")).header("Authorization", "Bearer " + s.token()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }
}
