package io.openta.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code openta bench failover [--runs N] [--accounts N] [--data DIR]}: the database failover time, measured. Starts
 * what {@code infra --standby} starts (in this process) and the functions app on it, clears the generated bench days
 * and, while a day runs, kills the PostgreSQL primary's postmaster (-9) N times, each once the pair is whole again
 * and the day has committed a task since the last failover. For each kill it prints the time from the kill to the
 * first shard task committed after it, then min, median and max.
 */
@Command(name = "failover", description = "Starts a PostgreSQL primary and synchronous standby (as infra --standby), "
        + "Kafka and the functions app, clears the generated bench days and kills the primary's postmaster (-9) N "
        + "times while a day runs; prints each failover time (kill to the first task committed after it, as a "
        + "client sees it) and min/median/max.")
final class FailoverBench implements Callable<Integer> {
    private static final Duration FAILOVER_TIMEOUT = Duration.ofMinutes(2);

    @ParentCommand
    BenchCommand bench;
    @Option(names = { "-h", "--help" }, usageHelp = true, description = "this help")
    boolean help;
    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", converter = Runs.class,
            description = "kills of the primary, default ${DEFAULT-VALUE}")
    int runs;
    @Option(names = "--accounts", paramLabel = "N", defaultValue = "100000", converter = Args.Accounts.class,
            description = "accounts in the generated case (more: longer days, room for more kills), default "
                    + "${DEFAULT-VALUE}")
    int accounts;
    @Mixin
    Options.Data data;

    /** 1 to 100 kills. */
    static final class Runs extends Args.PositiveInt {
        Runs() {
            super(100);
        }
    }

    @Override
    public Integer call() throws UsageException {
        BenchCase.requireAccounts(accounts);
        PrintStream out = bench.out();
        PrintStream err = bench.err();
        Path root = data.dir.resolve("bench-failover");
        try {
            EmbeddedKafkaBroker.deleteTree(root);
            BenchCase bc = BenchCase.generate(root.resolve("in"), accounts, 20260105L);
            return measure(bc, root, runs, out, bench.env());
        } catch (IOException | RuntimeException e) {
            err.println("openta: bench failover could not run: " + String.valueOf(e.getMessage()).replace('\n', ' '));
            return OpenTa.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OpenTa.FAILED;
        }
    }

    private static int measure(BenchCase bc, Path root, int runs, PrintStream out, Map<String, String> env)
            throws IOException, InterruptedException {
        Path infra = Files.createDirectories(root.resolve("infra"));
        List<Long> times = new ArrayList<>();
        try (StandbyDatabase db = StandbyDatabase.start(infra.resolve("standby"), env);
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(infra.resolve("kafka"))) {
            out.printf("bench failover: %d accounts; PostgreSQL primary and synchronous standby up (%s)%n", accounts(
                    bc), db.jdbcUrl());
            ClusterOptions o = ClusterOptions.embedded(root.resolve("state"), env)
                    .withDatabase(db.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                    .withKafka(kafka.bootstrapServers()).withDayTimeout(Duration.ofMinutes(60));
            PrimaryKill pk = PrimaryKill.of(infra.resolve("standby"));
            try (LocalCluster cluster = LocalCluster.start(o)) {
                for (BenchCase.Day day : bc.days()) {
                    Path outbox = Files.createDirectories(root.resolve("out").resolve(day.date()));
                    long t0 = System.nanoTime();
                    CompletableFuture<DayOutcome> cleared = CompletableFuture.supplyAsync(() -> cluster.runDay(
                            day.date(), day.inbox(), outbox, e -> { }));
                    int before = times.size();
                    while (!cleared.isDone() && times.size() < runs) {
                        pk.awaitPair(FAILOVER_TIMEOUT);
                        if (!awaitProgress(db.jdbcUrl(), cleared)) {
                            break;
                        }
                        String stage = currentStage(db.jdbcUrl(), day.date());
                        long lastId = PrimaryKill.lastTaskId(db.jdbcUrl());
                        PrimaryKill.Killed k = pk.killPrimary();
                        long ms = firstTaskAfter(db.jdbcUrl(), k, lastId, cleared);
                        if (ms < 0) {
                            out.printf("kill at %s (primary %s): the day ended with no task after it; not counted%n",
                                    stage, k.zone());
                            break;
                        }
                        times.add(ms);
                        out.printf("FIGURE db-failover run=%d stage=%s killed=%s primary-after=%s ms=%d%n",
                                times.size(), stage, k.zone(), pk.primaryZone(), ms);
                    }
                    DayOutcome outcome = cleared.join();
                    if (!outcome.completed()) {
                        out.println("day " + day.date() + " failed: " + outcome.message());
                        return OpenTa.FAILED;
                    }
                    out.printf("day %s cleared in %.1f s with %d failovers of the primary%n", day.date(),
                            (System.nanoTime() - t0) / 1e9, times.size() - before);
                    if (times.size() >= runs) {
                        break;
                    }
                }
            }
        }
        summary("db-failover", times, runs, out);
        return times.isEmpty() ? OpenTa.FAILED : OpenTa.OK;
    }

    private static int accounts(BenchCase bc) {
        return bc.accounts();
    }

    /** Waits until the day commits a task after the previous failover; false if the day ended first. */
    private static boolean awaitProgress(String url, CompletableFuture<DayOutcome> cleared) throws InterruptedException {
        long start = count(url);
        while (!cleared.isDone()) {
            if (count(url) > start) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static long firstTaskAfter(String url, PrimaryKill.Killed k, long lastId,
            CompletableFuture<DayOutcome> cleared) {
        long deadline = System.nanoTime() + FAILOVER_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            long ms = PrimaryKill.awaitFirstTaskAfter(url, k, lastId, Duration.ofSeconds(5));
            if (ms >= 0 || cleared.isDone()) {
                return ms >= 0 ? ms : PrimaryKill.awaitFirstTaskAfter(url, k, lastId, Duration.ofSeconds(1));
            }
        }
        return -1;
    }

    private static long count(String url) {
        return PrimaryKill.lastTaskId(url); // -1: not yet migrated, or failing over
    }

    private static String currentStage(String url, String date) {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT stage || '/' || step FROM sched.day WHERE biz_date = '" + date
                        + "'")) {
            return rs.next() ? rs.getString(1) : "?";
        } catch (SQLException e) {
            return "?";
        }
    }

    /** Prints {@code FIGURE NAME-summary} with the min, median and max of the measured times. */
    static void summary(String name, List<Long> times, int runs, PrintStream out) {
        if (times.isEmpty()) {
            out.println("no failover measured");
            return;
        }
        List<Long> sorted = times.stream().sorted().toList();
        long median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        out.printf("FIGURE %s-summary runs=%d min-ms=%d median-ms=%d max-ms=%d%s%n", name, times.size(),
                sorted.get(0), median, sorted.get(sorted.size() - 1), times.size() < runs
                        ? " (of " + runs + " asked: the days ended first; give more --accounts)" : "");
    }
}
