package io.openta.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.openta.register.MigrationFailure;
import io.openta.register.RegisterMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code openta migrate --date D --inbox DIR [--data DIR] [--ta CODE]} (spec v2 2.9): takes over a previous TA's
 * register from its 05 files. The state's services start as for a day (the functions app brings the schema up to
 * date), then the migration runs in one transaction over JDBC. Exit codes: 0 taken over, 1 refused (the cause, naming
 * the file and record, on stderr; nothing kept).
 */
@Command(name = "migrate", description = "Takes over a previous TA's register from the 05 files in --inbox (before "
        + "any day); --date becomes the last cleared day; one transaction, all or nothing.")
final class MigrateCommand extends LauncherCommand {
    @Option(names = "--date", required = true, paramLabel = "YYYYMMDD", converter = Args.Date.class,
            description = "the day the register is taken over on (the last cleared day)")
    String date;
    @Option(names = "--inbox", required = true, paramLabel = "DIR", converter = Args.ExistingDir.class,
            description = "the previous TA's 05 files")
    Path inbox;
    @Mixin
    Options.Cluster cluster;

    @Override
    public Integer call() throws UsageException {
        return run(date, inbox, cluster.options(env()), out(), err());
    }

    static int run(String date, Path inbox, ClusterOptions options, PrintStream out, PrintStream err) {
        try (LocalCluster cluster = LocalCluster.start(options)) {
            String[] db = cluster.database();
            try (Connection c = DriverManager.getConnection(db[0], db[1], db[2])) {
                long t0 = System.nanoTime();
                RegisterMigration.Result r = RegisterMigration.migrate(c, date, inbox);
                out.printf("migrate %s: register taken over from %d files: %d accounts, %d positions (%d ms)%n",
                        date, r.files(), r.accounts(), r.positions(), (System.nanoTime() - t0) / 1_000_000);
                return OpenTa.OK;
            }
        } catch (MigrationFailure e) {
            err.println("migrate " + date + " failed: " + e.getMessage());
            return OpenTa.FAILED;
        } catch (SQLException | IOException | RuntimeException e) {
            err.println("migrate " + date + " failed: " + e.getMessage());
            return OpenTa.FAILED;
        }
    }
}
