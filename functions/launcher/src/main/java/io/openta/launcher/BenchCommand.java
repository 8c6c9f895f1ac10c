package io.openta.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code openta bench}: builds the v2 scale case of N accounts and clears its two days, each as a user runs it (its
 * own {@code openta day} command), and prints each day beside the floor measured on the same server ({@link
 * BenchReport}).
 */
@Command(name = "bench", description = "Builds a case of N accounts in <data>/bench-N/ and clears its two days, "
        + "each by its own openta day command, timing the whole command, its start-up, each stage and its shutdown; "
        + "then runs ../shared/bench/floor-v2.sql (or OPENTA_FLOOR_SQL) with psql on the same PostgreSQL server, "
        + "when both are there, to print each day beside its floor.",
        subcommands = { FailoverBench.class, ZoneBench.class, StressBench.class })
final class BenchCommand extends LauncherCommand {
    // required, but checked in call(): picocli would demand it of 'bench failover' too
    @Option(names = "--accounts", paramLabel = "N", converter = Args.Accounts.class,
            description = "accounts in the case, at least " + BenchCase.DISTRIBUTORS)
    Integer accounts;
    @Mixin
    Options.Data data;
    @Mixin
    Options.Shards shards;
    @Option(names = "--on-serve", description = "clear the days on one openta serve started before the first day "
            + "(its start-up printed apart, paid once), as an operator with a running serve does: each day command "
            + "then starts nothing")
    boolean onServe;

    @Override
    public Integer call() throws UsageException {
        if (accounts == null) {
            throw new UsageException("missing required option --accounts for bench");
        }
        BenchCase.requireAccounts(accounts);
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
        // each day as a user runs it: its own openta day command (start-up, day, shutdown), timed whole
        Path state = root.resolve("state");
        List<BenchDayRun> runs = new ArrayList<>();
        BenchServe serve = null;
        try {
            if (onServe) {
                serve = BenchServe.start(state, shards.count, dayEnv(accounts), Duration.ofMinutes(5));
                out().printf("serve on %s started in %s (PostgreSQL, Kafka, functions app; paid once): each day "
                        + "command below runs its day there%n", state, OpenTa.seconds(serve.startupMillis(), 2));
            }
            for (BenchCase.Day day : bc.days()) {
                Path outbox = Files.createDirectories(root.resolve("out").resolve(day.date()));
                out().printf("day %s: %d input records: openta day --data %s%n", day.date(), day.records(), state);
                BenchDayRun run = BenchDayRun.run(day.date(), day.inbox(), outbox, state, shards.count,
                        dayEnv(accounts), out());
                if (serve != null) {
                    run = run.withPeakMb(serve.functionsPeakMb());
                }
                runs.add(run.withDisk(diskUse(state, root.resolve("out"))));
            }
        } catch (IOException | RuntimeException e) {
            err().println("openta: bench could not run: " + e.getMessage());
            return OpenTa.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OpenTa.FAILED;
        } finally {
            if (serve != null) {
                serve.close(); // before the floor starts PostgreSQL on the same data folder
            }
        }
        FloorBenchmark.Result floor = floor(state);
        for (int i = 0; i < runs.size(); i++) {
            BenchReport.print(out(), "day" + (i + 1), runs.get(i), accounts, shards.count, floor, onServe);
        }
        out().printf("functions JVM: %s; launcher JVM of each day: %s%n", String.join(" ",
                FunctionsProcess.javaOptions()), env().getOrDefault("OPENTA_JAVA_OPTS", "-Xmx1g"));
        return OpenTa.OK;
    }

    /**
     * Bytes allocated on disk to the state's database, staging area and broker logs, and to the outboxes so far (the
     * inputs are left out: they are the case, not the system's). A file is counted once: the outboxes' count leaves
     * out the files hard-linked to staged ones.
     */
    static Map<String, Long> diskUse(Path state, Path outboxes) throws IOException {
        // in this order: a file linked into staging and an outbox counts in staging
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("database (pg)", state.resolve("pg"));
        folders.put("staging", state.resolve("staging"));
        folders.put("kafka", state.resolve("kafka"));
        folders.put("outboxes (not linked to staging)", outboxes);
        Iterator<Long> allocated = DiskUse.bytes(List.copyOf(folders.values())).iterator();
        Map<String, Long> bytes = new LinkedHashMap<>();
        folders.keySet().forEach(what -> bytes.put(what, allocated.next()));
        return bytes;
    }

    /**
     * The environment of each day command: the launcher's, with a day timeout that grows with the case (0.6 ms per
     * account, at least the usual 30 minutes: 10,000,000 accounts get 100 minutes) unless OPENTA_DAY_TIMEOUT_SECONDS
     * is set.
     */
    Map<String, String> dayEnv(int accounts) {
        Map<String, String> env = new java.util.HashMap<>(env());
        env.putIfAbsent("OPENTA_DAY_TIMEOUT_SECONDS", String.valueOf(dayTimeoutSeconds(accounts)));
        return env;
    }

    static long dayTimeoutSeconds(int accounts) {
        return Math.max(1800L, accounts * 6L / 10_000L);
    }

    /**
     * The set-based SQL floor, or null (with the reason) when it cannot run here: run after the days, on the same
     * PostgreSQL server (the bench's data folder, the same binaries and settings), started for it alone so that
     * nothing else runs beside it.
     */
    private FloorBenchmark.Result floor(Path state) {
        var script = FloorBenchmark.script(env());
        if (script.isEmpty()) {
            out().println("floor: ../shared/bench/floor-v2.sql not found (set OPENTA_FLOOR_SQL): no floor figures");
            return null;
        }
        long t0 = System.nanoTime();
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(state.resolve("pg"))) {
            FloorBenchmark.Result f = FloorBenchmark.run(script.get(), pg.jdbcUrl(), pg.user(), pg.password(),
                    accounts);
            out().printf("floor: %s on the same PostgreSQL in %s (setup and server start included)%n", script.get(),
                    OpenTa.seconds(ms(t0), 1));
            return f;
        } catch (IOException | RuntimeException e) {
            out().println("floor: could not run (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static long ms(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
