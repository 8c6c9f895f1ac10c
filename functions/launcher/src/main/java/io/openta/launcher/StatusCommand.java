package io.openta.launcher;

import io.openta.model.events.Traffic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openta status}: one day's status, stage, shard progress and rollbacks, or a line per day. */
@Command(name = "status", description = "The day's status, stage, shard progress and rollbacks; without --date, "
        + "one line per day.")
final class StatusCommand extends LauncherCommand {
    @Option(names = "--date", paramLabel = "YYYYMMDD", converter = Args.Date.class, description = "the business day")
    String date;
    @Mixin
    Options.Url url;

    @Override
    public Integer call() {
        OperatorCommands ops = operators();
        return ops.status(ops.url(url.url), ops.token(url.token), date, Traffic.PRODUCTION);
    }
}
