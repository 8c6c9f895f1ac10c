package io.openta.launcher;

import io.openta.model.events.DayEvent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code openta} command. Exit codes: 0 the day cleared, 1 the day failed (or the cluster could not run it),
 * 2 bad arguments (nothing was started).
 */
public final class OpenTa {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    static final int MAX_SHARDS = 1024;

    static final String USAGE_TEXT = """
            usage: openta day --date YYYYMMDD --inbox DIR --outbox DIR [--data DIR] [--ta CODE] [--shards N]
                              [--db-url JDBC_URL --db-user USER --db-password PASSWORD] [--kafka HOST:PORT]
                   openta migrate --date YYYYMMDD --inbox DIR [--data DIR] [--ta CODE] [--db-url ...]
                   openta bench --accounts N [--data DIR] [--shards N]
                   openta serve --inbox DIR --outbox DIR [--port P] [--data DIR] [--staging DIR] [...options of day]
                   openta bench failover [--runs N] [--data DIR]
                   openta infra [--data DIR] [--partitions N] [--standby]
                   openta start --date YYYYMMDD [--url URL] [--inbox DIR --outbox DIR]
                   openta status [--date YYYYMMDD] [--url URL]
                   openta pause|resume|cancel --date YYYYMMDD [--url URL]
                   openta rollback --date YYYYMMDD (--to STAGE | --file NAME | --account TAAccountID)
                                   [--url URL | --data DIR] [--by NAME]
                   openta verify --date YYYYMMDD [--data DIR] [--outbox DIR] [--ta CODE] [--db-url ...]
                   openta help

              day    clears one business day: reads the inbox, writes the outbox (created if missing)
              migrate  takes over a previous TA's register from the 05 files in --inbox (before any day);
                     D becomes the last cleared day; all or nothing
              bench  builds a case of N accounts in <data>/bench-N/ and clears its two days, timing each stage
              serve  runs the functions until stopped; days start by ./openta start (or POST /api/days/D/start).
                     With --db-url and --kafka (e.g. from ./openta infra) several serve processes share one
                     database, broker, inbox, outbox and --staging folder: one of them leads, the others follow
              bench failover  starts infra --standby and serve, clears a generated day and kills the PostgreSQL
                     primary N times (default 3), printing each failover time (kill to first task committed after it)
              infra  runs PostgreSQL and Kafka in the foreground for serve processes; prints OPENTA_DB_URL=...,
                     OPENTA_KAFKA=... and OPENTA_STAGING=... once ready. --standby: a PostgreSQL primary and a
                     synchronous standby (Patroni, etcd, HAProxy; Debian packages) instead of one PostgreSQL
              start, status, pause, resume, cancel   talk to a serve process (--url, env OPENTA_URL,
                     default http://127.0.0.1:8080); cancel rolls the day back to its start
              rollback  the latest day, back to the boundary before STAGE, or withdrawing an input file or an
                     account's applications; then clear the day again. Without --url it runs offline on --data

              --data DIR          state folder (PostgreSQL data, logs), default ./.openta-data
              --ta CODE           the TA's code, default 99
              --shards N          shard tasks per stage, default 8
              --db-url, --db-user, --db-password   an external PostgreSQL instead of the embedded one
                                  (env OPENTA_DB_URL, OPENTA_DB_USER, OPENTA_DB_PASSWORD)
              --kafka HOST:PORT   an external Kafka instead of the embedded one (env OPENTA_KAFKA)
              verify  proves a cleared day record by record from the state and the files written; exits 1 on
                     any mismatch (run it when no day is running on --data)
            exit codes: 0 cleared, 1 the day failed, 2 bad arguments""";

