package io.openta.launcher;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openta verify}: proves a cleared day from the state and the files (runner: verify.VerifyCommand). */
@Command(name = "verify", description = "Proves a cleared day record by record from the state and the files "
        + "written; exits 1 on any mismatch (run it when no day is running on --data).")
final class VerifyCommand extends LauncherCommand {
    @Option(names = "--date", required = true, paramLabel = "YYYYMMDD", converter = Args.Date.class,
            description = "the business day")
    String date;
    @Mixin
    Options.Data data;
    @Option(names = "--outbox", paramLabel = "DIR", converter = Args.ExistingDir.class,
            description = "the files the day wrote, to compare too")
    Path outbox;
    @Option(names = "--ta", paramLabel = "CODE", defaultValue = ClusterOptions.DEFAULT_TA,
            description = "the TA's code, default ${DEFAULT-VALUE}")
    String ta;
    @Mixin
    Options.Database db;

    @Override
    public Integer call() {
        return io.openta.launcher.verify.VerifyCommand.runOnData(date, data.dir, orEnv(db.url, "OPENTA_DB_URL"),
                orEnv(db.user, "OPENTA_DB_USER"), orEnv(db.password, "OPENTA_DB_PASSWORD"), outbox, ta, out(), err());
    }
}
