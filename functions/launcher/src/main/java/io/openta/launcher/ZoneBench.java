package io.openta.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import io.openta.model.zone.ZoneSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code openta bench zones [--runs N] [--accounts N] [--data DIR]}: the two zones, measured on one machine.
 * <ol>
 * <li>Clears the generated bench days with one functions app (zone a alone), then, on a fresh database and broker,
 * with two (zone a and zone b, each its own process with its own scheduler, sharing the database, broker and staging
 * folder, as two {@code serve --zone} processes on one {@code infra}), and prints each day's time both ways and the
 * tasks each zone ran.</li>
 * <li>Then kills one zone's app (-9) N times, alternating zones, each time in another stage of day 2 (rolled back to
 * its start before each run), and prints the zone takeover time: from the kill to the first task the surviving zone
 * ran on a partition the lost zone had held (see {@link ZoneTakeover}). The killed zone comes back before the next
 * run and gets its share back.</li>
 * </ol>
 */
@Command(name = "zones", description = "Clears the generated bench days with one zone, then with two (two functions "
        + "apps, zones a and b, on one database and broker), printing each day's time both ways; then kills one "
        + "zone's app (-9) N times during day 2, alternating zones, and prints each zone takeover time (kill to the "
        + "survivor's first task on a partition of the lost zone) and min/median/max.")
final class ZoneBench implements Callable<Integer> {
    private static final Duration SPLIT_TIMEOUT = Duration.ofSeconds(120);
    private static final String[] KILL_IN = { "clearing", "profit", "share-adjust", "export" };
    private static final String[] ZONES = { "a", "b" };

    @ParentCommand
    BenchCommand bench;
    @Option(names = { "-h", "--help" }, usageHelp = true, description = "this help")
    boolean help;
    @Option(names = "--runs", paramLabel = "N", defaultValue = "4", converter = Runs.class,
            description = "zone kills during day 2 (0: only the days one zone against two), default ${DEFAULT-VALUE}")
    int runs;
    @Option(names = "--accounts", paramLabel = "N", defaultValue = "100000", converter = Args.Accounts.class,
            description = "accounts in the generated case, default ${DEFAULT-VALUE}")
    int accounts;
    @Mixin
    Options.Data data;
    @Mixin
    Options.Shards shards;

    /** 0 to 100 kills. */
    static final class Runs extends Args.NonNegativeInt {
        Runs() {
            super(100);
        }
    }

    @Override
    public Integer call() throws UsageException {
        BenchCase.requireAccounts(accounts);
        PrintStream out = bench.out();
        Path root = data.dir.resolve("bench-zones");
        try {
            EmbeddedKafkaBroker.deleteTree(root);
            BenchCase bc = BenchCase.generate(root.resolve("in"), accounts, 20260105L);
            out.printf("bench zones: %d accounts, %d shards%n", bc.accounts(), shards.count);
            Map<String, Long> oneZone = clear(bc, root.resolve("one"), out);
            if (oneZone == null) {
                return OpenTa.FAILED;
            }
            return twoZones(bc, root.resolve("two"), oneZone, out) ? OpenTa.OK : OpenTa.FAILED;
        } catch (IOException | SQLException | RuntimeException e) {
            bench.err().println("openta: bench zones could not run: " + String.valueOf(e.getMessage()).replace('\n',
                    ' '));
            return OpenTa.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OpenTa.FAILED;
        }
    }

    /** One zone: clears the days and returns each day's time, or null when a day failed. */
    private Map<String, Long> clear(BenchCase bc, Path dir, PrintStream out) throws IOException,
            InterruptedException {
        try (Zones z = Zones.start(dir, 1, shards.count, bench.env())) {
            return clearDays(bc, dir, z, "one zone", out);
        }
    }

    private boolean twoZones(BenchCase bc, Path dir, Map<String, Long> oneZone, PrintStream out)
            throws IOException, InterruptedException, SQLException {
        try (Zones z = Zones.start(dir, 2, shards.count, bench.env())) {
            Map<String, Long> two = clearDays(bc, dir, z, "two zones", out);
            if (two == null) {
                return false;
            }
            for (String date : two.keySet()) {
                long one = oneZone.get(date);
                out.printf("FIGURE zones-day day=%s one-zone-s=%.1f two-zones-s=%.1f two/one=%.2f tasks-per-zone=%s%n",
                        date, one / 1000.0, two.get(date) / 1000.0, two.get(date) / (double) one, z.tasksPerZone(
                                date));
            }
            if (runs == 0) {
                return true;
            }
            return takeovers(bc, dir, z, out);
        }
    }