    private static final Set<String> DAY_OPTIONS = Set.of("--date", "--inbox", "--outbox", "--data", "--ta",
            "--shards", "--db-url", "--db-user", "--db-password", "--kafka");
    private static final Set<String> VERIFY_OPTIONS = Set.of("--date", "--data", "--outbox", "--ta", "--db-url",
            "--db-user", "--db-password");
    private static final Set<String> MIGRATE_OPTIONS = Set.of("--date", "--inbox", "--data", "--ta", "--db-url",
            "--db-user", "--db-password", "--kafka");
    private static final Set<String> BENCH_OPTIONS = Set.of("--accounts", "--data", "--shards");
    private static final String DEFAULT_DATA = ".openta-data";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    OpenTa(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        int code = new OpenTa(System.out, System.err, System.getenv()).run(args);
        System.out.flush();
        System.exit(code);
    }

    /** A validated {@code day} command. */
    record DayRequest(String date, Path inbox, Path outbox, LocalCluster.Options options) {
    }

    /** A validated {@code bench} command. */
    record BenchRequest(int accounts, Path data, int shards) {
    }

    int run(String[] args) {
        try {
            if (args.length == 0) {
                throw new UsageException("no command given");
            }
            switch (args[0]) {
                case "day":
                    return day(parseDay(args));
                case "bench":
                    if (args.length > 1 && args[1].equals("failover")) {
                        return FailoverBench.run(args, out, err, env);
                    }
                    return bench(parseBench(args));
                case "migrate":
                    return migrate(args);
                case "serve":
                    return serve(args);
                case "infra":
                    return infra(args);
                case "start":
                    return startDay(args);
                case "status":
                    return status(args);
                case "pause":
                case "resume":
                case "cancel":
                    return control(args);
                case "rollback":
                    return rollback(args);
                case "verify":
                    return verify(args);
                case "help":
                case "--help":
                case "-h":
                    out.println(USAGE_TEXT);
                    return OK;
                default:
                    throw new UsageException("unknown command '" + args[0] + "'");
            }
        } catch (UsageException e) {
            err.println("openta: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
    }

    private int serve(String[] args) throws UsageException {
        CommandLine cl = CommandLine.parse("serve", args, 1, OperatorCommands.SERVE_OPTIONS);
        Path inbox = cl.existingDir("--inbox");
        Path outbox = CommandLine.directoryToBe("--outbox", cl.required("--outbox"));
        int port = cl.positiveInt("--port", 8080, 65535);
        LocalCluster.Options options = clusterOptions(cl);
        String staging = orEnv(cl.optional("--staging"), "OPENTA_STAGING");
        Path stagingDir = staging == null ? null : CommandLine.directoryToBe("--staging", staging);
        return operators().serve(options, port, inbox, outbox, stagingDir);
    }

    private int infra(String[] args) throws UsageException {
        boolean standby = List.of(args).contains(InfraCommand.STANDBY);
        String[] rest = Stream.of(args).filter(a -> !a.equals(InfraCommand.STANDBY)).toArray(String[]::new);
        CommandLine cl = CommandLine.parse("infra", rest, 1, InfraCommand.OPTIONS);
        Path data = CommandLine.directoryToBe("--data", orDefault(cl.optional("--data"), DEFAULT_DATA));
        int partitions = cl.positiveInt("--partitions", LocalCluster.Options.DEFAULT_SHARDS, MAX_SHARDS);
        return new InfraCommand(out, err).run(data, partitions, standby, env);
    }

    private int startDay(String[] args) throws UsageException {
        CommandLine cl = CommandLine.parse("start", args, 1, OperatorCommands.START_OPTIONS);
        String date = cl.date("--date");
        Path inbox = cl.optional("--inbox") == null ? null : cl.existingDir("--inbox");
        Path outbox = cl.optional("--outbox") == null ? null
                : CommandLine.directoryToBe("--outbox", cl.required("--outbox"));
        OperatorCommands ops = operators();
        return ops.start(ops.url(cl.optional("--url")), date, inbox, outbox);
    }

    private int status(String[] args) throws UsageException {
        CommandLine cl = CommandLine.parse("status", args, 1, OperatorCommands.STATUS_OPTIONS);
        String date = cl.optional("--date") == null ? null : cl.date("--date");
        OperatorCommands ops = operators();
        return ops.status(ops.url(cl.optional("--url")), date);
    }

    private int control(String[] args) throws UsageException {
        CommandLine cl = CommandLine.parse(args[0], args, 1, OperatorCommands.CONTROL_OPTIONS);
        String date = cl.date("--date");
        OperatorCommands ops = operators();
        return ops.control(ops.url(cl.optional("--url")), args[0], date);
    }

    private int rollback(String[] args) throws UsageException {
        CommandLine cl = CommandLine.parse("rollback", args, 1, OperatorCommands.ROLLBACK_OPTIONS);
        String date = cl.date("--date");
        OperatorCommands.checkRollbackTarget(cl.optional("--to"), cl.optional("--file"), cl.optional("--account"));
        if (cl.optional("--url") != null && cl.optional("--data") != null) {
            throw new UsageException("give --url (a serve process) or --data (offline), not both");
        }
        String by = orDefault(cl.optional("--by"), orDefault(env.get("USER"), "operator"));
        Path data = CommandLine.directoryToBe("--data", orDefault(cl.optional("--data"), DEFAULT_DATA));
        OperatorCommands ops = operators();
        return ops.rollback(cl.optional("--url"), LocalCluster.Options.embedded(data, env), date, cl.optional("--to"),
                cl.optional("--file"), cl.optional("--account"), by);
    }

    private int verify(String[] args) throws UsageException {
        CommandLine cl = CommandLine.parse("verify", args, 1, VERIFY_OPTIONS);
        String date = cl.date("--date");
        Path data = CommandLine.directoryToBe("--data", orDefault(cl.optional("--data"), DEFAULT_DATA));
        Path outbox = cl.optional("--outbox") == null ? null : cl.existingDir("--outbox");
        String ta = orDefault(cl.optional("--ta"), LocalCluster.Options.DEFAULT_TA);
        String dbUrl = orEnv(cl.optional("--db-url"), "OPENTA_DB_URL");
        return io.openta.launcher.verify.VerifyCommand.runOnData(date, data, dbUrl,
                orEnv(cl.optional("--db-user"), "OPENTA_DB_USER"), orEnv(cl.optional("--db-password"),
                        "OPENTA_DB_PASSWORD"), outbox, ta, out, err);
    }

    private OperatorCommands operators() {
        return new OperatorCommands(out, err, env);
    }

    private int migrate(String[] args) throws UsageException {
        CommandLine cl = CommandLine.parse("migrate", args, 1, MIGRATE_OPTIONS);
        String date = cl.date("--date");
        Path inbox = cl.existingDir("--inbox");
        return MigrateCommand.run(date, inbox, clusterOptions(cl), out, err);
    }

    DayRequest parseDay(String[] args) throws UsageException {
        CommandLine cl = CommandLine.parse("day", args, 1, DAY_OPTIONS);
        String date = cl.date("--date");
        Path inbox = cl.existingDir("--inbox");
        Path outbox = CommandLine.directoryToBe("--outbox", cl.required("--outbox"));
        if (outbox.equals(inbox)) {
            throw new UsageException("--outbox must not be the inbox");
        }
        return new DayRequest(date, inbox, outbox, clusterOptions(cl));
    }

    /** --data, --ta, --shards, --db-url/--db-user/--db-password, --kafka (with their env fallbacks). */
    private LocalCluster.Options clusterOptions(CommandLine cl) throws UsageException {
        Path data = CommandLine.directoryToBe("--data", orDefault(cl.optional("--data"), DEFAULT_DATA));
        String ta = orDefault(cl.optional("--ta"), LocalCluster.Options.DEFAULT_TA);
        if (!ta.matches("[0-9A-Za-z]{1,9}")) {
            throw new UsageException("--ta '" + ta + "' is not a code of 1 to 9 letters or digits");
        }
        int shards = cl.positiveInt("--shards", LocalCluster.Options.DEFAULT_SHARDS, MAX_SHARDS);

        String dbUrl = orEnv(cl.optional("--db-url"), "OPENTA_DB_URL");
        String dbUser = orEnv(cl.optional("--db-user"), "OPENTA_DB_USER");
        String dbPassword = orEnv(cl.optional("--db-password"), "OPENTA_DB_PASSWORD");
        if (dbUrl == null && (cl.optional("--db-user") != null || cl.optional("--db-password") != null)) {
            throw new UsageException("--db-user and --db-password need --db-url");
        }
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql://")) {
            throw new UsageException("--db-url '" + dbUrl + "' is not a jdbc:postgresql:// URL");
        }
        String kafka = orEnv(cl.optional("--kafka"), "OPENTA_KAFKA");
        if (kafka != null && !kafka.matches("[^\\s:,]+:\\d{1,5}(,[^\\s:,]+:\\d{1,5})*")) {
            throw new UsageException("--kafka '" + kafka + "' is not HOST:PORT");
        }
        LocalCluster.Options options = LocalCluster.Options.embedded(data, env).withTaCode(ta).withShards(shards)
                .withKafka(kafka);
        if (dbUrl != null) {
            // credentials may come in the URL (?user=...&password=..., as ./openta infra prints it)
            options = options.withDatabase(dbUrl, orDefault(dbUser, urlParameter(dbUrl, "user")),
                    orDefault(dbPassword, urlParameter(dbUrl, "password")));
        }
        return options;
    }

    BenchRequest parseBench(String[] args) throws UsageException {
        CommandLine cl = CommandLine.parse("bench", args, 1, BENCH_OPTIONS);
        cl.required("--accounts");
        int accounts = cl.positiveInt("--accounts", 0, 50_000_000);
        if (accounts < BenchCase.DISTRIBUTORS) {
            throw new UsageException("--accounts must be at least " + BenchCase.DISTRIBUTORS);
        }
        Path data = CommandLine.directoryToBe("--data", orDefault(cl.optional("--data"), DEFAULT_DATA));
        int shards = cl.positiveInt("--shards", LocalCluster.Options.DEFAULT_SHARDS, MAX_SHARDS);
        return new BenchRequest(accounts, data, shards);
    }

    private int day(DayRequest r) {
        try {
            Files.createDirectories(r.outbox());
        } catch (IOException e) {
            err.println("openta: cannot create the outbox " + r.outbox() + ": " + e.getMessage());
            return FAILED;
        }
        try (LocalCluster cluster = LocalCluster.start(r.options())) {
            DayOutcome o = cluster.runDay(r.date(), r.inbox(), r.outbox(), this::printProgress);
            if (o.completed()) {
                out.printf("day %s cleared in %s: %d files in %s%n", r.date(), seconds(o.millis(), 1),
                        filesWritten(o, r.outbox()), r.outbox());
                return OK;
            }
            err.println("day " + r.date() + " failed: " + o.message());
            return FAILED;
        } catch (IOException | RuntimeException e) {
            err.println("day " + r.date() + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    private int bench(BenchRequest r) {
        Path root = r.data().resolve("bench-" + r.accounts());
        BenchCase bc;
        long t0 = System.nanoTime();
        try {
            EmbeddedKafkaBroker.deleteTree(root);
            bc = BenchCase.generate(root.resolve("in"), r.accounts(), 20260105L);
        } catch (IOException | RuntimeException e) {
            err.println("openta: cannot write the bench case in " + root + ": " + e.getMessage());
            return FAILED;
        }
        out.printf("bench: %d accounts, %d distributors, day 2 has %d purchases and %d redemptions (files in %s, "
                + "written in %s)%n", r.accounts(), BenchCase.DISTRIBUTORS, bc.day2Purchases(), bc.day2Redemptions(),
                root.resolve("in"), seconds(ms(t0), 1));
        LocalCluster.Options options = LocalCluster.Options.embedded(root.resolve("state"), env).withShards(r.shards());
        long t1 = System.nanoTime();
        try (LocalCluster cluster = LocalCluster.start(options)) {
            out.printf("cluster started in %s (PostgreSQL, Kafka, functions app)%n", seconds(ms(t1), 1));
            DayOutcome last = null;
            List<DayOutcome> outcomes = new ArrayList<>();
            for (BenchCase.Day day : bc.days()) {
                Path outbox = Files.createDirectories(root.resolve("out").resolve(day.date()));
                out.printf("day %s: %d input records%n", day.date(), day.records());
                last = cluster.runDay(day.date(), day.inbox(), outbox, this::printProgress);
                if (!last.completed()) {
                    err.println("day " + day.date() + " failed: " + last.message());
                    return FAILED;
                }
                out.printf("day %s cleared in %s: %d files in %s%n", day.date(), seconds(last.millis(), 1),
                        filesWritten(last, outbox), outbox);
                outcomes.add(last);
            }
            FloorBenchmark.Result floor = floor(cluster, r.accounts());
            for (int i = 0; i < outcomes.size(); i++) {
                printBenchTable(bc, outcomes.get(i), "day" + (i + 1), floor, r.shards());
            }
            out.printf("functions JVM: %s; launcher JVM max heap %d MiB%n",
                    String.join(" ", cluster.functions().javaOptionsUsed()),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            return OK;
        } catch (IOException | RuntimeException e) {
            err.println("openta: bench could not run: " + e.getMessage());
            return FAILED;
        }
    }

    /** The set-based SQL floor on the same server, or null (with the reason) when it cannot run here. */
    private FloorBenchmark.Result floor(LocalCluster cluster, int accounts) {
        var script = FloorBenchmark.script(env);
        if (script.isEmpty()) {
            out.println("floor: ../shared/bench/floor-v2.sql not found (set OPENTA_FLOOR_SQL): no floor figures");
            return null;
        }
        String[] db = cluster.database();
        long t0 = System.nanoTime();
        try {
            FloorBenchmark.Result f = FloorBenchmark.run(script.get(), db[0], db[1], db[2], accounts);
            out.printf("floor: %s on the same PostgreSQL in %s%n", script.get(), seconds(ms(t0), 1));
            return f;
        } catch (IOException e) {
            out.println("floor: could not run psql (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void printBenchTable(BenchCase bc, DayOutcome day, String floorDay, FloorBenchmark.Result floor,
            int shards) {
        out.println();
        out.printf("bench %s %s (%d accounts, %d shards):%n", floorDay, day.date(), bc.accounts(), shards);
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

    private void printProgress(DayEvent e) {
        if (DayEvent.STAGE_COMPLETED.equals(e.type())) {
            out.println(progressLine(e));
        } else if (!e.terminal()) {
            out.println(e.type().toLowerCase().replace('_', ' ') + (e.message() == null ? "" : ": " + e.message()));
        }
    }

    /** {@code clearing            records=12 shards=8 1.23 s}: the stage padded to 20 columns. */
    static String progressLine(DayEvent e) {
        return String.format("%-19s records=%d shards=%d %s", e.stage(), e.records(), e.shards(),
                seconds(e.millis(), 2));
    }

    private static long filesWritten(DayOutcome o, Path outbox) {
        if (o.terminal() != null && o.terminal().records() > 0) {
            return o.terminal().records();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            return 0;
        }
    }

    static String seconds(long millis, int decimals) {
        return String.format("%." + decimals + "f s", millis / 1000.0);
    }

    private static String rate(long records, long millis) {
        return millis <= 0 ? "-" : String.format("%.0f", records * 1000.0 / millis);
    }

    private static long ms(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    private String orEnv(String value, String envName) {
        if (value != null) {
            return value;
        }
        String v = env.get(envName);
        return v == null || v.isBlank() ? null : v;
    }

    /** A query parameter of a JDBC URL, or "" when absent. */
    static String urlParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return "";
    }

    private static String orDefault(String value, String def) {
        return value == null ? def : value;
    }
}
