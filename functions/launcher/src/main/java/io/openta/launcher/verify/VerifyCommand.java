package io.openta.launcher.verify;

import io.openta.verify.DayVerifier;
import io.openta.verify.VerifyReport;
import io.openta.launcher.EmbeddedPostgresServer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code openta verify --date D}: runs {@link DayVerifier} on a cleared day and prints a summary line per check and
 * each mismatch. Exit codes: 0 every check agrees, 1 a mismatch (or the verification could not finish), 2 the day
 * is unknown or not COMPLETED (or the state cannot be opened).
 */
public final class VerifyCommand {
    public static final int OK = 0;
    public static final int MISMATCH = 1;
    public static final int NOT_VERIFIABLE = 2;

    private VerifyCommand() {
    }

    /**
     * Verifies {@code date} on an open connection.
     *
     * @param outboxOverride the folder holding the day's files, or null for the day's outbox kept in sched.day
     * @param taCode         the TA's code (sender of the output files), e.g. {@code 99}
     */
    public static int run(String date, Connection db, Path outboxOverride, String taCode, PrintStream out,
            PrintStream err) {
        if (date == null || !date.matches("\\d{8}")) {
            err.println("verify: --date '" + date + "' is not YYYYMMDD");
            return NOT_VERIFIABLE;
        }
        String status;
        String outbox;
        try (PreparedStatement ps = db.prepareStatement("SELECT status, outbox FROM sched.day WHERE biz_date = ?")) {
            ps.setString(1, date);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    err.println("verify: day " + date + " is unknown to this state (never cleared)");
                    return NOT_VERIFIABLE;
                }
                status = rs.getString("status");
                outbox = rs.getString("outbox");
            }
        } catch (SQLException e) {
            err.println("verify: cannot read sched.day: " + e.getMessage());
            return NOT_VERIFIABLE;
        }
        if (!"COMPLETED".equals(status)) {
            err.println("verify: day " + date + " is " + status + ", not COMPLETED: nothing to verify");
            return NOT_VERIFIABLE;
        }
        Path dir = outboxOverride != null ? outboxOverride : Path.of(outbox);
        VerifyReport report;
        long t0 = System.nanoTime();
        try {
            report = new DayVerifier().verify(db, date, dir, taCode);
        } catch (SQLException | IOException | RuntimeException e) {
            err.println("verify: day " + date + " could not be verified: " + e);
            return MISMATCH;
        }
        print(report, out, (System.nanoTime() - t0) / 1_000_000);
        return report.ok() ? OK : MISMATCH;
    }

    /**
     * Verifies {@code date} on the state of a data folder: the embedded PostgreSQL in {@code dataDir/pg} (started
     * for the check and stopped after; it must not be running already), or the external one when {@code dbUrl} is
     * given.
     */
    public static int runOnData(String date, Path dataDir, String dbUrl, String dbUser, String dbPassword,
            Path outboxOverride, String taCode, PrintStream out, PrintStream err) {
        if (dbUrl != null) {
            try (Connection db = DriverManager.getConnection(dbUrl, orEmpty(dbUser), orEmpty(dbPassword))) {
                return run(date, db, outboxOverride, taCode, out, err);
            } catch (SQLException e) {
                err.println("verify: cannot connect to " + dbUrl + ": " + e.getMessage());
                return NOT_VERIFIABLE;
            }
        }
        Path pg = dataDir.resolve("pg");
        if (!Files.isRegularFile(pg.resolve("PG_VERSION"))) {
            err.println("verify: no state in " + dataDir + " (no PostgreSQL data in " + pg + ")");
            return NOT_VERIFIABLE;
        }
        EmbeddedPostgresServer server;
        try {
            server = EmbeddedPostgresServer.start(pg);
        } catch (IOException | RuntimeException e) {
            err.println("verify: cannot start PostgreSQL on " + pg + " (is a day running on it?): " + e.getMessage());
            return NOT_VERIFIABLE;
        }
        try (server; Connection db = DriverManager.getConnection(server.jdbcUrl(), server.user(),
                server.password())) {
            return run(date, db, outboxOverride, taCode, out, err);
        } catch (SQLException e) {
            err.println("verify: cannot connect to the state in " + pg + ": " + e.getMessage());
            return NOT_VERIFIABLE;
        }
    }

    /** The summary: a line per check, each mismatch, any notes, and a verdict. */
    static void print(VerifyReport r, PrintStream out, long millis) {
        out.println("verify " + r.date() + " (files in " + r.outbox() + "):");
        for (VerifyReport.Check c : r.checks()) {
            out.printf("  %-14s %9d records  %-16s %s%n", c.name(), c.records(),
                    c.ok() ? "ok" : c.mismatches() + " mismatch" + (c.mismatches() == 1 ? "" : "es"), c.what());
        }
        for (String note : r.notes()) {
            out.println("  note: " + note);
        }
        for (VerifyReport.Mismatch m : r.mismatches()) {
            out.println("  MISMATCH " + m);
        }
        if (!r.ok()) {
            // who wrote the wrong records (the version and track recorded by the writing task), e.g. a canary
            r.mismatchesByWriter().forEach((w, n) -> out.println("  mismatches written by "
                    + (w == VerifyReport.Writer.UNATTRIBUTED ? "no recorded task" : w) + ": " + n));
        }
        long kept = r.mismatches().size();
        if (kept < r.mismatchCount()) {
            out.println("  ... and " + (r.mismatchCount() - kept) + " more mismatches not shown");
        }
        out.println(r.ok() ? "verify " + r.date() + ": OK, every check agrees (" + millis + " ms)"
                : "verify " + r.date() + ": FAILED, " + r.mismatchCount() + " mismatch"
                        + (r.mismatchCount() == 1 ? "" : "es") + " (" + millis + " ms)");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
