package io.openta.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Record-by-record comparison of a file with the records the state gives. */
class RecordComparerTest {
    @TempDir
    Path tmp;

    private static final String D = "20261125";

    private static ExpectedRecord position(String account, String close) {
        return ExpectedRecord.byPosition("P", account, "MMF001", "clr.position")
                .put("TransactionCfmDate", D).put("DistributorCode", "D01").put("TransactionAccountID", "6222")
                .put("TAAccountID", account).put("FundCode", "MMF001")
                .put("TotalVolOfDistributorInTA", new BigDecimal(close)).put("AvailableVol", new BigDecimal(close))
                .put("AccountStatus", "0");
    }

    private static Map<String, Object> values(ExpectedRecord e) {
        return new LinkedHashMap<>(e.values);
    }

    private VerifyReport compare(List<Map<String, Object>> records, List<ExpectedRecord> expected)
            throws IOException {
        List<String> recs = new ArrayList<>();
        records.forEach(v -> recs.add(TestFiles.record("05", v)));
        Path f = TestFiles.write(tmp.resolve("OFD_99_D01_" + D + "_05.TXT"),
                TestFiles.lines("05", "99", "D01", D, recs), "\r\n");
        Layouts.Layout layout = Layouts.of("05");
        OutputFile.Structure s = OutputFile.check(f, layout, "99", "D01", D);
        assertEquals(null, s.problem());
        VerifyReport report = new VerifyReport(D, tmp.toString());
        new RecordComparer(report, f.getFileName().toString(), layout).compare(f, s.records(), expected,
                "clr.position");
        return report;
    }

    @Test
    void theSameRecordsAgree() throws IOException {
        ExpectedRecord a = position("000000000001", "10.00");
        ExpectedRecord b = position("A1", "0.00");
        VerifyReport r = compare(List.of(values(a), values(b)), List.of(a, b));
        assertTrue(r.ok(), r.mismatches().toString());
        assertEquals(2, r.check(VerifyReport.FILES).records());
    }

    @Test
    void aWrongValueIsNamedByRecordAndField() throws IOException {
        ExpectedRecord a = position("000000000001", "10.00");
        Map<String, Object> v = values(a);
        v.put("TotalVolOfDistributorInTA", new BigDecimal("10.01"));
        v.put("ShareClass", "A");   // not given by 1.6: must be blank
        VerifyReport r = compare(List.of(v), List.of(a));
        assertEquals(2, r.mismatchCount(), r.mismatches().toString());
        VerifyReport.Mismatch m = r.mismatches().get(0);
        assertEquals("record 1 (TAAccountID 000000000001 fund MMF001)", m.record());
        assertEquals("TotalVolOfDistributorInTA 10.00 (clr.position)", m.expected());
        assertEquals("TotalVolOfDistributorInTA 10.01", m.found());
        assertTrue(r.mismatches().get(1).expected().startsWith("ShareClass '' (blank"), r.mismatches().toString());
    }

    @Test
    void missingExtraAndMisplacedRecords() throws IOException {
        ExpectedRecord a = position("000000000001", "1.00");
        ExpectedRecord b = position("000000000002", "2.00");
        ExpectedRecord c = position("000000000003", "3.00");
        ExpectedRecord x = position("000000000009", "9.00");
        VerifyReport r = compare(List.of(values(b), values(a), values(x)), List.of(a, b, c));
        List<String> found = r.mismatches().stream().map(VerifyReport.Mismatch::toString).toList();
        assertEquals(3, r.mismatchCount(), found.toString());
        assertTrue(found.get(0).contains("record 2 (TAAccountID 000000000001 fund MMF001)")
                && found.get(0).contains("out of order"), found.toString());
        assertTrue(found.get(1).contains("record 3 (TAAccountID 000000000009") && found.get(1).contains("no such"),
                found.toString());
        assertTrue(found.get(2).contains("TAAccountID 000000000003 fund MMF001: expected a record"),
                found.toString());
    }

    @Test
    void unknownValuesAreNotCompared() throws IOException {
        ExpectedRecord a = position("000000000001", "1.00").put("AccountStatus", null);
        Map<String, Object> v = values(position("000000000001", "1.00"));
        v.put("AccountStatus", "9");
        VerifyReport r = compare(List.of(v), List.of(a));
        assertTrue(r.ok(), r.mismatches().toString());
    }
}
