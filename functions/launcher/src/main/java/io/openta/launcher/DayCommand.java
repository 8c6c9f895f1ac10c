package io.openta.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.openta.model.events.DayEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openta day}: clears one business day on a local cluster started for the time of the call. */
@Command(name = "day", description = "Clears one business day: reads the inbox, writes the outbox (created if "
        + "missing). Killed at any moment, the same command run again resumes the day and writes the same files.")
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

    /** A validated {@code day} command. */
    record Request(String date, Path inbox, Path outbox, LocalCluster.Options options) {
    }

    Request request() throws UsageException {
        if (outbox.equals(inbox)) {
            throw new UsageException("--outbox must not be the inbox");
        }
        return new Request(date, inbox, outbox, cluster.options(env()).withShards(shards.count));
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
        try (LocalCluster cluster = LocalCluster.start(r.options())) {
            DayOutcome o = cluster.runDay(r.date(), r.inbox(), r.outbox(), progress(out()));
            if (o.completed()) {
                out().printf("day %s cleared in %s: %d files in %s%n", r.date(), OpenTa.seconds(o.millis(), 1),
                        filesWritten(o, r.outbox()), r.outbox());
                return OpenTa.OK;
            }
            err().println("day " + r.date() + " failed: " + o.message());
            return OpenTa.FAILED;
        } catch (IOException | RuntimeException e) {
            err().println("day " + r.date() + " failed: " + e.getMessage());
            return OpenTa.FAILED;
        }
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
