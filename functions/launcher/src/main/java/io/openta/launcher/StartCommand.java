package io.openta.launcher;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openta start}: starts (or resumes) a day on a serve process. */
@Command(name = "start", description = "Starts (or resumes) a day on the serve process (give the leader's URL).")
final class StartCommand extends LauncherCommand {
    @Option(names = "--date", required = true, paramLabel = "YYYYMMDD", converter = Args.Date.class,
            description = "the business day")
    String date;
    @Mixin
    Options.Url url;
    @Option(names = "--inbox", paramLabel = "DIR", converter = Args.ExistingDir.class,
            description = "this day's input files, instead of the serve process's inbox")
    Path inbox;
    @Option(names = "--outbox", paramLabel = "DIR", converter = Args.DirToBe.class,
            description = "this day's output folder, instead of the serve process's outbox")
    Path outbox;

    @Override
    public Integer call() {
        OperatorCommands ops = operators();
        return ops.start(ops.url(url.url), ops.token(url.token), date, inbox, outbox);
    }
}
