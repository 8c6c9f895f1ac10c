package io.openta.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import io.openta.model.events.DayEvent;
import io.openta.model.events.Stage;
import io.openta.model.events.Traffic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code openta bench stress [--accounts N] [--trades M] [--runs K] [--data DIR]}: how much a stress day slows the
 * production day beside it (issue 12, item 5), in one run. On the embedded services with shadow traffic on (one
 * PostgreSQL, one broker, one functions app, as {@code openta stress} starts them) it clears each of the bench's two
 * generated days in production alone, rolls it back to its start (the operators' rollback), clears it again while a
 * stress day of the same date and input runs in shadow, rolls it back and clears it alone again: alone, beside, alone
 * (K times beside, each followed by a run alone), so that the JVMs' warm-up does not favour one side. Each production
 * run writes the same files (checked by their bytes), and so does each stress day.
 */
@Command(name = "stress", description = "On the embedded services with shadow traffic on: clears each generated "
        + "bench day in production alone, then (rolled back to its start) beside a stress day of the same date and "
        + "input, then alone again (alone, beside, alone; --runs times beside), and prints per stage the production "
        + "seconds alone and beside, the slowdown and the stress day's records/s, with the load average at start and "
        + "end. Exits 1 when a day fails, production's files differ between the runs or a stress day's files differ "
        + "from production's.")
final class StressBench implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;
    @Option(names = { "-h", "--help" }, usageHelp = true, description = "this help")
    boolean help;
    @Option(names = "--accounts", paramLabel = "N", defaultValue = "20000", converter = Args.Accounts.class,
            description = "accounts opened on day 1, default ${DEFAULT-VALUE}")
    int accounts;
    @Option(names = "--trades", paramLabel = "M", description = "trades on day 2, default N / 10")
    Integer trades;
    @Option(names = "--runs", paramLabel = "K", defaultValue = "1", converter = Runs.class,
            description = "production runs beside a stress day per day (each followed by one alone), default "
                    + "${DEFAULT-VALUE}")
    int runs;
    @Mixin
    Options.Data data;
    @Mixin
    Options.Shards shards;

    /** 1 to 10 runs beside a stress day. */
    static final class Runs extends Args.PositiveInt {
        Runs() {
            super(10);
        }
    }

    @Override
    public Integer call() throws UsageException {
        BenchCase.requireAccounts(accounts);
        int m = trades != null ? trades : Math.max(1, accounts / 10);
        BenchCase.requireTrades(m, accounts);
        PrintStream out = bench.out();
        Path root = data.dir.resolve("bench-stress");
        out.println("load average at start: " + StressReport.loadAverage());
        try {
            EmbeddedKafkaBroker.deleteTree(root);
            BenchCase bc = BenchCase.generate(root.resolve("in"), accounts, m, StressCommand.BENCH_SEED);
            ClusterOptions options = ClusterOptions.embedded(root.resolve("cluster"), bench.env())
                    .withShards(shards.count).withHttp(0, Map.of("OPENTA_SHADOW_ENABLED", "true"));
            boolean ok = true;
            try (LocalCluster c = LocalCluster.start(options)) {
                out.printf("bench stress: %d accounts, %d trades, %d shards; embedded services started with shadow "
                        + "traffic on%n", accounts, m, shards.count);
                List<BenchCase.Day> done = new ArrayList<>();
                for (BenchCase.Day day : bc.days()) {
                    StressComparison cmp = compare(c, day, done, root, out);
                    StressReport.print(out, cmp, accounts, m, shards.count);
                    ok &= cmp.sameOutbox() && cmp.stressSame();
                    done.add(day);
                }
            }
            out.println("load average at end: " + StressReport.loadAverage());
            return ok ? OpenTa.OK : OpenTa.FAILED;
        } catch (IOException | RuntimeException | ApiClient.ApiException e) {
            bench.err().println("openta: bench stress could not run: " + String.valueOf(e.getMessage())
                    .replace('\n', ' '));
            return OpenTa.FAILED;
        }
    }

    /**
     * Clears {@code day} alone, then {@link #runs} times beside a stress day and alone again (rolled back to its start
     * before each run). {@code earlier}: the days already cleared, which a repeated stress day needs in the shadow set.
     */
    private StressComparison compare(LocalCluster c, BenchCase.Day day, List<BenchCase.Day> earlier, Path root,
            PrintStream out) throws IOException, ApiClient.ApiException {
        Path outRoot = root.resolve("out").resolve(day.date());
        List<DayOutcome> alone = new ArrayList<>();
        List<DayOutcome> beside = new ArrayList<>();
        List<DayOutcome> stress = new ArrayList<>();
        List<Long> overlap = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<Map<String, String>> outboxes = new ArrayList<>();
        List<Map<String, String>> stressOutboxes = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            if (i > 0) {
                c.rollback(day.date(), Stage.DAY_INIT);
                // a stress day of a date is started once: from the second run beside on, the shadow set is emptied
                // and the earlier days are cleared there again (untimed, nothing beside them)
                if (i > 1) {
                    reseedShadow(c, earlier, root);
                }
                Path prodOut = Files.createDirectories(outRoot.resolve("beside-" + i));
                Path stressOut = Files.createDirectories(root.resolve("stress-out").resolve(day.date() + "-" + i));
                Timed s = besideRun(c, day, prodOut, stressOut, out);
                beside.add(s.production);
                stress.add(s.stress);
                overlap.add(s.overlapMs);
                order.add("beside");
                outboxes.add(digest(prodOut));
                stressOutboxes.add(digest(stressOut));
                c.rollback(day.date(), Stage.DAY_INIT);
            }
            Path prodOut = Files.createDirectories(outRoot.resolve("alone-" + (i + 1)));
            DayOutcome o = require(c.runDay(day.date(), day.inbox(), prodOut, e -> { }), "production day");
            out.printf("day %s alone: cleared in %s%n", day.date(), OpenTa.seconds(o.millis(), 1));
            alone.add(o);
            order.add("alone");
            outboxes.add(digest(prodOut));
        }
        boolean same = outboxes.stream().allMatch(outboxes.get(0)::equals);
        boolean stressSame = stressOutboxes.stream().allMatch(outboxes.get(0)::equals);
        return new StressComparison(day.date(), alone, beside, stress, overlap, order, same, stressSame,
                outboxes.get(0).size());
    }

    /** The production day and a stress day of the same date and input, started together. */
    private Timed besideRun(LocalCluster c, BenchCase.Day day, Path prodOut, Path stressOut, PrintStream out) {
        long[] stressSpan = new long[2];
        CompletableFuture<DayOutcome> stressDay = CompletableFuture.supplyAsync(() -> {
            stressSpan[0] = System.nanoTime();
            DayOutcome o = c.runDay(day.date(), day.inbox(), stressOut, Traffic.SHADOW, e -> { });
            stressSpan[1] = System.nanoTime();
            return o;
        }, StressBench::ownThread);
        long p0 = System.nanoTime();
        DayOutcome production = c.runDay(day.date(), day.inbox(), prodOut, e -> { });
        long p1 = System.nanoTime();
        DayOutcome s = require(stressDay.join(), "stress day");
        require(production, "production day beside the stress day");
        long overlapNanos = Math.max(0, Math.min(p1, stressSpan[1]) - Math.max(p0, stressSpan[0]));
        out.printf("day %s beside a stress day: cleared in %s (the stress day in %s)%n", day.date(),
                OpenTa.seconds(production.millis(), 1), OpenTa.seconds(s.millis(), 1));
        return new Timed(production, s, Duration.ofNanos(overlapNanos).toMillis());
    }

    private void reseedShadow(LocalCluster c, List<BenchCase.Day> earlier, Path root) throws IOException {
        DayOutcome cleaned = c.cleanShadow();
        if (cleaned.terminal() == null || !DayEvent.SHADOW_CLEANED.equals(cleaned.terminal()
                .type())) {
            throw new IllegalStateException("stress clean failed: " + cleaned.message());
        }
        for (BenchCase.Day d : earlier) {
            Path o = Files.createDirectories(root.resolve("stress-out").resolve(d.date() + "-reseed"));
            require(c.runDay(d.date(), d.inbox(), o, Traffic.SHADOW, e -> { }), "stress day (shadow set refill)");
        }
    }

    private record Timed(DayOutcome production, DayOutcome stress, long overlapMs) {
    }

    private static DayOutcome require(DayOutcome o, String what) {
        if (!o.completed()) {
            throw new IllegalStateException(what + " " + o.date() + " failed: " + o.message());
        }
        return o;
    }

    /** File name to SHA-256 of its bytes, of every file in {@code dir}. */
    static Map<String, String> digest(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(f.getFileName().toString(), HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stress day's own thread: the shared pool may have room for one task at a time on a small host. */
    private static void ownThread(Runnable r) {
        Thread t = new Thread(r, "openta-stress-day");
        t.setDaemon(true);
        t.start();
    }
}
