package io.openta.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.openta.model.events.DayEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code openta day}: clears one business day on a local cluster started for the time of the call, or on a running
 * {@code openta serve} ({@code --url}, or the one whose {@code serve.properties} the data folder holds), which then
 * costs no start-up. Prints each stage, then the start-up, the day (START to completed) and the shutdown apart.
 */
@Command(name = "day", description = { "Clears one business day: reads the inbox, writes the outbox (created if "
        + "missing). Killed at any moment, the same command run again resumes the day and writes the same files.",
        "On a running serve (--url, or the serve on --data) nothing is started: the day runs there." })
final class DayCommand extends LauncherCommand {
    @Option(names = "--date", required = true, paramLabel = "YYYYMMDD", converter = Args.Date.class,
            description = "the business day")
    String date;
    @Option(names = "--inbox", required = true, paramLabel = "DIR", converter = Args.ExistingDir.class,
            description = "the day's input files")
    Path inbox;
    @Option(names = "--outbox", required = true, paramLabel = "DIR", converter = Args.DirToBe.class,
            description = "where the day's files are written (created if missing)")
    Path outbox;
    @Mixin
    Options.Cluster cluster;
    @Mixin
    Options.Shards shards;
    @Option(names = "--url", paramLabel = "URL", description = "a running ./openta serve to clear the day on (its "
            + "broker: --kafka, else the one its data folder names); without it, the serve on --data when one "
            + "runs, else PostgreSQL, Kafka and the functions app are started for the time of the call")
    String url;

    /** A validated {@code day} command; {@code serve} is the running serve to use, or null to start a cluster. */
    record Request(String date, Path inbox, Path outbox, ClusterOptions options, ServeFile.Running serve) {
    }

    Request request() throws UsageException {
        if (outbox.equals(inbox)) {
            throw new UsageException("--outbox must not be the inbox");
        }
        ClusterOptions options = cluster.options(env()).withShards(shards.count);
        return new Request(date, inbox, outbox, options, runningServe(options, url));
    }

    /** The serve given by --url (with its broker), else the one the data folder names if it runs, else null. */
    static ServeFile.Running runningServe(ClusterOptions options, String url) throws UsageException {
        Path data = options.dataDir().toAbsolutePath();
        if (url == null) {
            return ServeFile.find(data).orElse(null);
        }
        if (!url.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new UsageException("--url '" + url + "' is not an http:// URL");
        }
        String kafka = options.kafka();
        if (kafka == null) {
            kafka = ServeFile.find(data).map(ServeFile.Running::kafka).orElseThrow(() -> new UsageException(
                    "--url needs the serve's broker: give --kafka HOST:PORT, or --data of a serve that runs"));
        }
        return new ServeFile.Running(url, kafka);
    }

    @Override
    public Integer call() throws UsageException {
        Request r = request();
        try {
            Files.createDirectories(r.outbox());
        } catch (IOException e) {
            err().println("openta: cannot create the outbox " + r.outbox() + ": " + e.getMessage());
            return OpenTa.FAILED;
        }
        if (r.serve() != null && !ServeFile.answers(r.serve().url())) {
            err().println("openta: no OpenTA serve process at " + r.serve().url());
            return OpenTa.FAILED;
        }
        long t0 = System.nanoTime();
        DayOutcome o;
        long startup;
        long dayEnd;
        try (LocalCluster cluster = r.serve() != null
                ? LocalCluster.attach(r.options(), r.serve().url(), r.serve().kafka())
                : LocalCluster.start(r.options())) {
            startup = millisSince(t0);
            out().println(r.serve() != null ? "on the running serve at " + r.serve().url() + ": nothing started"
                    : "start-up " + OpenTa.seconds(startup, 2) + " (PostgreSQL side by side with Kafka, then "
                            + "with the functions app)");
            o = cluster.runDay(r.date(), r.inbox(), r.outbox(), progress(out()));
            dayEnd = millisSince(t0);
            long peak = cluster.functionsPeakResidentBytes();
            if (peak >= 0) {
                out().println(peakMemoryLine(r.date(), peak));
            }
            if (o.completed()) {
                out().printf("day %s cleared in %s: %d files in %s%n", r.date(), OpenTa.seconds(o.millis(), 1),
                        filesWritten(o, r.outbox()), r.outbox());
            }
        } catch (IOException | RuntimeException e) {
            err().println("day " + r.date() + " failed: " + e.getMessage());
            return OpenTa.FAILED;
        }
        if (!o.completed()) {
            err().println("day " + r.date() + " failed: " + o.message());
            return OpenTa.FAILED;
        }
        long whole = millisSince(t0);
        out().println(timingLine(r.date(), new Timing(startup, o.millis(), stageSum(o), whole - dayEnd, whole)));
        return OpenTa.OK;
    }

