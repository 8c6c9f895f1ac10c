package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tests 4a and 4c of issue 9 with real processes: {@code openta infra --standby} (etcd, two Patroni nodes running
 * PostgreSQL 15 with {@code synchronous_mode_strict}, HAProxy to the primary, Kafka). The first golden day is
 * cleared by {@code openta serve --zone a} and {@code --zone b} together, byte-identical, each zone running exactly
 * its share of the tasks (see {@link ZoneShares}). The second golden day is cleared by one serve while the primary's
 * postmaster is killed with -9 four times: inside a task's open transaction in file-import, clearing and export (a
 * failpoint holds that task 6 s so the kill lands inside it), and while the day publishes. Each time the standby is promoted, the functions reconnect, the cut-off work runs again,
 * and in the end the outbox is byte-identical to the golden one, {@code verify} passes, every task was executed once,
 * and every task execution committed before a kill is still there.
 *
 * <p>Prints {@code FIGURE db-failover ...}: for each kill inside a task, the time from the kill until this test, a
 * client through HAProxy, sees a task committed after it.
 */
class DatabaseFailoverTest {
    private static final String DAY1 = "20261125";
    private static final String DAY2 = "20261126";
    private static final String[] KILL_IN = { "file-import", "clearing", "export" };
    private static final Map<String, String> CHAOS = Map.of("QUARKUS_PROFILE", "chaos", "OPENTA_FAILPOINTS",
            "sleep-in-task=file-import:6000+clearing:6000+export:6000,publish-file-delay=2000");
    private static final Duration FAILOVER_BOUND = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @BeforeEach
    void postgresMayEnter() throws IOException {
        // PostgreSQL runs as the postgres user, which must be able to enter the test's folder (mode 700 by default)
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
    }

