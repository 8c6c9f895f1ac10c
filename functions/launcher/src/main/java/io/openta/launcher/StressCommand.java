package io.openta.launcher;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.openta.model.events.DayEvent;
import io.openta.model.events.Traffic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code openta stress}: a stress (shadow) day (issue 12). The day runs through the same scheduler and functions as a
 * production day, its state in the shadow schemas, its tasks on the shadow topics, its files staged apart and
 * written to its own outbox; production tables are out of its reach. On a running serve ({@code --url}, or the
 * serve of {@code --data}), which must run with {@code OPENTA_SHADOW_ENABLED=true}, or on the embedded services
 * started for the call with shadow traffic on. Prints each stage's records per second. With {@code --accounts N
 * [--trades M]} it generates the bench's two days ({@link BenchCase}) and runs both. With {@code --from-production}
 * the shadow set is first emptied and seeded with a copy of production's last close. {@code openta stress clean}
 * empties the shadow schemas, the shadow staging area and the shadow topics. {@code openta stress
 * status|pause|resume|cancel} call the serve's API as {@code openta status|pause|resume|cancel} do, on its stress days
 * ({@code ?traffic=shadow}).
 */
@Command(name = "stress", description = { "Runs a stress day: the same functions on shadow tables and topics, with "
        + "its own outbox, while production clears untouched. Prints each stage's throughput.",
        "openta stress clean empties the shadow schemas, the shadow staging area and the shadow topics.",
        "openta stress status|pause|resume|cancel [--date D] [--url URL] [--token T] acts on the serve's stress days "
                + "as status, pause, resume and cancel do on its production days (rollback: ./openta rollback "
                + "--shadow).",
        "On a running serve (--url, or the serve on --data) it must run with OPENTA_SHADOW_ENABLED=true." })
final class StressCommand extends LauncherCommand {
    static final String CLEAN = "clean";
    static final String STATUS = "status";
    /** The actions that call a running serve's API on its stress days: pause, resume and cancel need --date. */
    static final List<String> CONTROLS = List.of("pause", "resume", "cancel");
    /** The seed of the generated trades: the bench's, so that a stress day and a bench day of one size match. */
    static final long BENCH_SEED = 20260105L;

    @Parameters(arity = "0..1", paramLabel = "ACTION", description = "instead of running a day: clean (empty the "
            + "shadow schemas), or status, pause, resume, cancel (a stress day of the serve at --url)")
    String action;
    @Option(names = "--date", paramLabel = "YYYYMMDD", converter = Args.Date.class,
            description = "the stress day's business day (may be the date of an open production day)")
    String date;
    @Option(names = "--inbox", paramLabel = "DIR", converter = Args.ExistingDir.class,
            description = "the stress day's input files")
    Path inbox;
    @Option(names = "--outbox", paramLabel = "DIR", converter = Args.DirToBe.class,
            description = "where the stress day's files are written (created if missing; never production's)")
    Path outbox;
    @Option(names = "--from-production", description = "with --date: first empty the shadow set and fill it with a "
            + "copy of production's last close (refused while a production or stress day is open)")
    boolean fromProduction;
    @Mixin
    Options.Cluster cluster;
    @Mixin
    Options.Shards shards;
    @Option(names = "--accounts", paramLabel = "N", description = "instead of --date and --inbox: generate the bench's "
            + "two days (N accounts opened on day 1, trades on day 2) and run both as stress days, their files in "
            + "--outbox/<date>")
    Integer accounts;
    @Option(names = "--trades", paramLabel = "M", description = "with --accounts: trades on day 2, default N / 10")
    Integer trades;
    @Option(names = "--url", paramLabel = "URL", description = "a running ./openta serve with shadow traffic on (its "
            + "broker: --kafka, else the one its data folder names); without it, the serve on --data when one runs, "
            + "else PostgreSQL, Kafka and the functions app are started for the time of the call, shadow traffic on. "
            + "With status, pause, resume, cancel: the serve to call (env OPENTA_URL, default " + ApiClient.DEFAULT_URL
            + ")")
    String url;
    @Option(names = "--token", paramLabel = "TOKEN", description = "with status, pause, resume, cancel: the bearer "
            + "token to call the serve with (env OPENTA_TOKEN; ./openta token makes one)")
    String token;

