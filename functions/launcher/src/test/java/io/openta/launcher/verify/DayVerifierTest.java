package io.openta.launcher.verify;

import io.openta.verify.DayVerifier;
import io.openta.verify.VerifyReport;
import io.openta.launcher.DayOutcome;
import io.openta.launcher.EmbeddedPostgresServer;
import io.openta.launcher.FunctionsProcess;
import io.openta.launcher.ClusterOptions;
import io.openta.launcher.LocalCluster;
import io.openta.model.ofd.FieldDef;
import io.openta.model.ofd.FieldDictionary;
import io.openta.model.ofd.FileType;
import io.openta.model.ofd.OfdFileWriter;
import io.openta.model.ofd.OfdIndex;
import io.openta.model.ofd.OfdRecordBuilder;
import io.openta.register.RegisterMigration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code openta verify} against days cleared by the real functions app: it passes on correct days, and catches a
 * corrupted row or output file, naming the record.
 */
class DayVerifierTest {
    private static final String TA = "99";

    @TempDir
    Path tmp;

    /** Two days written here (no ../shared needed): accounts, purchases and redemptions, fees, income. */
    @Test
    void ownDaysPassAndCorruptionIsCaught() throws Exception {
        Path in1 = Files.createDirectories(tmp.resolve("in-20260105"));
        Path in2 = Files.createDirectories(tmp.resolve("in-20260106"));
        writeOwnDay1(in1, "20260105");
        writeOwnDay2(in2, "20260106");
        try (Harness h = Harness.start(tmp.resolve("work"))) {
            Path out1 = h.clear("20260105", in1);
            assertVerifies(h, "20260105");
            Path out2 = h.clear("20260106", in2);
            assertVerifies(h, "20260106");
            assertVerifies(h, "20260105");   // an earlier day, after a later one changed its positions

            assertEquals(3, count(h.db, "SELECT count(*) FROM acct.account_app WHERE biz_date = '20260105'"));
            assertEquals(2, count(h.db, "SELECT count(*) FROM clr.income WHERE biz_date = '20260106'"));
            assertTrue(Files.exists(out1.resolve("OFD_99_D01_20260105_02.TXT")));
            assertTrue(Files.exists(out2.resolve("OFD_99_D01_20260106_06.TXT")));

            corruptionsAreCaught(h, "20260106", out2);

            // an account application's outcome lost (kept apart from the application since V51): the accounts
            // check names the application, and the account it opened, which no longer has its application
            Object[] opened = row(h.db, "SELECT sender, record_no, ta_account_id FROM acct.account_outcome"
                    + " WHERE biz_date = '20260105' AND code IS NULL ORDER BY sender, record_no LIMIT 1");
            VerifyReport lost = h.corrupted("DELETE FROM acct.account_outcome WHERE biz_date = '20260105'"
                    + " AND sender = '" + opened[0] + "' AND record_no = " + opened[1], "20260105", null);
            List<VerifyReport.Mismatch> accounts = lost.mismatches(VerifyReport.ACCOUNTS);
            assertTrue(accounts.stream().anyMatch(m -> m.record().startsWith("sender " + opened[0] + " record "
                    + opened[1] + " ") && m.expected().equals("a return code")), accounts.toString());
            assertTrue(accounts.stream().anyMatch(m -> m.record().startsWith("TAAccountID " + opened[2] + " ")),
                    accounts.toString());

            Run unknown = h.verify("20270101", null);
            assertEquals(2, unknown.exit);
            assertTrue(unknown.err.contains("unknown"), unknown.err);
            Run notCompleted = h.inTransaction("UPDATE sched.day SET status = 'FAILED' WHERE biz_date = '20260106'",
                    () -> h.verify("20260106", null));
            assertEquals(2, notCompleted.exit);
            assertTrue(notCompleted.err.contains("FAILED, not COMPLETED"), notCompleted.err);
        }
        // the command's way in: the state of a data folder (its pg/), PostgreSQL started for the check
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, VerifyCommand.runOnData("20260106", tmp.resolve("work"), null, null, null, null, TA, o, e),
                out + err.toString(StandardCharsets.UTF_8));
        assertEquals(2, VerifyCommand.runOnData("20260106", tmp.resolve("nothing"), null, null, null, null, TA, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no state in"), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * case-01 (and its corruptions), case-02 (refusals, rejected files and their .ERR), case-03 (edges), case-04
     * (real format, fee tables), case-05 (a migrated register, then index rejections).
     */
    @Test
    void goldenCasesPassAndCorruptionIsCaught() throws Exception {
        Path golden = goldenDir();
        List<String> cleared = clearCase(golden.resolve("case-01-basic"), tmp.resolve("case-01"), (h, days) -> {
            String last = days.get(days.size() - 1);
            corruptionsAreCaught(h, last, h.outboxes.get(last));
        });
        assertEquals(List.of("20261125", "20261126", "20261127"), cleared);
        List<String> rejections = clearCase(golden.resolve("case-02-rejections"), tmp.resolve("case-02"),
                (h, days) -> {
                    String first = days.get(0);
                    Path noErr = copy(h.outboxes.get(first), h.work.resolve("no-err"));
                    Files.delete(noErr.resolve("README.txt.ERR"));
                    VerifyReport r = h.verifyReport(first, noErr);
                    assertEquals(1, r.mismatchCount(), r.mismatches().toString());
                    assertEquals("README.txt.ERR", r.mismatches().get(0).where());
                });
        assertEquals(List.of("20261201", "20261202", "20261203"), rejections);
        List<String> edges = clearCase(golden.resolve("case-03-edges"), tmp.resolve("case-03"), (h, days) -> { });
        assertEquals(List.of("20261204", "20261214", "20261224"), edges);
        List<String> real = clearCase(golden.resolve("case-04-real-format"), tmp.resolve("case-04"), (h, days) -> { });
        assertEquals(List.of("20270315", "20270316", "20270317"), real);
        List<String> migrated = clearCase(golden.resolve("case-05-index-and-migration"), tmp.resolve("case-05"),
                (h, days) -> { });
        assertEquals(List.of("20270401", "20270402", "20270403", "20270404"), migrated);
    }

    /** The project's own v2 cases (functions/launcher/src/test/resources/cases-v2): fees, FundStatus, v22, ... */
    @Test
    void ownCasesVerifyClean() throws Exception {
        Path own = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "cases-v2");
        List<Path> cases;
        try (Stream<Path> s = Files.list(own)) {
            // clearCase takes migrations that succeed; a case whose migration must fail (a bad register) has no
            // migrated day to verify
            cases = s.filter(Files::isDirectory).filter(c -> !hasFailingMigration(c)).sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no own cases in " + own);
        for (Path c : cases) {
            List<String> cleared = clearCase(c, tmp.resolve(c.getFileName().toString()), (h, days) -> { });
            System.out.println("own case " + c.getFileName() + ": verified " + cleared);
        }
    }

    private static boolean hasFailingMigration(Path caseDir) {
        try (Stream<Path> days = Files.list(caseDir)) {
            return days.anyMatch(d -> d.getFileName().toString().endsWith("-migrate")
                    && Files.exists(d.resolve("out").resolve("DAY-FAILED")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private interface AfterCase {
        void run(Harness h, List<String> days) throws Exception;
    }

    /** Clears the case's days in order, verifying each completed one at once and all of them again at the end. */
    private static List<String> clearCase(Path caseDir, Path work, AfterCase after) throws Exception {
        List<Path> days;
        try (Stream<Path> s = Files.list(caseDir)) {
            days = s.filter(Files::isDirectory).sorted().toList();
        }
        List<String> cleared = new ArrayList<>();
        Path taFile = caseDir.resolve("ta");
        String ta = Files.isRegularFile(taFile) ? Files.readString(taFile).trim() : TA;
        try (Harness h = Harness.start(work, ta)) {
            for (Path day : days) {
                String date = day.getFileName().toString().substring(0, 8);
                if (day.getFileName().toString().endsWith("-migrate")) {
                    // spec 2.9: the register taken over (no outbox); the migrated day verifies like a cleared one
                    assertFalse(Files.exists(day.resolve("out").resolve("DAY-FAILED")),
                            "a failing migration is not part of this test: " + day);
                    h.migrate(date, day.resolve("in"));
                    assertVerifies(h, date);
                    cleared.add(date);
                    continue;
                }
                if (Files.exists(day.resolve("out").resolve("DAY-FAILED"))) {
                    DayOutcome o = h.run(date, day.resolve("in"));
                    assertTrue(o.failed(), "day " + day + " must fail");
                    continue;
                }
                h.clear(date, day.resolve("in"));
                assertVerifies(h, date);
                cleared.add(date);
            }
            for (String date : cleared) {
                assertVerifies(h, date);
            }
            after.run(h, cleared);
        }
        return cleared;
    }

    // ------------------------------------------------------------------------------------------ the corruptions

    private static void corruptionsAreCaught(Harness h, String date, Path outbox) throws Exception {
        String d = "'" + date + "'";

        // a position's close off by a cent: the positions check names it (and the 05 record disagrees with it)
        Object[] pos = row(h.db, "SELECT ta_account_id, fund_code FROM clr.position WHERE close_date = " + d
                + " ORDER BY ta_account_id, fund_code LIMIT 1");
        String position = DayVerifier.position((String) pos[0], (String) pos[1]);
        VerifyReport r = h.corrupted("UPDATE clr.position SET close = close + 0.01 WHERE ta_account_id = '"
                + pos[0] + "' AND fund_code = '" + pos[1] + "'", date, null);
        assertEquals(1, r.check(VerifyReport.POSITIONS).mismatches(), r.mismatches().toString());
        assertTrue(r.mismatches(VerifyReport.POSITIONS).get(0).record().equals(position), r.mismatches().toString());
        assertAllName(r, position);
        // the 05 record: AvailableVol and TotalVolOfDistributorInTA both hold the close (spec v2 1.6)
        List<VerifyReport.Mismatch> files = r.mismatches(VerifyReport.FILES);
        assertEquals(2, files.size(), "the 05 record: " + r.mismatches());
        assertTrue(files.get(0).expected().startsWith("AvailableVol"), files.toString());
        assertTrue(files.get(1).expected().startsWith("TotalVolOfDistributorInTA"), files.toString());
        assertEquals(files.get(0).where(), files.get(1).where(), files.toString());
        assertEquals(files.get(0).record(), files.get(1).record(), files.toString());

        // a confirmation deleted: its application has none
        Object[] cfm = row(h.db, "SELECT batch, sender, record_no FROM trd.trade_cfm WHERE biz_date = " + d
                + " AND return_code = '0000' ORDER BY batch, sender, record_no LIMIT 1");
        String trade = "batch " + cfm[0] + " sender " + cfm[1] + " record " + cfm[2];
        r = h.corrupted("DELETE FROM trd.trade_cfm WHERE biz_date = " + d + " AND batch = '" + cfm[0]
                + "' AND sender = '" + cfm[1] + "' AND record_no = " + cfm[2], date, null);
        assertEquals(1, r.check(VerifyReport.CONFIRMATIONS).mismatches(), r.mismatches().toString());
        assertTrue(r.mismatches(VerifyReport.CONFIRMATIONS).get(0).record().startsWith(trade),
                r.mismatches().toString());
        assertEquals(1, r.check(VerifyReport.MOVES).mismatches(), "its move: " + r.mismatches());

        // a success turned into a refusal, its values left: the recompute gives the return code back (and the 04
        // record, which the files check compares with the row, disagrees with it too)
        r = h.corrupted("UPDATE trd.trade_cfm SET return_code = '0001' WHERE biz_date = " + d + " AND batch = '"
                + cfm[0] + "' AND sender = '" + cfm[1] + "' AND record_no = " + cfm[2], date, null);
        List<VerifyReport.Mismatch> codes = r.mismatches(VerifyReport.CONFIRMATIONS);
        assertTrue(codes.stream().anyMatch(m -> m.record().startsWith(trade) && m.expected().startsWith("ReturnCode '0000'")
                && m.found().equals("ReturnCode '0001'")), codes.toString());
        for (VerifyReport.Mismatch m : codes) {
            assertTrue(m.record().startsWith(trade), m.toString());
        }

        // an income off by a cent: Σ income of the fund and the position's close disagree. A positive income (it
        // has an 06 record), on this day or the latest earlier one that has one (case-01's last day has none)
        String incomeDate = (String) row(h.db, "SELECT max(biz_date) FROM clr.income WHERE income > 0"
                + " AND biz_date <= " + d)[0];
        assertTrue(incomeDate != null, "no positive income on or before " + date);
        String di = "'" + incomeDate + "'";
        Object[] inc = row(h.db, "SELECT ta_account_id, fund_code FROM clr.income WHERE biz_date = " + di
                + " AND income > 0 ORDER BY ta_account_id, fund_code LIMIT 1");
        String earner = DayVerifier.position((String) inc[0], (String) inc[1]);
        r = h.corrupted("UPDATE clr.income SET income = income + 0.01 WHERE biz_date = " + di
                + " AND ta_account_id = '" + inc[0] + "' AND fund_code = '" + inc[1] + "'", incomeDate, null);
        assertFalse(r.mismatches(VerifyReport.INCOME).isEmpty(), r.mismatches().toString());
        assertTrue(r.mismatches(VerifyReport.INCOME).stream().anyMatch(m -> m.record().equals("fund " + inc[1])
                && m.expected().startsWith("Σ income = R")), r.mismatches().toString());
        String latest = (String) row(h.db, "SELECT max(biz_date) FROM sched.day WHERE status = 'COMPLETED'")[0];
        if (incomeDate.equals(latest)) {
            assertEquals(1, r.check(VerifyReport.POSITIONS).mismatches(), r.mismatches().toString());
        } else {
            // an earlier day: its shares before T are taken back from the later close through T's income, so the
            // cent shows as the position's eligible shares (an income mismatch), not as its close
            assertEquals(0, r.check(VerifyReport.POSITIONS).mismatches(), r.mismatches().toString());
            assertTrue(r.mismatches(VerifyReport.INCOME).stream().anyMatch(m -> m.record().contains(earner)
                    && m.expected().startsWith("eligible")), r.mismatches().toString());
        }
        // the 06 record: DividendAmount, ConfirmedAmount and VolOfDividendforReinvestment all hold the income
        files = r.mismatches(VerifyReport.FILES);
        assertEquals(3, files.size(), "the 06 record: " + r.mismatches());
        for (String field : List.of("DividendAmount", "ConfirmedAmount", "VolOfDividendforReinvestment")) {
            assertTrue(files.stream().anyMatch(x -> x.expected().startsWith(field)), field + ": " + files);
        }
        for (VerifyReport.Mismatch m : r.mismatches()) {
            assertTrue(m.record().contains(earner) || m.record().equals("fund " + inc[1]), m.toString());
        }

        // output files: copies of the outbox, each with one change
        String dist = (String) row(h.db, "SELECT min(distributor) FROM clr.position")[0];
        String f05 = "OFD_" + h.ta + "_" + dist + "_" + date + "_05.TXT";

        Path digit = copy(outbox, h.work.resolve("digit-" + date));
        List<String> lines = lines(digit.resolve(f05));
        int first = lines.indexOf("DefDividendMethod") + 2;   // the last field line, then the count
        String rec = lines.get(first);
        // the last digit of TotalVolOfDistributorInTA, after the 16 digits of AvailableVol
        lines.set(first, rec.substring(0, 31) + (char) ('0' + (rec.charAt(31) - '0' + 1) % 10) + rec.substring(32));
        write(digit.resolve(f05), lines);
        r = h.verifyReport(date, digit);
        assertEquals(1, r.mismatchCount(), r.mismatches().toString());
        VerifyReport.Mismatch m = r.mismatches().get(0);
        assertEquals(f05, m.where());
        assertTrue(m.record().startsWith("record 1 ") && m.expected().startsWith("TotalVolOfDistributorInTA"),
                m.toString());
        assertEquals(1, h.verify(date, digit).exit);

        Path dropped = copy(outbox, h.work.resolve("dropped-" + date));
        lines = lines(dropped.resolve(f05));
        lines.remove(first);
        write(dropped.resolve(f05), lines);
        r = h.verifyReport(date, dropped);
        assertEquals(1, r.mismatchCount(), r.mismatches().toString());
        assertTrue(r.mismatches().get(0).where().equals(f05) && r.mismatches().get(0).found().contains("COUNT"),
                r.mismatches().toString());

        Path deleted = copy(outbox, h.work.resolve("deleted-" + date));
        Files.delete(deleted.resolve(f05));
        Files.writeString(deleted.resolve("OFD_" + h.ta + "_ZZZ_" + date + "_05.TXT"), "x");
        r = h.verifyReport(date, deleted);
        assertEquals(2, r.mismatchCount(), r.mismatches().toString());
        assertTrue(r.mismatches().stream().anyMatch(x -> x.where().equals(f05) && x.found().equals("no file")));
        assertTrue(r.mismatches().stream().anyMatch(x -> x.where().startsWith("OFD_" + h.ta + "_ZZZ_")
                && x.found().equals("an unexpected file")));
        Run run = h.verify(date, deleted);
        System.out.print(run.out);
        assertEquals(1, run.exit);
        assertTrue(run.out.contains("MISMATCH [files] " + f05), run.out);

        // and the day itself is still fine
        assertVerifies(h, date);
    }

    private static void assertAllName(VerifyReport r, String position) {
        for (VerifyReport.Mismatch m : r.mismatches()) {
            assertTrue(m.record().contains(position), "every mismatch names " + position + ": " + m);
        }
    }

    private static void assertVerifies(Harness h, String date) throws Exception {
        Run run = h.verify(date, null);
        System.out.print(run.out);
        assertEquals(0, run.exit, "verify " + date + ":\n" + run.out + run.err);
        assertTrue(run.out.contains("verify " + date + ": OK"), run.out);
    }

    // ----------------------------------------------------------------------------------------------- own days

    private static void writeOwnDay1(Path in, String date) throws IOException {
        OfdRecordBuilder c1 = builder(FileType.FUND_PARAMETERS);
        write(in, "FM1", date, FileType.FUND_PARAMETERS, List.of(
                c1.reset().text("FundCode", "MMF001").text("FundName", "Own Money Market").text("FundType", "04")
                        .build(),
                c1.reset().text("FundCode", "NAV001").text("FundName", "Own Growth").text("FundType", "02")
                        .build()));
        // the fee tables of NAV001 (spec v2 2.3): purchases (122) 1.5 %, redemptions (124) 0.5 %, method 1
        OfdRecordBuilder c5 = builder(FileType.FEE_RATES);
        write(in, "FM1", date, FileType.FEE_RATES, List.of(
                c5.reset().text("FundCode", "NAV001").text("BusinessCode", "122").text("GetFeeRateMethod", "1")
                        .number("RateFee", new BigDecimal("0.015")).build(),
                c5.reset().text("FundCode", "NAV001").text("BusinessCode", "124").text("GetFeeRateMethod", "1")
                        .number("RateFee", new BigDecimal("0.005")).build()));
        writeQuotes(in, date);
        OfdRecordBuilder a = builder(FileType.ACCOUNT_APPLICATIONS);
        List<String> accounts = new ArrayList<>();
        String[][] apps = {{"1001", "6222000000000001"}, {"1002", "6222000000000002"}, {"1003", "6222000000000001"}};
        for (String[] x : apps) {
            accounts.add(a.reset().text("AppSheetSerialNo", x[0]).text("TransactionDate", date)
                    .text("TransactionTime", "093000").text("TransactionAccountID", x[1])
                    .text("DistributorCode", "D01").text("BusinessCode", "001").text("IndividualOrInstitution", "1")
                    .build());
        }
        write(in, "D01", date, FileType.ACCOUNT_APPLICATIONS, accounts);   // the third: 0392
        write(in, "D01", date, FileType.TRADE_APPLICATIONS, List.of(
                trade("1004", date, "6222000000000001", "022", "MMF001", "10000.00", "0"),
                trade("1005", date, "6222000000000002", "022", "MMF001", "2500.50", "0"),
                trade("1006", date, "6222000000000002", "022", "NAV001", "5000.00", "0"),
                trade("1007", date, "6222000000000001", "022", "XXX999", "100.00", "0")));   // 0200
        index(in, "D01", date, FileType.ACCOUNT_APPLICATIONS, FileType.TRADE_APPLICATIONS);
    }

    private static void writeOwnDay2(Path in, String date) throws IOException {
        writeQuotes(in, date);
        write(in, "D01", date, FileType.TRADE_APPLICATIONS, List.of(
                trade("2001", date, "6222000000000001", "024", "MMF001", "0", "1000.00"),
                trade("2002", date, "6222000000000002", "022", "MMF001", "100.00", "0"),
                trade("2003", date, "6222000000000002", "024", "NAV001", "0", "100.00"),
                trade("2004", date, "6222000000000001", "024", "NAV001", "0", "1.00")));   // no position: 0001
        index(in, "D01", date, FileType.TRADE_APPLICATIONS);
    }

    private static void writeQuotes(Path in, String date) throws IOException {
        OfdRecordBuilder q = builder(FileType.FUND_QUOTES);
        write(in, "FM1", date, FileType.FUND_QUOTES, List.of(
                q.reset().text("FundCode", "MMF001").text("UpdateDate", date).number("NAV", BigDecimal.ONE)
                        .number("FundIncome", new BigDecimal("0.65430")).text("FundIncomeFlag", "0")
                        .number("Yield", new BigDecimal("2.401")).text("YieldFlag", "0").text("FundStatus", "0")
                        .build(),
                q.reset().text("FundCode", "NAV001").text("UpdateDate", date).number("NAV", new BigDecimal("1.2345"))
                        .number("FundIncome", BigDecimal.ZERO).text("FundIncomeFlag", "0")
                        .number("Yield", BigDecimal.ZERO).text("YieldFlag", "0").text("FundStatus", "0").build()));
    }

    private static String trade(String serial, String date, String txnAccount, String business, String fund,
            String amount, String vol) {
        return builder(FileType.TRADE_APPLICATIONS).text("AppSheetSerialNo", serial)
                .text("TransactionDate", date).text("TransactionTime", "100000")
                .text("TransactionAccountID", txnAccount).text("DistributorCode", "D01").text("TAAccountID", "")
                .text("BusinessCode", business).text("FundCode", fund)
                .number("ApplicationAmount", new BigDecimal(amount)).number("ApplicationVol", new BigDecimal(vol))
                .build();
    }

    /** The fields an input type needs (spec v2 1.4), in that order: what the test's files declare. */
    private static List<FieldDef> fields(FileType type) {
        return type.requiredFields().stream().map(FieldDictionary::get).toList();
    }

    private static OfdRecordBuilder builder(FileType type) {
        return new OfdRecordBuilder(fields(type));
    }

    private static String fileName(String sender, String date, FileType type) {
        return "OFD_" + sender + "_" + TA + "_" + date + "_" + type.code() + ".TXT";
    }

    private static void write(Path dir, String sender, String date, FileType type, List<String> records)
            throws IOException {
        try (OfdFileWriter w = OfdFileWriter.create(dir.resolve(fileName(sender, date, type)), sender, TA, date,
                type, fields(type))) {
            for (String r : records) {
                w.write(r);
            }
        }
    }

    /** The distributor's OFI index listing its 01 and 03 files of the day (spec v2 1.7). */
    private static void index(Path dir, String sender, String date, FileType... types) throws IOException {
        List<String> names = new ArrayList<>();
        for (FileType t : types) {
            names.add(fileName(sender, date, t));
        }
        OfdIndex.write(dir.resolve("OFI_" + sender + "_" + TA + "_" + date + ".TXT"), sender, TA, date, names);
    }

    // ---------------------------------------------------------------------------------------------- plumbing

    record Run(int exit, String out, String err) {
    }

    private interface Action<T> {
        T run() throws Exception;
    }

    /** Our own PostgreSQL (so the test can read the state) and a cluster using it as its external database. */
    private static final class Harness implements AutoCloseable {
        final Path work;
        final String ta;
        final java.util.Map<String, Path> outboxes = new java.util.HashMap<>();
        EmbeddedPostgresServer pg;
        LocalCluster cluster;
        Connection db;

        private Harness(Path work, String ta) {
            this.work = work;
            this.ta = ta;
        }

        static Harness start(Path work) throws IOException, SQLException {
            return start(work, TA);
        }

        static Harness start(Path work, String ta) throws IOException, SQLException {
            Path jar = FunctionsProcess.locateJar(System.getenv());
            Assumptions.assumeTrue(Files.isRegularFile(jar), "functions app not built: " + jar);
            Harness h = new Harness(Files.createDirectories(work), ta);
            try {
                h.pg = EmbeddedPostgresServer.start(work.resolve("pg"));
                h.cluster = LocalCluster.start(ClusterOptions.embedded(work.resolve("data"))
                        .withDatabase(h.pg.jdbcUrl(), h.pg.user(), h.pg.password()).withTaCode(ta)
                        .withDayTimeout(Duration.ofMinutes(5)));
                h.db = DriverManager.getConnection(h.pg.jdbcUrl(), h.pg.user(), h.pg.password());
            } catch (IOException | SQLException | RuntimeException e) {
                h.close();
                throw e;
            }
            return h;
        }

        DayOutcome run(String date, Path inbox) throws IOException {
            Path outbox = Files.createDirectories(work.resolve("out-" + date + "-" + outboxes.size()));
            return cluster.runDay(date, inbox, outbox, e -> { });
        }

        Path clear(String date, Path inbox) throws IOException {
            Path outbox = Files.createDirectories(work.resolve("out-" + date));
            DayOutcome o = cluster.runDay(date, inbox, outbox, e -> { });
            assertTrue(o.completed(), "day " + date + " failed: " + o.message());
            outboxes.put(date, outbox);
            return outbox;
        }

        /** Takes over the register of the 05 files in {@code inbox} on {@code date} (spec v2 2.9). */
        void migrate(String date, Path inbox) throws Exception {
            String[] database = cluster.database();
            try (Connection c = DriverManager.getConnection(database[0], database[1], database[2])) {
                RegisterMigration.migrate(c, date, inbox);
            }
        }

        Run verify(String date, Path outbox) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = VerifyCommand.run(date, db, outbox, ta, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }

        VerifyReport verifyReport(String date, Path outbox) throws Exception {
            return new DayVerifier().verify(db, date, outbox != null ? outbox : outboxes.get(date), ta);
        }

        /** Runs {@code action} with {@code sql} applied in a transaction that is rolled back after. */
        <T> T inTransaction(String sql, Action<T> action) throws Exception {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                assertEquals(1, s.executeUpdate(sql), sql);
                return action.run();
            } finally {
                db.rollback();
                db.setAutoCommit(true);
            }
        }

        /** The report on {@code date} with one row corrupted (rolled back after); the command exits 1 on it. */
        VerifyReport corrupted(String sql, String date, Path outbox) throws Exception {
            return inTransaction(sql, () -> {
                Run run = verify(date, outbox);
                System.out.println("after " + sql + ":");
                System.out.print(run.out);
                assertEquals(1, run.exit, "verify must fail after " + sql + ":\n" + run.out + run.err);
                return verifyReport(date, outbox);
            });
        }

        @Override
        public void close() {
            try {
                if (db != null) {
                    db.close();
                }
            } catch (SQLException ignored) {
                // closing anyway
            }
            if (cluster != null) {
                cluster.close();
            }
            if (pg != null) {
                pg.close();
            }
        }
    }

    private static Path goldenDir() {
        String shared = System.getProperty("openta.shared.dir");
        Path golden = shared == null ? null : Path.of(shared, "golden-v2");
        Assumptions.assumeTrue(golden != null && Files.isDirectory(golden.resolve("case-01-basic"))
                && Files.isDirectory(golden.resolve("case-03-edges")), "no golden cases (openta.shared.dir)");
        return golden;
    }

    private static long count(Connection db, String sql) throws SQLException {
        return ((Number) row(db, sql)[0]).longValue();
    }

    private static Object[] row(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), "no row: " + sql);
            Object[] out = new Object[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rs.getObject(i + 1);
            }
            return out;
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    private static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(List.of(Files.readString(file, StandardCharsets.ISO_8859_1).split("\r\n")));
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.ISO_8859_1);
    }
}
