package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfdFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void recreatesGolden02ByteForByte() throws IOException {
        Path golden = OfdTestSupport.goldenDirOrSkip()
                .resolve("case-01-basic/20261125/out/OFD_99_A01_20261125_02.TXT");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(golden), "missing " + golden);

        OfdFileName name = new OfdFileName("99", "A01", "20261125", FileType.ACCOUNT_CONFIRMATIONS, "000");
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.ACCOUNT_CONFIRMATIONS);
        try (OfdFileWriter w = OfdFileWriter.create(dir, name)) {
            String[][] recs = {
                    {"1001", "6222000000000001", "000000000001"},
                    {"1002", "6222000000000002", "000000000002"},
                    {"1003", "6222000000000003", "000000000003"}};
            for (String[] r : recs) {
                w.write(b.reset()
                        .text("AppSheetSerialNo", r[0])
                        .text("TransactionCfmDate", "20261125")
                        .text("TransactionAccountID", r[1])
                        .text("DistributorCode", "A01")
                        .text("BusinessCode", "101")
                        .text("TAAccountID", r[2])
                        .text("ReturnCode", "0000")
                        .build());
            }
            assertEquals(3, w.count());
        }
        Path written = dir.resolve("OFD_99_A01_20261125_02.TXT");
        assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(written));
    }

    @Test
    void recreatesGolden04WithNumbers() throws IOException {
        Path golden = OfdTestSupport.goldenDirOrSkip()
                .resolve("case-01-basic/20261125/out/OFD_99_A01_20261125_04.TXT");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(golden), "missing " + golden);
        Path out = dir.resolve(golden.getFileName().toString());
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.TRADE_CONFIRMATIONS);
        try (OfdFileWriter w = OfdFileWriter.create(out, "99", "A01", "20261125", "000",
                FileType.TRADE_CONFIRMATIONS)) {
            Object[][] recs = {
                    {"1004", 1, "6222000000000001", "000000000001", "000001", "10000", "10000", "10000.00", "0",
                            "1"},
                    {"1005", 2, "6222000000000002", "000000000002", "000001", "2500.5", "2500.50", "2500.5", "0",
                            "1.0000"},
                    {"1006", 3, "6222000000000003", "000000000003", "100001", "5000", "5000", "3990.36", "73.89",
                            "1.2345"}};
            for (Object[] r : recs) {
                w.write(b.reset()
                        .text("AppSheetSerialNo", (String) r[0])
                        .text("TASerialNO", "20261125" + String.format("%012d", (Integer) r[1]))
                        .text("TransactionCfmDate", "20261125")
                        .text("TransactionDate", "20261125")
                        .text("TransactionAccountID", (String) r[2])
                        .text("DistributorCode", "A01")
                        .text("TAAccountID", (String) r[3])
                        .text("BusinessCode", "122")
                        .text("FundCode", (String) r[4])
                        .number("ApplicationAmount", new BigDecimal((String) r[5]))
                        .number("ConfirmedAmount", new BigDecimal((String) r[6]))
                        .number("ConfirmedVol", new BigDecimal((String) r[7]))
                        .number("Charge", new BigDecimal((String) r[8]))
                        .number("NAV", new BigDecimal((String) r[9]))
                        .text("ReturnCode", "0000")
                        .build());
            }
        }
        assertEquals(Files.readString(golden, StandardCharsets.US_ASCII), Files.readString(out, StandardCharsets.US_ASCII));
        assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(out));
    }

    /** Every golden output file, re-written line by line through the writer, is byte-identical. */
    @Test
    void rewritesEveryGoldenOutputFileByteForByte() throws IOException {
        Path goldenDir = OfdTestSupport.goldenDirOrSkip();
        List<Path> outputs;
        try (Stream<Path> s = Files.walk(goldenDir)) {
            outputs = s.filter(p -> p.getParent().getFileName().toString().equals("out"))
                    .filter(p -> OfdFileName.parse(p.getFileName().toString()).isPresent())
                    .sorted().toList();
        }
        assertFalse(outputs.isEmpty());
        for (Path golden : outputs) {
            OfdFileName name = OfdFileName.parse(golden.getFileName().toString()).orElseThrow();
            String text = Files.readString(golden, StandardCharsets.US_ASCII);
            List<String> lines = Arrays.asList(text.split("\r\n", -1));
            int n = Integer.parseInt(lines.get(9));
            int count = Integer.parseInt(lines.get(10 + n));
            Path dirOut = Files.createDirectories(dir.resolve(golden.getParent().getParent().getFileName()));
            try (OfdFileWriter w = OfdFileWriter.create(dirOut, name)) {
                for (int i = 0; i < count; i++) {
                    w.write(lines.get(11 + n + i));
                }
            }
            assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(dirOut.resolve(name.fileName())),
                    golden.toString());
            OfdCheck c = OfdReader.checkAnyType(golden, name.receiver(), name.date());
            assertTrue(c.accepted(), golden + ": " + c.rejection());
            assertEquals(count, c.recordCount());
            assertEquals(name.type().layout(), c.header().fields());
        }
    }

    @Test
    void emptyFileHasZeroCountAndTrailer() throws IOException {
        Path p = dir.resolve("OFD_99_B02_20261125_02.TXT");
        try (OfdFileWriter w = OfdFileWriter.create(p, "99", "B02", "20261125", "000",
                FileType.ACCOUNT_CONFIRMATIONS)) {
            assertEquals(0, w.count());
        }
        List<String> expected = new ArrayList<>(List.of("OFDCFDAT", "21", "99", "B02", "20261125", "000", "02", "",
                "", "007"));
        FileType.ACCOUNT_CONFIRMATIONS.layout().forEach(f -> expected.add(f.name()));
        expected.add("00000000");
        expected.add("OFDCFEND");
        assertEquals(String.join("\r\n", expected) + "\r\n", Files.readString(p, StandardCharsets.US_ASCII));
    }

    @Test
    void writesManyRecordsAcrossBufferBoundariesAndPatchesTheCount() throws IOException {
        Path p = dir.resolve("OFD_FM1_99_20261125_07.TXT");
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.FUND_QUOTES);
        int n = 12_345;
        try (OfdFileWriter w = OfdFileWriter.create(p, "FM1", "99", "20261125", "000", FileType.FUND_QUOTES)) {
            for (int i = 0; i < n; i++) {
                w.write(b.text("FundCode", Integer.toString(i)).build());
            }
        }
        OfdCheck c = OfdReader.check(p, "99", "20261125");
        assertTrue(c.accepted(), String.valueOf(c.rejection()));
        assertEquals(n, c.recordCount());
        long[] seen = {0};
        OfdReader.forEachRecord(p, c.header(), (no, r) -> {
            assertEquals(Long.toString(no - 1), r.trimmed("FundCode"));
            seen[0]++;
        });
        assertEquals(n, seen[0]);
        assertEquals(headerBytes(FileType.FUND_QUOTES) + 10 + (long) n * 42 + 10, Files.size(p));
    }

    private static long headerBytes(FileType t) {
        long b = 0;
        for (String s : new String[] {"OFDCFDAT", "21", "FM1", "99", "20261125", "000", t.code(), "", "", "008"}) {
            b += s.length() + 2;
        }
        for (FieldDef f : t.layout()) {
            b += f.name().length() + 2;
        }
        return b;
    }

    @Test
    void refusesWrongRecordsAndArguments() throws IOException {
        Path p = dir.resolve("x.TXT");
        try (OfdFileWriter w = OfdFileWriter.create(p, "99", "A01", "20261125", "000",
                FileType.ACCOUNT_CONFIRMATIONS)) {
            assertThrows(IllegalArgumentException.class, () -> w.write("short"));
            assertThrows(IllegalArgumentException.class, () -> w.write(" ".repeat(78)));
            assertThrows(IllegalArgumentException.class, () -> w.write("\u00e9" + " ".repeat(76)));
            w.write(" ".repeat(77));
            assertEquals(1, w.count());
        }
        assertThrows(IllegalArgumentException.class,
                () -> OfdFileWriter.create(p, "", "A01", "20261125", "000", FileType.INCOME));
        assertThrows(IllegalArgumentException.class,
                () -> OfdFileWriter.create(p, "1234567890", "A01", "20261125", "000", FileType.INCOME));
        assertThrows(IllegalArgumentException.class,
                () -> OfdFileWriter.create(p, "99", "A01", "20261131", "000", FileType.INCOME));
        assertThrows(IllegalArgumentException.class,
                () -> OfdFileWriter.create(p, "99", "A01", "20261125", "1", FileType.INCOME));
    }
}
