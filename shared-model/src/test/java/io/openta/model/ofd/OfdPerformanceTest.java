package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One million 03 records with a GBK Specification (~180 MB): written, checked and streamed back. No timing
 * assertion: the timings are only printed, to notice accidental quadratic or per-record-heavy code.
 */
class OfdPerformanceTest {

    @TempDir
    Path dir;

    @Test
    void millionRecordsStream() throws IOException {
        int n = 1_000_000;
        List<FieldDef> fields = OfdTestSupport.FIELDS_03.stream().map(FieldDictionary::get).toList();
        Path file = dir.resolve("OFD_A01_99_20261125_03.TXT");
        long t0 = System.nanoTime();
        OfdRecordBuilder b = new OfdRecordBuilder(fields);
        b.text("TransactionDate", "20261125").text("TransactionTime", "100000").text("DistributorCode", "A01")
                .text("BusinessCode", "022").text("FundCode", "000001")
                .text("Specification", Gbk.bytes("申购说明"));
        try (OfdFileWriter w = OfdFileWriter.create(file, "A01", "99", "20261125", FileType.TRADE_APPLICATIONS,
                fields)) {
            for (int i = 0; i < n; i++) {
                w.write(b.text("AppSheetSerialNo", Integer.toString(i))
                        .text("TransactionAccountID", Integer.toString(i % 1000))
                        .number("ApplicationAmount", BigDecimal.valueOf(i, 2))
                        .build());
            }
        }
        long t1 = System.nanoTime();
        OfdCheck c = OfdReader.check(file, "99", "20261125");
        long t2 = System.nanoTime();
        assertTrue(c.accepted(), () -> c.rejection().errLine());
        assertEquals(n, c.recordCount());
        long[] sum = {0};
        OfdReader.forEachRecord(file, c.header(), (no, r) -> sum[0] += r.text("FundCode").length()
                + r.trimmed("Specification").length());
        long t3 = System.nanoTime();
        assertEquals(14L * n, sum[0]);
        System.out.printf("OFD 1M records, %d MB: write %d ms, check %d ms, forEachRecord %d ms%n",
                Files.size(file) >> 20, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }
}
