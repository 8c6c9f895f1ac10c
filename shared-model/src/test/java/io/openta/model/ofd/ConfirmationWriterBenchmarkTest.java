package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file writer alone over 250,000 04 records in the standard layout (1234 bytes a record, filled as the
 * export stage fills them), written twice: as Strings ({@code write(builder.build())}) and straight from the builder
 * ({@code write(builder)}, what the export stages do). The two files must be the same bytes, of the layout's size. No
 * timing assertion: the times are printed, as a benchmark of the writer without the database.
 */
class ConfirmationWriterBenchmarkTest {
    private static final int RECORDS = 250_000;
    private static final String DATE = "20261125";
    private static final BigDecimal AMOUNT = new BigDecimal("1234.56");
    private static final BigDecimal NAV = new BigDecimal("1.0000");
    private static final BigDecimal RATE = new BigDecimal("0.00150000");

    @TempDir
    Path dir;

    @Test
    void tradeConfirmationsAsStringsAndFromTheBuilder() throws IOException {
        Path strings = dir.resolve("strings").resolve("OFD_99_A01_20261125_04.TXT");
        Path direct = dir.resolve("direct").resolve("OFD_99_A01_20261125_04.TXT");
        Files.createDirectories(strings.getParent());
        Files.createDirectories(direct.getParent());
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.TRADE_CONFIRMATIONS);
        // two rounds, each path in turn, so that neither has the JIT or the page cache to itself
        StringBuilder times = new StringBuilder();
        for (int round = 1; round <= 2; round++) {
            long t0 = System.nanoTime();
            try (OfdFileWriter w = OfdFileWriter.create(strings, "99", "A01", DATE, FileType.TRADE_CONFIRMATIONS)) {
                for (int i = 0; i < RECORDS; i++) {
                    w.write(fill(b, i).build());
                }
            }
            long t1 = System.nanoTime();
            try (OfdFileWriter w = OfdFileWriter.create(direct, "99", "A01", DATE, FileType.TRADE_CONFIRMATIONS)) {
                for (int i = 0; i < RECORDS; i++) {
                    w.write(fill(b, i));
                }
            }
            long t2 = System.nanoTime();
            times.append(String.format("; round %d: as Strings %d ms, from the builder %d ms", round,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000));
        }
        assertEquals(-1L, Files.mismatch(strings, direct));
        assertEquals(1234, b.width());
        // 11 header lines (OFDCFDAT, version, sender, receiver, date, 999, type, two blank lines, field count, then
        // record count), the field names, the records and OFDCFEND, each with CRLF
        long header = (8 + 4 + 9 + 9 + 8 + 3 + 2 + 8 + 8 + 3 + 8) + 11 * 2L
                + FileType.TRADE_CONFIRMATIONS.layout().stream().mapToLong(f -> f.name().length() + 2).sum();
        assertEquals(header + RECORDS * 1236L + 10, Files.size(direct));
        System.out.printf("04 writer, %d records of %d bytes (%d MB)%s%n", RECORDS, b.width(),
                Files.size(direct) >> 20, times);
    }

    /** Record i as DistributorFiles.tradeConfirmations fills it. */
    private static OfdRecordBuilder fill(OfdRecordBuilder b, int i) {
        BigDecimal vol = BigDecimal.valueOf(i, 2);
        return b.reset().textCut("AppSheetSerialNo", Integer.toString(i))
                .text("TransactionCfmDate", DATE)
                .textCut("TransactionDate", DATE)
                .textCut("TransactionTime", "093000")
                .textCut("TransactionAccountID", "T" + i)
                .textCut("DistributorCode", "A01")
                .textCut("FundCode", "000001")
                .textCut("Specification", Gbk.bytes("申购"))
                .textCut("TAAccountID", "000000123456")
                .textCut("BusinessCode", "122")
                .text("TASerialNO", DATE + "000000000001")
                .number("ApplicationAmount", AMOUNT)
                .number("ApplicationVol", vol)
                .number("ConfirmedAmount", AMOUNT)
                .number("ConfirmedVol", vol)
                .number("Charge", BigDecimal.ZERO)
                .number("NAV", NAV)
                .number("RateFee", RATE)
                .text("ReturnCode", "0000")
                .textCut("ErrorDetail", ReturnCodeTexts.text("0000"))
                .text("CurrencyType", "156")
                .text("DownLoaddate", DATE)
                .text("BusinessFinishFlag", "1")
                .text("FromTAFlag", "0");
    }
}