    @Override
    public Integer call() throws UsageException {
        boolean clean = CLEAN.equals(action);
        if (action != null && (STATUS.equals(action) || CONTROLS.contains(action))) {
            return control();
        }
        if (action != null && !clean) {
            throw new UsageException("unknown stress action '" + action + "' (expected: clean, status, pause, resume, "
                    + "cancel)");
        }
        if (token != null) {
            throw new UsageException("--token is for stress status, pause, resume and cancel");
        }
        if (clean && (date != null || inbox != null || outbox != null || accounts != null || trades != null
                || fromProduction)) {
            throw new UsageException("stress clean takes no --date, --inbox, --outbox, --accounts, --trades or "
                    + "--from-production");
        }
        if (fromProduction && accounts != null) {
            throw new UsageException("--from-production goes with --date (the generated days start from empty "
                    + "shadow tables)");
        }
        if (!clean && accounts != null) {
            if (date != null || inbox != null || outbox == null) {
                throw new UsageException("--accounts generates the days: give --outbox, and no --date or --inbox");
            }
            BenchCase.requireAccounts(accounts);
            trades = trades != null ? trades : Math.max(1, accounts / 10);
            BenchCase.requireTrades(trades, accounts);
        } else if (!clean && trades != null) {
            throw new UsageException("--trades goes with --accounts");
        } else if (!clean && (date == null || inbox == null || outbox == null)) {
            throw new UsageException("a stress day needs --date, --inbox and --outbox (or --accounts and --outbox)");
        }
        if (!clean && outbox.equals(inbox)) {
            throw new UsageException("--outbox must not be the inbox");
        }
        Map<String, String> env = new LinkedHashMap<>(env());
        ClusterOptions options = cluster.options(env).withShards(shards.count);
        Map<String, String> appEnv = new LinkedHashMap<>(options.extraEnv());
        appEnv.put("OPENTA_SHADOW_ENABLED", "true");
        options = options.withHttp(options.httpPort(), appEnv);
        ServeFile.Running serve = DayCommand.runningServe(options, url);
        if (serve != null && !ServeFile.answers(serve.url())) {
            err().println("openta: no OpenTA serve process at " + serve.url());
            return OpenTa.FAILED;
        }
        if (!clean) {
            try {
                Files.createDirectories(outbox);
            } catch (IOException e) {
                err().println("openta: cannot create the outbox " + outbox + ": " + e.getMessage());
                return OpenTa.FAILED;
            }
        }
        try (LocalCluster c = serve != null ? LocalCluster.attach(options, serve.url(), serve.kafka())
                : LocalCluster.start(options)) {
            out().println(serve != null ? "on the running serve at " + serve.url() + ": nothing started"
                    : "embedded services started with shadow traffic on");
            if (fromProduction && seed(c) != OpenTa.OK) {
                return OpenTa.FAILED;
            }
            return clean ? clean(c) : accounts != null ? generated(c) : day(c, date, inbox, outbox);
        } catch (IOException | RuntimeException e) {
            err().println((clean ? "stress clean" : accounts != null ? "stress days" : "stress day " + date)
                    + " failed: " + e.getMessage());
            return OpenTa.FAILED;
        }
    }

    /** {@code stress status|pause|resume|cancel}: one call to the serve's API on its stress days. */
    private int control() throws UsageException {
        if (inbox != null || outbox != null || accounts != null || trades != null) {
            throw new UsageException("stress " + action + " takes no --inbox, --outbox, --accounts or --trades");
        }
        if (date == null && !STATUS.equals(action)) {
            throw new UsageException("stress " + action + " needs --date");
        }
        OperatorCommands ops = operators();
        return STATUS.equals(action) ? ops.status(ops.url(url), ops.token(token), date, Traffic.SHADOW)
                : ops.control(ops.url(url), ops.token(token), action, date, Traffic.SHADOW);
    }

    /** The bench's two days, generated into a temporary folder (deleted after), run in order as stress days. */
    private int generated(LocalCluster c) throws IOException {
        Path in = Files.createTempDirectory("openta-stress-");
        try {
            BenchCase bench = BenchCase.generate(in, accounts, trades, BENCH_SEED);
            out().printf("generated the bench's two days: %d accounts, %d trades%n", accounts, trades);
            for (BenchCase.Day d : bench.days()) {
                int code = day(c, d.date(), d.inbox(), outbox.resolve(d.date()));
                if (code != OpenTa.OK) {
                    return code;
                }
            }
            return OpenTa.OK;
        } finally {
            EmbeddedKafkaBroker.deleteTree(in);
        }
    }

    private int day(LocalCluster c, String date, Path inbox, Path outbox) {
        DayOutcome o = c.runDay(date, inbox, outbox, Traffic.SHADOW, e -> {
            if (DayEvent.STAGE_COMPLETED.equals(e.type())) {
                out().println(throughputLine(e));
            }
        });
        if (!o.completed()) {
            err().println("stress day " + date + " failed: " + o.message());
            return OpenTa.FAILED;
        }
        out().printf("stress day %s cleared in %s: %d files in %s%n", date, OpenTa.seconds(o.millis(), 1),
                DayCommand.filesWritten(o, outbox), outbox);
        return OpenTa.OK;
    }

    private int seed(LocalCluster c) {
        DayOutcome o = c.seedShadow(date);
        if (o.terminal() == null || !DayEvent.SHADOW_SEEDED.equals(o.terminal().type())) {
            err().println("stress day " + date + " not started: " + o.message());
            return OpenTa.FAILED;
        }
        out().println(o.message());
        return OpenTa.OK;
    }

    private int clean(LocalCluster c) {
        DayOutcome o = c.cleanShadow();
        if (o.terminal() == null || !DayEvent.SHADOW_CLEANED.equals(o.terminal().type())) {
            err().println("stress clean failed: " + o.message());
            return OpenTa.FAILED;
        }
        out().println(o.message());
        return OpenTa.OK;
    }

    /** {@code stress stage clearing: 1234 records in 2.5 s, 493.6 records/s (8 tasks)}. */
    static String throughputLine(DayEvent e) {
        String rate = e.millis() <= 0 ? "-" : new BigDecimal(e.records()).multiply(BigDecimal.valueOf(1000))
                .divide(BigDecimal.valueOf(e.millis()), 1, RoundingMode.HALF_UP).toPlainString();
        return "stress stage " + e.stage() + ": " + e.records() + " records in " + OpenTa.seconds(e.millis(), 1)
                + ", " + rate + " records/s (" + e.shards() + " tasks)";
    }
}
