package io.openta.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code openta start}: starts (or resumes) a day on a serve process. Day D reads the serve's {@code <inbox root>/D}
 * and writes {@code <outbox root>/D}; a folder is not taken.
 */
@Command(name = "start", description = "Starts (or resumes) a day on the serve process (give the leader's URL): day "
        + "D reads the serve's INBOX/D and writes OUTBOX/D.")
final class StartCommand extends LauncherCommand {
    @Option(names = "--date", required = true, paramLabel = "YYYYMMDD", converter = Args.Date.class,
            description = "the business day")
    String date;
    @Mixin
    Options.Url url;
    /** Only here to be refused with the reason: the API takes no folder. */
    @Option(names = { "--inbox", "--outbox" }, paramLabel = "DIR", hidden = true)
    String folder;

    @Override
    public Integer call() throws UsageException {
        if (folder != null) {
            throw new UsageException("start takes no folder: day " + date + " reads the serve's inbox root/" + date
                    + " and writes its outbox root/" + date + " (printed by serve; --inbox/--outbox of serve)");
        }
        OperatorCommands ops = operators();
        return ops.start(ops.url(url.url), ops.token(url.token), date);
    }
}