    private static Map<String, Long> clearDays(BenchCase bc, Path dir, Zones z, String what, PrintStream out)
            throws IOException {
        Map<String, Long> millis = new LinkedHashMap<>();
        for (BenchCase.Day day : bc.days()) {
            Path outbox = Files.createDirectories(dir.resolve("out").resolve(day.date()));
            DayOutcome o = z.cluster(0).runDay(day.date(), day.inbox(), outbox, e -> { });
            if (!o.completed()) {
                out.println("day " + day.date() + " (" + what + ") failed: " + o.message());
                return null;
            }
            out.printf("day %s cleared by %s in %.1f s%n", day.date(), what, o.millis() / 1000.0);
            millis.put(day.date(), o.millis());
        }
        return millis;
    }

    private boolean takeovers(BenchCase bc, Path dir, Zones z, PrintStream out)
            throws IOException, InterruptedException, SQLException {
        BenchCase.Day day2 = bc.days().get(bc.days().size() - 1);
        Path outbox = dir.resolve("out").resolve(day2.date());
        Map<String, Set<Integer>> held = z.partitionsRun(day2.date());
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            int victim = i % 2;
            int survivor = 1 - victim;
            String stage = KILL_IN[i % KILL_IN.length];
            z.rollbackToStart(day2.date());
            CompletableFuture<DayOutcome> cleared = CompletableFuture.supplyAsync(() -> z.cluster(survivor).runDay(
                    day2.date(), day2.inbox(), outbox, e -> { }));
            if (!z.awaitStage(day2.date(), stage, cleared)) {
                out.printf("run %d: day 2 ended before %s; not counted%n", i + 1, stage);
                cleared.join();
                continue;
            }
            Instant killedAt = Instant.now();
            z.cluster(victim).crashFunctions();
            DayOutcome o = cleared.join();
            if (!o.completed()) {
                out.println("run " + (i + 1) + ": day 2 failed after zone " + ZONES[victim] + " was killed: "
                        + o.message());
                return false;
            }
            Optional<Duration> took;
            try (Connection db = z.jdbc()) {
                took = ZoneTakeover.measure(db, day2.date(), killedAt, ZONES[survivor], held.get(ZONES[victim]),
                        z.partitions());
            }
            long dayMs = Duration.between(killedAt, Instant.now()).toMillis();
            if (took.isPresent()) {
                times.add(took.get().toMillis());
            }
            out.printf("FIGURE zone-takeover run=%d killed=%s in=%s takeover-ms=%s day-done-after-kill-ms=%d%n", i + 1,
                    ZONES[victim], stage, took.map(d -> String.valueOf(d.toMillis())).orElse("n/a"), dayMs);
            z.restart(victim);
        }
        FailoverBench.summary("zone-takeover", times, runs, out);
        return !times.isEmpty();
    }

    /** One or two functions apps (zones a, b) on one embedded PostgreSQL, Kafka and staging folder. */
    private static final class Zones implements AutoCloseable {
        private final EmbeddedPostgresServer postgres;
        private final EmbeddedKafkaBroker kafka;
        private final List<LocalCluster> clusters = new ArrayList<>();
        private final int partitions;
        /** The primary zone's share, as the apps read it (OPENTA_ZONES_PRIMARY_SHARE, default 80). */
        private final int share;

        private Zones(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka, int partitions, int share) {
            this.postgres = postgres;
            this.kafka = kafka;
            this.partitions = partitions;
            this.share = share;
        }

        static Zones start(Path dir, int zones, int shards, Map<String, String> env) throws IOException,
                InterruptedException {
            Files.createDirectories(dir);
            EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("pg"));
            EmbeddedKafkaBroker k;
            try {
                k = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
            } catch (IOException | RuntimeException e) {
                pg.close();
                throw e;
            }
            String share = env.getOrDefault("OPENTA_ZONES_PRIMARY_SHARE", "80");
            Zones z = new Zones(pg, k, shards, share.matches("\\d{1,3}") ? Integer.parseInt(share) : 80);
            try {
                for (int i = 0; i < zones; i++) {
                    Map<String, String> app = Map.of("OPENTA_ZONE", ZONES[i], "OPENTA_STAGING_DIR", dir.resolve(
                            "staging").toString(), "OPENTA_AUTH_DIR", dir.resolve("auth").toString());
                    ClusterOptions o = ClusterOptions.embedded(dir.resolve("zone-" + ZONES[i]), env)
                            .withShards(shards).withDatabase(pg.jdbcUrl(), pg.user(), pg.password())
                            .withKafka(k.bootstrapServers()).withDayTimeout(Duration.ofMinutes(60)).withHttp(0, app);
                    z.clusters.add(LocalCluster.start(o));
                }
                if (zones == 2) {
                    z.awaitSplit();
                }
            } catch (IOException | RuntimeException | InterruptedException e) {
                z.close();
                throw e;
            }
            return z;
        }

        LocalCluster cluster(int zone) {
            return clusters.get(zone);
        }

        int partitions() {
            return partitions;
        }

        Connection jdbc() throws SQLException {
            return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        }

        /** Both zones hold their share of every task topic (as the zone-share assignor splits them). */
        void awaitSplit() throws InterruptedException {
            // the split of one topic (zone a primary, both zones up), times the stage task topics
            int topics = io.openta.model.events.Stage.values().length;
            int primary = new ZoneSplit("a", share).primaryCount(partitions, true, true);
            TaskGroup.awaitHeld(kafka.bootstrapServers(), TaskGroup.ALL_IN_ONE, List.of((partitions - primary)
                    * topics, primary * topics), SPLIT_TIMEOUT);
        }

        /** The partitions (shard modulo the partition count) each zone ran tasks on in a day. */
        Map<String, Set<Integer>> partitionsRun(String date) throws SQLException {
            Map<String, Set<Integer>> out = new TreeMap<>();
            try (Connection db = jdbc(); PreparedStatement st = db.prepareStatement("SELECT DISTINCT zone, mod(shard, "
                    + partitions + ") FROM sched.task_execution WHERE biz_date = ?")) {
                st.setString(1, date);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getInt(2));
                    }
                }
            }
            return out;
        }

        String tasksPerZone(String date) throws SQLException {
            Map<String, Long> out = new TreeMap<>();
            try (Connection db = jdbc(); PreparedStatement st = db.prepareStatement(
                    "SELECT zone, count(*) FROM sched.task_execution WHERE biz_date = ? GROUP BY zone")) {
                st.setString(1, date);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return out.toString().replace(" ", "");
        }

        /** Rolls the day back to its start through the leader's API (a follower answers 503). */
        void rollbackToStart(String date) {
            List<String> refused = new ArrayList<>();
            for (LocalCluster c : clusters) {
                if (!c.functions().isAlive()) {
                    continue;
                }
                try {
                    c.rollback(date, io.openta.model.events.Stage.DAY_INIT);
                    return;
                } catch (ApiClient.ApiException e) {
                    refused.add(e.getMessage());
                }
            }
            throw new IllegalStateException("no app rolled day " + date + " back: " + refused);
        }

        /** Waits until the day runs {@code stage}; false when it ended first. */
        boolean awaitStage(String date, String stage, CompletableFuture<DayOutcome> cleared)
                throws SQLException, InterruptedException {
            try (Connection db = jdbc(); PreparedStatement st = db.prepareStatement(
                    "SELECT stage FROM sched.day WHERE biz_date = ? AND status = 'RUNNING'")) {
                st.setString(1, date);
                while (!cleared.isDone()) {
                    try (ResultSet rs = st.executeQuery()) {
                        if (rs.next() && stage.equals(rs.getString(1))) {
                            return true;
                        }
                    }
                    Thread.sleep(20);
                }
            }
            return false;
        }

        /** Starts a killed zone's app again and waits until both zones hold their share. */
        void restart(int zone) throws IOException, InterruptedException {
            clusters.get(zone).restartFunctions();
            awaitSplit();
        }

        @Override
        public void close() {
            for (int i = clusters.size() - 1; i >= 0; i--) {
                clusters.get(i).close();
            }
            kafka.close();
            postgres.close();
        }
    }
}
