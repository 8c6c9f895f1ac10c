package io.openta.launcher;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openta rollback}: the latest day, on a serve process ({@code --url}) or offline on {@code --data}. */
@Command(name = "rollback", description = { "Rolls the latest day back to the boundary before a stage, or withdraws "
        + "an input file or an account's applications; then clear the day again.", "Give exactly one of --to, "
        + "--file, --account. Without --url it runs offline on --data." })
final class RollbackCommand extends LauncherCommand {
    @Option(names = "--date", required = true, paramLabel = "YYYYMMDD", converter = Args.Date.class,
            description = "the business day (the latest)")
    String date;
    @Option(names = "--to", paramLabel = "STAGE", description = "back to the boundary before this stage")
    String to;
    @Option(names = "--file", paramLabel = "NAME", description = "withdraw this input file")
    String file;
    @Option(names = "--account", paramLabel = "TAAccountID", description = "withdraw this account's applications")
    String account;
    @Mixin
    Options.Url url;
    @Option(names = "--data", paramLabel = "DIR", converter = Args.DirToBe.class,
            description = "offline: the state folder, default ./.openta-data")
    Path data;
    @Option(names = "--by", paramLabel = "NAME", description = "who rolls back, for the log (default $USER)")
    String by;

    @Override
    public Integer call() throws UsageException {
        OperatorCommands.checkRollbackTarget(to, file, account);
        if (url.url != null && data != null) {
            throw new UsageException("give --url (a serve process) or --data (offline), not both");
        }
        String who = by != null ? by : env().getOrDefault("USER", "operator");
        Path dir = data != null ? data : Args.dirToBe("--data", ".openta-data");
        return operators().rollback(url.url, LocalCluster.Options.embedded(dir, env()), date, to, file, account, who);
    }
}