    @Test
    void primaryKilledFourTimesDuringADayLosesNothingAndTheDayEndsIdentical() throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        // the serves' roots: day D reads in/D, writes out/D
        Path inRoot = TestCases.inboxRoot(golden, work.resolve("in"), DAY1, DAY2);
        Path outRoot = work.resolve("out");
        Path outbox1 = outRoot.resolve(DAY1);
        Path outbox2 = outRoot.resolve(DAY2);
        List<String> report = new ArrayList<>();
        java.util.Set<Long> committedBeforeKills = new java.util.TreeSet<>();
        long started = System.nanoTime();
        try (SharedInfra infra = SharedInfra.start(work, "--standby")) {
            report.add("infra --standby ready in " + secondsSince(started) + " s");
            PrimaryKill pk = PrimaryKill.of(infra.infraData().resolve("standby"));
            // 4a: undisturbed first, the migrations and a whole day on PostgreSQL 15 behind HAProxy, cleared by the
            // two zones (serve --zone a and --zone b), each running its share of the tasks
            ServeProcess zoneA = infra.serve(inRoot, outRoot, Map.of(), "--zone", "a");
            ServeProcess zoneB = infra.serve(inRoot, outRoot, Map.of(), "--zone", "b");
            ZoneShares.awaitSplit(infra);
            ServeProcess first = SharedInfra.awaitLeader(Duration.ofSeconds(60), zoneA, zoneB);
            long day1Mark = infra.executionMark();
            first.api().post("/api/days/" + DAY1 + "/start", Map.of());
            SharedInfra.awaitStatus(first, DAY1, "COMPLETED", Duration.ofMinutes(2));
            TestCases.assertSameOutbox(golden.resolve(DAY1 + "/out"), outbox1, "day 1 on two zones");
            infra.assertEachTaskExecutedOnce(DAY1, day1Mark);
            report.add(ZoneShares.assertShares(infra, DAY1, day1Mark, "zones a and b on infra --standby"));
            // day 2 on one serve whose failpoints are all still armed (each stage's first task sleeps once per
            // process)
            zoneA.close();
            zoneB.close();
            ServeProcess serve = infra.serve(inRoot, outRoot, CHAOS);
            SharedInfra.awaitLeader(Duration.ofSeconds(60), serve);

            long mark = infra.executionMark();
            long dayStarted = System.nanoTime();
            serve.api().post("/api/days/" + DAY2 + "/start", Map.of());
            int n = 0;
            for (String stage : KILL_IN) {
                // the pair is whole again before the next stage's task sleeps: the kill then follows the sleep at once
                long t = System.nanoTime();
                pk.awaitPair(Duration.ofSeconds(90));
                report.add("  pair whole again after " + secondsSince(t) + " s");
                awaitLog(serve, "failpoint sleep-in-task: a task of " + stage + " sleeps", Duration.ofMinutes(2));
                report.add("  " + stage + " task sleeping seen at " + java.time.LocalTime.now());
                long ms = kill(infra, pk, ++n, "a task of " + stage + " in its transaction", committedBeforeKills,
                        report, true);
                assertTrue(ms >= 0 && ms < FAILOVER_BOUND.toMillis(), "no task committed within " + FAILOVER_BOUND
                        + " after kill " + n + ": " + report + "\n" + serve.functionsLogTail());
            }
            pk.awaitPair(Duration.ofSeconds(90));
            awaitPublishing(serve, DAY2);
            long killedAt = System.nanoTime();
            kill(infra, pk, ++n, "the day publishing its files", committedBeforeKills, report, false);
            JsonNode done = SharedInfra.awaitStatus(serve, DAY2, "COMPLETED", Duration.ofMinutes(3));
            report.add("day 2 completed " + secondsSince(killedAt) + " s after the kill while publishing, "
                    + secondsSince(dayStarted) + " s after its start");
            assertEquals("COMPLETED", done.path("status").asText());

            TestCases.assertSameOutbox(golden.resolve(DAY2 + "/out"), outbox2, "day 2 after " + n + " failovers");
            JsonNode verified = serve.api().get("/api/days/" + DAY2 + "/verify");
            assertTrue(verified.path("ok").asBoolean(), verified.toString());
            long tasks = infra.assertEachTaskExecutedOnce(DAY2, mark);
            long kept = infra.queryLong("SELECT count(*) FROM sched.task_execution WHERE id IN ("
                    + String.join(",", committedBeforeKills.stream().map(String::valueOf).toList()) + ")");
            assertEquals(committedBeforeKills.size(), kept, "task executions committed before a kill were lost");
            report.add(tasks + " tasks of day 2 each executed once; all " + kept + " task executions committed "
                    + "before a kill are still there");
            // the task each kill caught in its transaction was run again, not failed
            List<String> retried = serve.functionsLog().lines().filter(l -> l.contains("the database is unreachable"))
                    .toList();
            for (String stage : KILL_IN) {
                assertTrue(retried.stream().anyMatch(l -> l.contains(DAY2 + "/" + stage + "/")), "the " + stage
                        + " task caught by a kill was not retried: " + retried);
            }
        } finally {
            report.add("whole test " + secondsSince(started) + " s");
            System.out.println("database failover (kill -9 of the PostgreSQL primary's postmaster):\n  "
                    + String.join("\n  ", report));
            Leftovers.assertNoneUnder(work);
        }
    }

    @Test
    void aStandbyThatCannotComeUpFailsAtStartWithOneLine() throws Exception {
        String noPatroni = failingInfra(work.resolve("no-patroni"), Map.of(PatroniNode.BINARY_ENV, "/bin/false"));
        assertTrue(noPatroni.contains("patroni a exited (code 1)"), noPatroni);
        String noEtcd = failingInfra(work.resolve("no-etcd"), Map.of(Etcd.BINARY_ENV, "/bin/false"));
        assertTrue(noEtcd.contains("etcd exited (code 1)"), noEtcd);
        Leftovers.assertNoneUnder(work);
    }

    /** Runs {@code openta infra --standby} that must fail: exit code 1 and exactly one {@code openta:} line. */
    private static String failingInfra(Path data, Map<String, String> env) throws Exception {
        Files.createDirectories(data);
        Path out = data.resolve("launcher.out");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OpenTa.class.getName(), "infra", "--standby", "--data",
                data.toString()).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "infra --standby did not give up");
        String output = Files.readString(out, StandardCharsets.ISO_8859_1);
        assertEquals(OpenTa.FAILED, p.exitValue(), output);
        List<String> lines = output.lines().filter(l -> l.startsWith("openta:")).toList();
        assertEquals(1, lines.size(), output);
        assertTrue(lines.get(0).startsWith("openta: infra could not start: "), output);
        return lines.get(0);
    }

    /**
     * Kills the primary once the pair is whole again; returns the failover time (kill to first task committed after
     * it), or -1 when not measured.
     */
    private static long kill(SharedInfra infra, PrimaryKill pk, int n, String where, java.util.Set<Long> committed,
            List<String> report, boolean measure) throws Exception {
        String ids = infra.queryText("SELECT id FROM sched.task_execution ORDER BY id");
        Arrays.stream(ids.split("\n")).filter(s -> !s.isBlank()).map(Long::valueOf).forEach(committed::add);
        long lastId = PrimaryKill.lastTaskId(infra.dbUrl());
        PrimaryKill.Killed k = pk.killPrimary();
        report.add("  killed at " + java.time.LocalTime.now());
        long ms = measure ? PrimaryKill.awaitFirstTaskAfter(infra.dbUrl(), k, lastId, FAILOVER_BOUND) : -1;
        String now = pk.primaryZone();
        if (measure) {
            System.out.printf("FIGURE db-failover kill=%d during=\"%s\" killed=%s primary-after=%s ms=%d%n", n,
                    where, k.zone(), now, ms);
        }
        report.add(String.format("kill %d during %-40s primary %s killed%s", n, where, k.zone(),
                measure ? ", first task committed " + ms + " ms later (primary now " + now + ")" : ""));
        return ms;
    }

    private static void awaitLog(ServeProcess serve, String line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!serve.functionsLog().contains(line)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never logged '" + line + "':\n" + serve.functionsLogTail());
            }
            Thread.sleep(20);
        }
    }

    private static void awaitPublishing(ServeProcess serve, String date) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            JsonNode s = SharedInfra.status(serve, date);
            if (s != null && "PUBLISHING".equals(s.path("status").asText())) {
                return;
            }
            if (s != null && "COMPLETED".equals(s.path("status").asText())) {
                throw new AssertionError("the day completed before it could be caught publishing");
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the day never published:\n" + serve.functionsLogTail());
    }

    private static String secondsSince(long nanos) {
        return String.format("%.1f", (System.nanoTime() - nanos) / 1e9);
    }

    /** Processes left running whose command line names the test's folder (etcd, Patroni, PostgreSQL, HAProxy). */
    static final class Leftovers {
        private Leftovers() {
        }

        static void assertNoneUnder(Path dir) throws Exception {
            List<ProcessHandle> left = List.of();
            for (int i = 0; i < 100; i++) {
                left = under(dir);
                if (left.isEmpty()) {
                    return;
                }
                Thread.sleep(200);
            }
            String names = String.join("\n", left.stream().map(p -> p.pid() + " " + cmdline(p.pid())).toList());
            left.forEach(ProcessHandle::destroyForcibly); // cleaned up anyway, then reported
            throw new AssertionError("processes left running:\n" + names);
        }

        private static List<ProcessHandle> under(Path dir) {
            String d = dir.toAbsolutePath().toString();
            try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
                return all.filter(p -> p.pid() != ProcessHandle.current().pid() && cmdline(p.pid()).contains(d))
                        .toList();
            }
        }

        private static String cmdline(long pid) {
            try {
                return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                        StandardCharsets.ISO_8859_1).replace('\0', ' ');
            } catch (IOException e) {
                return "";
            }
        }
    }
}
