package io.openta.verify;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The {@code files} check: the outbox holds exactly the files of D that spec 2.7 makes due (none on a MIGRATION
 * day); each data file is written in version 21 with its standard layout and holds exactly the state's records
 * ({@link RecordComparer}); each OFI index lists its distributor's data files ({@link IndexFileChecks}); every
 * rejected inbox file has its {@code .ERR} ({@link ErrFileChecks}).
 */
final class OutputFileChecks {
    private final Day day;
    private final VerifyReport report;

    OutputFileChecks(Day day) {
        this.day = day;
        this.report = day.report();
    }

    void run(Path outbox, String ta) throws SQLException, IOException {
        String c = VerifyReport.FILES;
        report.begin(c, "every output file of D is there, parses, and holds exactly the state's records");
        ExpectedFiles due = ExpectedFiles.of(day, ta);
        TreeSet<String> present = new TreeSet<>();
        boolean folder = outbox != null && !outbox.toString().isEmpty() && Files.isDirectory(outbox);
        if (folder) {
            try (Stream<Path> s = Files.list(outbox)) {
                s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).forEach(present::add);
            }
        } else if (day.migration()) {
            report.note("day " + day.date() + " is a migration: no files are due, and there is no outbox to look in");
            return;
        } else {
            report.mismatch(c, String.valueOf(outbox), "", "the outbox folder", "no such folder");
        }
        for (String n : present) {
            OutputFileName parsed = OutputFileName.parse(n).orElse(null);
            if (parsed != null && parsed.date().equals(day.date()) && !due.data.containsKey(n)
                    && !due.indexes.containsKey(n)) {
                report.mismatch(c, n, "", "no such file (spec 2.7" + (day.migration() ? ", a migration day" : "")
                        + ")", "an unexpected file");
            }
        }
        new ErrFileChecks(day).run(outbox, present);
        for (ExpectedFiles.Due f : due.data.values()) {
            if (!present.contains(f.name())) {
                report.mismatch(c, f.name(), "", "the file (" + f.why() + ")", "no file");
                continue;
            }
            dataFile(outbox.resolve(f.name()), f, ta);
        }
        IndexFileChecks index = new IndexFileChecks(day, ta);
        for (Map.Entry<String, List<String>> e : due.indexes.entrySet()) {
            String n = e.getKey();
            String d = due.indexDistributor.get(n);
            if (!present.contains(n)) {
                report.mismatch(c, n, "", "the index of " + d + "'s " + e.getValue().size() + " files (spec 1.7)",
                        "no file");
                continue;
            }
            index.check(outbox.resolve(n), d, e.getValue());
        }
    }

    private void dataFile(Path path, ExpectedFiles.Due f, String ta) throws SQLException, IOException {
        String c = VerifyReport.FILES;
        Layouts.Layout layout = Layouts.of(f.type());
        OutputFile.Structure s = OutputFile.check(path, layout, ta, f.distributor(), day.date());
        report.records(c, 1);
        for (OutputFile.Deviation d : s.deviations()) {
            report.mismatch(c, f.name(), d.where(), d.expected() + " (spec 1.2, as written)", d.found());
        }
        if (!s.readable()) {
            report.mismatch(c, f.name(), "", "a well-formed file", "it does not parse: " + s.problem());
            return;
        }
        ExpectedRecords records = new ExpectedRecords(day);
        List<ExpectedRecord> expected;
        String source;
        switch (f.type()) {
            case "02" -> {
                expected = records.accountConfirmations(f.distributor());
                source = "acct.account_app/account_outcome";
            }
            case "04" -> {
                expected = records.tradeConfirmations(f.distributor(), f.batch(), f.firstSerial());
                source = "000".equals(f.batch()) ? "trd.trade_app/trade_cfm and clr.income < 0" : "trd.trade_cfm";
            }
            case "05" -> {
                expected = records.shareBalances(f.distributor());
                source = "clr.position";
            }
            default -> {
                expected = records.income(f.distributor());
                source = "clr.income >= 0";
            }
        }
        RecordComparer cmp = new RecordComparer(report, f.name(), layout);
        cmp.compare(path, s.records(), expected, source);
        if ("04".equals(f.type()) && cmp.mismatches() == 0 && cmp.unknown() == 0) {
            sums(f, cmp.sums());
        }
    }

    /**
     * Σ ConfirmedAmount, ConfirmedVol, Charge of an 04 file against the state's sums (its confirmations, and in
     * batch 000 the income reductions' -income as ConfirmedVol). Only when every record agreed and the state gave all
     * their values: a wrong record is named once, by the record comparison (a missing row by its own check).
     */
    private void sums(ExpectedFiles.Due f, BigDecimal[] file) throws SQLException {
        BigDecimal[] state = new BigDecimal[3];
        long[] n = new long[2];
        day.db().query("""
                SELECT count(*) AS n, coalesce(sum(cfm_amount), 0) AS a, coalesce(sum(cfm_vol), 0) AS v,
                  coalesce(sum(charge), 0) AS ch
                FROM trd.trade_cfm WHERE biz_date = :d AND sender = ? AND batch = ?""", rs -> {
            state[0] = rs.getBigDecimal("a");
            state[1] = rs.getBigDecimal("v");
            state[2] = rs.getBigDecimal("ch");
            n[0] = rs.getLong("n");
        }, f.distributor(), f.batch());
        if ("000".equals(f.batch())) {
            day.db().query("""
                    SELECT count(*) AS n, coalesce(sum(-income), 0) AS v FROM clr.income
                    WHERE biz_date = :d AND distributor = ? AND income < 0""", rs -> {
                state[1] = state[1].add(rs.getBigDecimal("v"));
                n[1] = rs.getLong("n");
            }, f.distributor());
        }
        for (int i = 0; i < RecordComparer.SUMMED.length; i++) {
            if (state[i].compareTo(file[i]) != 0) {
                report.mismatch(VerifyReport.FILES, f.name(), "Σ " + RecordComparer.SUMMED[i],
                        Labels.plain(state[i]) + " (Σ trd.trade_cfm of " + n[0] + " rows"
                                + (n[1] > 0 && i == 1 ? " and -income of " + n[1] + " income reductions" : "") + ")",
                        Labels.plain(file[i]));
            }
        }
    }
}