    private static final Pattern PEAK_MEMORY = Pattern.compile("^day (\\d{8}) functions app peak memory: (\\d+) MB "
            + "resident.*");

    /** The functions app's peak resident memory (VmHWM) while it cleared the day, in whole MB (2^20 bytes). */
    static String peakMemoryLine(String date, long bytes) {
        return "day " + date + " functions app peak memory: " + (bytes >> 20) + " MB resident (VmHWM; "
                + String.join(" ", FunctionsProcess.javaOptions()) + ")";
    }

    /** The MB of a {@link #peakMemoryLine}, if {@code line} is one. */
    static java.util.OptionalLong parsePeakMemory(String line) {
        java.util.regex.Matcher m = PEAK_MEMORY.matcher(line);
        return m.matches() ? java.util.OptionalLong.of(Long.parseLong(m.group(2))) : java.util.OptionalLong.empty();
    }

    /**
     * Where a day command's time went, in milliseconds: start-up (PostgreSQL, Kafka and the functions app started;
     * on a running serve only the launcher's Kafka clients), the day (START sent to the day's end, publishing
     * included), the sum of its stages, the shutdown, and the whole (the command's own JVM start aside).
     */
    record Timing(long startup, long day, long stageSum, long shutdown, long whole) {
    }

    private static final Pattern TIMING = Pattern.compile("^day (\\d{8}) timing: start-up ([0-9.]+) s, day ([0-9.]+) s, "
            + "stage sum ([0-9.]+) s, shutdown ([0-9.]+) s, whole ([0-9.]+) s$");

    static String timingLine(String date, Timing t) {
        return String.format(java.util.Locale.ROOT, "day %s timing: start-up %.3f s, day %.3f s, stage sum %.3f s, "
                + "shutdown %.3f s, whole %.3f s", date, t.startup() / 1000.0, t.day() / 1000.0, t.stageSum() / 1000.0,
                t.shutdown() / 1000.0, t.whole() / 1000.0);
    }

    /** The {@link #timingLine} of {@code line}, if it is one. */
    static java.util.Optional<Timing> parseTiming(String line) {
        Matcher m = TIMING.matcher(line);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Timing(millis(m.group(2)), millis(m.group(3)), millis(m.group(4)),
                millis(m.group(5)), millis(m.group(6))));
    }

    private static long millis(String seconds) {
        return new java.math.BigDecimal(seconds).movePointRight(3).longValueExact();
    }

    static long stageSum(DayOutcome o) {
        return o.stages().stream().mapToLong(DayEvent::millis).sum();
    }

    private static long millisSince(long startNanos) {
        return java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Prints each completed stage ({@link OpenTa#progressLine}) and each other non-terminal event. */
    static Consumer<DayEvent> progress(PrintStream out) {
        return e -> {
            if (DayEvent.STAGE_COMPLETED.equals(e.type())) {
                out.println(OpenTa.progressLine(e));
            } else if (!e.terminal()) {
                out.println(e.type().toLowerCase().replace('_', ' ')
                        + (e.message() == null ? "" : ": " + e.message()));
            }
        };
    }

    static long filesWritten(DayOutcome o, Path outbox) {
        if (o.terminal() != null && o.terminal().records() > 0) {
            return o.terminal().records();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
