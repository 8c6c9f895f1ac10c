package io.openta.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.openta.model.events.DayEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openta bench}: builds the v2 scale case of N accounts and clears its two days, timing each stage. */
@Command(name = "bench", description = "Builds a case of N accounts in <data>/bench-N/ and clears its two days, "
        + "timing each stage; runs ../shared/bench/floor-v2.sql (or OPENTA_FLOOR_SQL) with psql on the same "
        + "PostgreSQL, when both are there, to print each day beside its floor.",
        subcommands = { FailoverBench.class, ZoneBench.class })
final class BenchCommand extends LauncherCommand {
    // required, but checked in call(): picocli would demand it of 'bench failover' too
    @Option(names = "--accounts", paramLabel = "N", converter = Args.Accounts.class,
            description = "accounts in the case, at least " + BenchCase.DISTRIBUTORS)
    Integer accounts;
    @Mixin
    Options.Data data;
    @Mixin
    Options.Shards shards;

    @Override
    public Integer call() throws UsageException {
        if (accounts == null) {
            throw new UsageException("missing required option --accounts for bench");
        }
        if (accounts < BenchCase.DISTRIBUTORS) {
            throw new UsageException("--accounts must be at least " + BenchCase.DISTRIBUTORS);
        }
        Path root = data.dir.resolve("bench-" + accounts);
        BenchCase bc;
        long t0 = System.nanoTime();
        try {
            EmbeddedKafkaBroker.deleteTree(root);
            bc = BenchCase.generate(root.resolve("in"), accounts, 20260105L);
        } catch (IOException | RuntimeException e) {
            err().println("openta: cannot write the bench case in " + root + ": " + e.getMessage());
            return OpenTa.FAILED;
        }
        out().printf("bench: %d accounts, %d distributors, day 2 has %d purchases and %d redemptions (files in %s, "
                + "written in %s)%n", accounts, BenchCase.DISTRIBUTORS, bc.day2Purchases(), bc.day2Redemptions(),
                root.resolve("in"), OpenTa.seconds(ms(t0), 1));
        LocalCluster.Options options = LocalCluster.Options.embedded(root.resolve("state"), env())
                .withShards(shards.count);
        long t1 = System.nanoTime();
        try (LocalCluster cluster = LocalCluster.start(options)) {
            out().printf("cluster started in %s (PostgreSQL, Kafka, functions app)%n", OpenTa.seconds(ms(t1), 1));
            List<DayOutcome> outcomes = new ArrayList<>();
            for (BenchCase.Day day : bc.days()) {
                Path outbox = Files.createDirectories(root.resolve("out").resolve(day.date()));
                out().printf("day %s: %d input records%n", day.date(), day.records());
                DayOutcome last = cluster.runDay(day.date(), day.inbox(), outbox, DayCommand.progress(out()));
                if (!last.completed()) {
                    err().println("day " + day.date() + " failed: " + last.message());
                    return OpenTa.FAILED;
                }
                out().printf("day %s cleared in %s: %d files in %s%n", day.date(), OpenTa.seconds(last.millis(), 1),
                        DayCommand.filesWritten(last, outbox), outbox);
                outcomes.add(last);
            }
            FloorBenchmark.Result floor = floor(cluster);
            for (int i = 0; i < outcomes.size(); i++) {
                printTable(bc, outcomes.get(i), "day" + (i + 1), floor);
            }
            out().printf("functions JVM: %s; launcher JVM max heap %d MiB%n",
                    String.join(" ", cluster.functions().javaOptionsUsed()),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            return OpenTa.OK;
        } catch (IOException | RuntimeException e) {
            err().println("openta: bench could not run: " + e.getMessage());
            return OpenTa.FAILED;
        }
    }

    /** The set-based SQL floor on the same server, or null (with the reason) when it cannot run here. */
    private FloorBenchmark.Result floor(LocalCluster cluster) {
        var script = FloorBenchmark.script(env());
        if (script.isEmpty()) {
            out().println("floor: ../shared/bench/floor-v2.sql not found (set OPENTA_FLOOR_SQL): no floor figures");
            return null;
        }
        String[] db = cluster.database();
        long t0 = System.nanoTime();
        try {
            FloorBenchmark.Result f = FloorBenchmark.run(script.get(), db[0], db[1], db[2], accounts);
            out().printf("floor: %s on the same PostgreSQL in %s%n", script.get(), OpenTa.seconds(ms(t0), 1));
            return f;
        } catch (IOException e) {
            out().println("floor: could not run psql (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void printTable(BenchCase bc, DayOutcome day, String floorDay, FloorBenchmark.Result floor) {
        var out = out();
        out.println();
        out.printf("bench %s %s (%d accounts, %d shards):%n", floorDay, day.date(), bc.accounts(), shards.count);
        out.printf("  %-20s %10s %7s %10s %12s %14s%n", "stage", "records", "shards", "seconds", "records/s",
                "floor step s");
        long stageSum = 0;
        for (DayEvent e : day.stages()) {
            stageSum += e.millis();
            List<String> steps = FloorBenchmark.floorStepsOf(e.stage());
            String floorStep = floor == null || steps.isEmpty() ? ""
                    : String.format("%s %.2f", steps.get(0), floor.stepMillis(floorDay, steps.get(0)).doubleValue()
                            / 1000.0);
            out.printf("  %-20s %10d %7d %10.2f %12s %14s%n", e.stage(), e.records(), e.shards(),
                    e.millis() / 1000.0, rate(e.records(), e.millis()), floorStep);
        }
        out.printf("  %-20s %10.2f s (START to completed, publishing included)%n", "day", day.millis() / 1000.0);
        out.printf("  %-20s %10.2f s%n", "stage sum", stageSum / 1000.0);
        if (floor != null) {
            double f = floor.dayMillis(floorDay).doubleValue();
            out.printf("  %-20s %10.2f s   ratio day/floor %.2fx, stage sum/floor %.2fx%n", "floor", f / 1000.0,
                    day.millis() / f, stageSum / f);
        }
    }

    private static String rate(long records, long millis) {
        return millis <= 0 ? "-" : String.format("%.0f", records * 1000.0 / millis);
    }

    private static long ms(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
