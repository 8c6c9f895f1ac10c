package io.openta.launcher;

import java.nio.file.Path;

import io.openta.model.events.Traffic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openta rollback}: the latest day, on a serve process ({@code --url}) or offline on {@code --data}. */
@Command(name = "rollback", description = { "Rolls the latest day back to the boundary before a stage, or withdraws "
        + "an input file or an account's applications; then clear the day again.", "Give exactly one of --to, "
        + "--file, --account. Without --url it runs offline on --data.",
        "--shadow rolls back a stress day (./openta stress) of the serve at --url instead: production is not "
                + "touched." })
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
    @Option(names = "--shadow", description = "a stress day of the serve at --url (its shadow set), not production's")
    boolean shadow;
    @Mixin
    Options.Url url;
    @Option(names = "--data", paramLabel = "DIR", converter = Args.DirToBe.class,
            description = "offline: the state folder, default ./.openta-data")
    Path data;

    @Override
    public Integer call() throws UsageException {
        OperatorCommands.checkRollbackTarget(to, file, account);
        if (url.url != null && data != null) {
            throw new UsageException("give --url (a serve process) or --data (offline), not both");
        }
        if (shadow && url.url == null) {
            throw new UsageException("--shadow needs --url: a stress day is rolled back on the serve that runs it");
        }
        if (url.url == null && url.token != null) {
            throw new UsageException("--token is for --url (offline, the launcher signs its own token)");
        }
        // the log's "by" is the token's user; offline, the launcher's own token names who ran it
        String who = env().getOrDefault("USER", "operator");
        Path dir = data != null ? data : Args.dirToBe("--data", ".openta-data");
        OperatorCommands ops = operators();
        return ops.rollback(url.url, ops.token(url.token), ClusterOptions.embedded(dir, env()), date, to, file,
                account, who, shadow ? Traffic.SHADOW : Traffic.PRODUCTION);
    }
}
