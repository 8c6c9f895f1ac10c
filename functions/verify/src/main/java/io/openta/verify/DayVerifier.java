package io.openta.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Proves a cleared day of spec v2, record by record, from the stored state and the written files (plain JDBC,
 * independent of the functions app: every expected value is derived again from the rows, and the output files are
 * read back with the verifier's own reader, never by calling the clearing code or the codec).
 *
 * <p>Checks, in order (names as in {@link VerifyReport}), each in its own class:
 * <ol>
 * <li>{@code accounts} ({@link AccountChecks}): return codes, the TAAccountIDs opened on D and their accounts.</li>
 * <li>{@code confirmations} ({@link ConfirmationChecks}): one confirmation per trade application, with the values
 * its application, the NAV and the C5 fee table give.</li>
 * <li>{@code positions} ({@link PositionChecks}): close = prev_close + moves + income for every position closed on
 * D (a MIGRATION day: the migrated balances, no moves).</li>
 * <li>{@code moves} ({@link MoveChecks}): each move = Σ ConfirmedVol of its successful 122 and 124.</li>
 * <li>{@code income} ({@link IncomeChecks}): money-market income, its total, residue cents and eligibility.</li>
 * <li>{@code files} ({@link OutputFileChecks}): the outbox holds exactly the files spec 2.7 makes due
 * ({@link ExpectedFiles}), each in version 21 with its standard layout and the state's records
 * ({@link ExpectedRecords}, {@link RecordComparer}), the OFI indexes ({@link IndexFileChecks}) and the
 * {@code .ERR} of every rejected inbox file ({@link ErrFileChecks}).</li>
 * </ol>
 *
 * <p>D need not be the latest cleared day: a position changed by a later day is taken back to D through the later
 * days' moves and income.
 */
public final class DayVerifier {

    /**
     * Verifies day {@code date} (YYYYMMDD).
     *
     * @param db     a connection to the state (only read)
     * @param outbox the folder holding the day's output files
     * @param taCode the TA's code: the sender of every output file
     */
    public VerifyReport verify(Connection db, String date, Path outbox, String taCode) throws SQLException,
            IOException {
        Db state = new Db(db, date);
        VerifyReport report = new VerifyReport(date, String.valueOf(outbox));
        String kind = state.string("SELECT kind FROM sched.day WHERE biz_date = :d");
        Day day = new Day(state, date, "MIGRATION".equals(kind), report);
        if (day.migration()) {
            report.note("day " + date + " is a migration (spec 2.9): no applications, no files; the positions "
                    + "created on it hold the migrated balances");
        }
        String latest = state.string("SELECT max(biz_date) FROM sched.day WHERE status = 'COMPLETED'");
        if (latest != null && latest.compareTo(date) > 0) {
            report.note("day " + date + " is not the latest cleared day (" + latest + "): positions changed later "
                    + "are taken back to " + date + " through the later days' moves and income");
        }
        report.wrote(Writers.load(state).all());
        new AccountChecks(day).run();
        new ConfirmationChecks(day).run();
        new PositionChecks(day).run();
        new MoveChecks(day).run();
        new IncomeChecks(day).run();
        new OutputFileChecks(day).run(outbox, taCode);
        return report;
    }

    /** How the checks name a position: {@code TAAccountID <id> fund <fund>}. */
    public static String position(String account, String fund) {
        return Labels.position(account, fund);
    }

    /** {@link #position(String, String)} for an ID the TA opened, given as a number (12 digits). */
    public static String position(long account, String fund) {
        return position(String.format("%012d", account), fund);
    }
}
