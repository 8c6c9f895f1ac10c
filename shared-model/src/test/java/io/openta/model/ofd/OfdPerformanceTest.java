package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One million 03 records (~121 MB): written, checked and streamed back. The time bound is deliberately loose
 * (it only catches accidental quadratic or per-record-heavy code); the timings are printed.
 */
class OfdPerformanceTest {

    @TempDir
    Path dir;

    @Test
    void millionRecordsStream() throws IOException {
        int n = 1_000_000;
        OfdFileName name = new OfdFileName("A01", "99", "20261125", FileType.TRADE_APPLICATIONS, "000");
        long t0 = System.nanoTime();
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.TRADE_APPLICATIONS);
        b.text("TransactionDate", "20261125").text("TransactionTime", "100000").text("DistributorCode", "A01")
                .text("BusinessCode", "022").text("FundCode", "000001");
        try (OfdFileWriter w = OfdFileWriter.create(dir, name)) {
            for (int i = 0; i < n; i++) {
                w.write(b.text("AppSheetSerialNo", Integer.toString(i))
                        .text("TransactionAccountID", Integer.toString(i % 1000))
                        .number("ApplicationAmount", BigDecimal.valueOf(i, 2))
                        .build());
            }
        }
        long t1 = System.nanoTime();
        Path file = dir.resolve(name.fileName());
        OfdCheck c = OfdReader.check(file, "99", "20261125");
        long t2 = System.nanoTime();
        assertTrue(c.accepted(), () -> c.rejection().errLine());
        assertEquals(n, c.recordCount());
        long[] sum = {0};
        OfdReader.forEachRecord(file, c.header(), (no, r) -> sum[0] += r.text("FundCode").length());
        long t3 = System.nanoTime();
        assertEquals(6L * n, sum[0]);
        System.out.printf("OFD 1M records, %d MB: write %d ms, check %d ms, forEachRecord %d ms%n",
                Files.size(file) >> 20, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        assertTrue((t3 - t0) / 1_000_000_000L < 20, "1M records took more than 20 s");
    }
}
