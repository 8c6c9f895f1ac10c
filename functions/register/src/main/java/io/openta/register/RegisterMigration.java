package io.openta.register;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.openta.model.ofd.OfdCheck;
import io.openta.model.ofd.OfdReader;

/**
 * Takes over a register from a previous TA (spec v2 2.9): the 05 files of a folder become accounts and positions, and
 * D becomes the last cleared day. All or nothing: every check runs before anything is kept, in one transaction.
 *
 * <p>Records are loaded into a temporary table first, so that the checks that span files (a TAAccountID of two
 * transaction accounts, a transaction account with two TAAccountIDs, a position twice) are set-based queries that
 * name the first offending record, whatever the register's size.
 */
public final class RegisterMigration {
    /** What a migration took over. */
    public record Result(String date, int files, long accounts, long positions) {
    }

    private static final int BATCH = 2000;

    private RegisterMigration() {
    }

    public static Result migrate(Connection db, String date, Path inbox) throws MigrationFailure, SQLException {
        if (date == null || !date.matches("[0-9]{8}")) {
            throw new MigrationFailure("date '" + date + "' is not YYYYMMDD");
        }
        if (!Files.isDirectory(inbox)) {
            throw new MigrationFailure("inbox " + inbox + " is not a directory");
        }
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            Result r = migrateInTransaction(db, date, inbox);
            db.commit();
            return r;
        } catch (MigrationFailure | SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    private static Result migrateInTransaction(Connection db, String date, Path inbox)
            throws MigrationFailure, SQLException {
        try (Statement st = db.createStatement()) {
            // one migration at a time, and none beside a day being cleared
            st.execute("LOCK TABLE sched.day IN SHARE ROW EXCLUSIVE MODE");
            try (ResultSet rs = st.executeQuery("""
                    SELECT biz_date, status, kind FROM sched.day WHERE status NOT IN ('FAILED', 'CANCELLED')
                    ORDER BY biz_date DESC LIMIT 1""")) {
                if (rs.next()) {
                    throw new MigrationFailure("a register can be migrated only before any day: day "
                            + rs.getString(1) + " is " + rs.getString(2)
                            + ("MIGRATION".equals(rs.getString(3)) ? " (migrated)" : ""));
                }
            }
            st.execute("""
                    CREATE TEMP TABLE register_in (file_name text, record_no bigint, distributor text,
                      txn_account_id text, ta_account_id text, fund_code text, close numeric(16,2)) ON COMMIT DROP""");
        }
        List<Path> files = files(inbox);
        long records = 0;
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO register_in VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Path file : files) {
                records += load(ps, file, date);
            }
            ps.executeBatch();
        }
        checkAcrossFiles(db);
        long accounts;
        long positions;
        try (Statement st = db.createStatement()) {
            accounts = st.executeUpdate("""
                    INSERT INTO acct.account (ta_account_id, distributor, txn_account_id, indiv, opened_date, slot)
                    SELECT DISTINCT ON (ta_account_id) ta_account_id, distributor, txn_account_id, '',
                      '%s', hashtext(ta_account_id) & 1023
                    FROM register_in ORDER BY ta_account_id""".formatted(date));
            positions = st.executeUpdate("""
                    INSERT INTO clr.position (slot, ta_account_id, fund_code, distributor, txn_account_id, close,
                      close_date, prev_close, prev_close_date, created_date)
                    SELECT hashtext(ta_account_id) & 1023, ta_account_id, fund_code, distributor, txn_account_id,
                      close, '%1$s', 0, '00000000', '%1$s' FROM register_in""".formatted(date));
        }
        try (PreparedStatement ps = db.prepareStatement("""
                INSERT INTO sched.day (biz_date, status, stage, step, inbox, outbox, kind, finished_at, message)
                VALUES (?, 'COMPLETED', 'migrate', 'done', ?, '', 'MIGRATION', now(), ?)
                ON CONFLICT (biz_date) DO UPDATE SET status = 'COMPLETED', stage = 'migrate', step = 'done',
                  inbox = excluded.inbox, outbox = '', kind = 'MIGRATION', finished_at = now(),
                  message = excluded.message""")) {
            ps.setString(1, date);
            ps.setString(2, inbox.toAbsolutePath().toString());
            ps.setString(3, "register migrated: " + files.size() + " files, " + records + " records, " + accounts
                    + " accounts, " + positions + " positions");
            ps.executeUpdate();
        }
        try (Statement st = db.createStatement()) {
            st.execute("ANALYZE acct.account");
            st.execute("ANALYZE clr.position");
        }
        return new Result(date, files.size(), accounts, positions);
    }

    private static List<Path> files(Path inbox) {
        try (Stream<Path> s = Files.list(inbox)) {
            return s.filter(Files::isRegularFile)
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks one 05 file whole and adds its used records (DetailFlag 1 lines are not used). */
    private static long load(PreparedStatement ps, Path file, String date) throws MigrationFailure, SQLException {
        String name = file.getFileName().toString();
        OfdCheck check;
        try {
            check = OfdReader.checkRegister(file, date);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        if (!check.accepted()) {
            throw new MigrationFailure("file " + name + " rejected: " + check.rejection().errLine());
        }
        long[] used = {0};
        MigrationFailure[] failure = {null};
        try {
            OfdReader.forEachRecord(file, check.header(), (no, r) -> {
                if (failure[0] != null || (r.has("DetailFlag") && "1".equals(r.text("DetailFlag")))) {
                    return;
                }
                String where = "file " + name + " record " + no + ": ";
                String[] texts = new String[4];
                String[] fields = {"DistributorCode", "TransactionAccountID", "TAAccountID", "FundCode"};
                for (int i = 0; i < fields.length; i++) {
                    texts[i] = r.trimmed(fields[i]);
                    if (texts[i].isEmpty()) {
                        failure[0] = new MigrationFailure(where + "blank " + fields[i]);
                        return;
                    }
                }
                Optional<BigDecimal> close = r.number("TotalVolOfDistributorInTA");
                if (close.isEmpty()) {
                    failure[0] = new MigrationFailure(where + "TotalVolOfDistributorInTA '"
                            + r.text("TotalVolOfDistributorInTA") + "' is not digits");
                    return;
                }
                try {
                    ps.setString(1, name);
                    ps.setLong(2, no);
                    ps.setString(3, texts[0]);
                    ps.setString(4, texts[1]);
                    ps.setString(5, texts[2]);
                    ps.setString(6, texts[3]);
                    ps.setBigDecimal(7, close.get());
                    ps.addBatch();
                    if (++used[0] % BATCH == 0) {
                        ps.executeBatch();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return used[0];
    }

    /** The rules across records (spec 2.9), each naming the first record that breaks it. */
    private static void checkAcrossFiles(Connection db) throws MigrationFailure, SQLException {
        first(db, """
                SELECT r.file_name, r.record_no, r.ta_account_id FROM register_in r
                WHERE EXISTS (SELECT 1 FROM register_in o WHERE o.ta_account_id = r.ta_account_id
                  AND (o.distributor <> r.distributor OR o.txn_account_id <> r.txn_account_id))
                ORDER BY r.file_name, r.record_no LIMIT 1""",
                "TAAccountID '%3$s' belongs to two (DistributorCode, TransactionAccountID)");
        first(db, """
                SELECT r.file_name, r.record_no, r.distributor || '/' || r.txn_account_id FROM register_in r
                WHERE EXISTS (SELECT 1 FROM register_in o WHERE o.distributor = r.distributor
                  AND o.txn_account_id = r.txn_account_id AND o.ta_account_id <> r.ta_account_id)
                ORDER BY r.file_name, r.record_no LIMIT 1""",
                "(DistributorCode, TransactionAccountID) %3$s has two TAAccountIDs");
        first(db, """
                SELECT file_name, record_no, ta_account_id || '/' || fund_code FROM (
                  SELECT *, row_number() OVER (PARTITION BY ta_account_id, fund_code ORDER BY file_name, record_no) AS n
                  FROM register_in) d WHERE n > 1 ORDER BY file_name, record_no LIMIT 1""",
                "position %3$s (TAAccountID/FundCode) appears twice");
    }

    private static void first(Connection db, String query, String message) throws MigrationFailure, SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(query)) {
            if (rs.next()) {
                throw new MigrationFailure("file " + rs.getString(1) + " record " + rs.getLong(2) + ": "
                        + message.formatted(rs.getString(1), rs.getLong(2), rs.getString(3)));
            }
        }
    }
}
