package io.openta.model.ofd;

import static io.openta.model.ofd.OfdTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfdFileWriterTest {

    @TempDir
    Path dir;

    private static String expectedHeader(String sender, String receiver, String date, FileType t) {
        StringBuilder sb = new StringBuilder();
        sb.append("OFDCFDAT\r\n21  \r\n").append(pad(sender, 9)).append("\r\n").append(pad(receiver, 9))
                .append("\r\n").append(date).append("\r\n999\r\n").append(t.code()).append("\r\n")
                .append("        \r\n        \r\n").append(String.format("%03d", t.layout().size())).append("\r\n");
        for (FieldDef f : t.layout()) {
            sb.append(f.name()).append("\r\n");
        }
        return sb.toString();
    }

    @Test
    void exactBytes() throws IOException {
        Path p = dir.resolve("OFD_99_A01_20261125_05.TXT");
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.SHARE_BALANCES);
        String r1 = b.text("FundCode", "000001").number("TotalVolOfDistributorInTA", new BigDecimal("10")).build();
        String r2 = b.text("FundCode", Gbk.bytes("中文")).build();
        try (OfdFileWriter w = OfdFileWriter.create(p, "99", "A01", DATE, FileType.SHARE_BALANCES)) {
            assertEquals(FileType.SHARE_BALANCES, w.type());
            w.write(r1);
            w.write(r2);
            assertEquals(2, w.count());
        }
        assertEquals(expectedHeader("99", "A01", DATE, FileType.SHARE_BALANCES) + "00000002\r\n" + r1 + "\r\n"
                + r2 + "\r\nOFDCFEND\r\n", read(p));
    }

    @Test
    void emptyFileAndIdempotentClose() throws IOException {
        Path p = dir.resolve("x.TXT");
        OfdFileWriter w = OfdFileWriter.create(p, "99", "A01", DATE, FileType.ACCOUNT_CONFIRMATIONS);
        w.close();
        w.close();
        assertEquals(expectedHeader("99", "A01", DATE, FileType.ACCOUNT_CONFIRMATIONS) + "00000000\r\nOFDCFEND\r\n",
                read(p));
        assertThrows(IllegalStateException.class, () -> w.write(""));
    }

    @Test
    void createByNameWritesTheBatchOnlyInTheName() throws IOException {
        OfdFileName name = new OfdFileName("99", "A01", DATE, FileType.TRADE_CONFIRMATIONS, "002");
        try (OfdFileWriter w = OfdFileWriter.create(dir, name)) {
            w.write(new OfdRecordBuilder(FileType.TRADE_CONFIRMATIONS).build());
        }
        Path p = dir.resolve("OFD_99_A01_20261125_04_002.TXT");
        assertTrue(read(p).startsWith(expectedHeader("99", "A01", DATE, FileType.TRADE_CONFIRMATIONS)
                + "00000001\r\n"));
        OfdCheck c = OfdReader.checkAnyType(p, "A01", DATE);
        assertTrue(c.accepted(), () -> c.rejection().errLine());
        assertEquals("002", c.header().batch());
        assertThrows(IllegalArgumentException.class, () -> OfdFileWriter.create(dir,
                new OfdFileName("99", "A01", DATE, "R9", "000")));
    }

    @Test
    void refusals() throws IOException {
        Path p = dir.resolve("x.TXT");
        assertThrows(IllegalArgumentException.class,
                () -> OfdFileWriter.create(p, "99", "a01", DATE, FileType.SHARE_BALANCES));
        assertThrows(IllegalArgumentException.class,
                () -> OfdFileWriter.create(p, "1234567890", "A01", DATE, FileType.SHARE_BALANCES));
        assertThrows(IllegalArgumentException.class,
                () -> OfdFileWriter.create(p, "99", "A01", "20261132", FileType.SHARE_BALANCES));
        assertThrows(IllegalArgumentException.class,
                () -> OfdFileWriter.create(p, "99", "A01", DATE, FileType.TRADE_APPLICATIONS), "no standard layout");
        try (OfdFileWriter w = OfdFileWriter.create(p, "99", "A01", DATE, FileType.SHARE_BALANCES)) {
            String ok = new OfdRecordBuilder(FileType.SHARE_BALANCES).build();
            assertThrows(IllegalArgumentException.class, () -> w.write(ok + " "));
            assertThrows(IllegalArgumentException.class, () -> w.write(ok.substring(1)));
            assertThrows(IllegalArgumentException.class, () -> w.write("\r" + ok.substring(1)));
            assertThrows(IllegalArgumentException.class, () -> w.write("\u4E2D" + ok.substring(1)));
            assertEquals(0, w.count());
        }
    }

    @Test
    void builderRecordsAreTheBytesOfTheirStringsAndAnotherWidthIsRefused() throws IOException {
        Path asStrings = dir.resolve("a.TXT");
        Path fromBuilder = dir.resolve("b.TXT");
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.SHARE_BALANCES);
        // enough records to cross the 64 KiB buffer several times, with GBK bytes in an echoed field
        try (OfdFileWriter s = OfdFileWriter.create(asStrings, "99", "A01", DATE, FileType.SHARE_BALANCES);
                OfdFileWriter d = OfdFileWriter.create(fromBuilder, "99", "A01", DATE, FileType.SHARE_BALANCES)) {
            for (int i = 0; i < 1000; i++) {
                b.reset().text("FundCode", Gbk.bytes("中文")).text("TAAccountID", Integer.toString(i))
                        .number("TotalVolOfDistributorInTA", BigDecimal.valueOf(i, 2));
                s.write(b.build());
                d.write(b);
            }
            assertThrows(IllegalArgumentException.class,
                    () -> d.write(new OfdRecordBuilder(FileType.INCOME)), "a 06 record in a 05 file");
            assertEquals(1000, d.count());
        }
        assertEquals(-1L, Files.mismatch(asStrings, fromBuilder));
        OfdFileWriter closed = OfdFileWriter.create(dir.resolve("c.TXT"), "99", "A01", DATE,
                FileType.SHARE_BALANCES);
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.write(b));
    }

    @Test
    void explicitFieldsForInputFiles() throws IOException {
        List<FieldDef> fields = FIELDS_01.stream().map(FieldDictionary::get).toList();
        Path p = dir.resolve(NAME_01);
        try (OfdFileWriter w = OfdFileWriter.create(p, "A01", "99", DATE, FileType.ACCOUNT_APPLICATIONS, fields)) {
            w.write(REC1);
            w.write(REC2);
        }
        OfdCheck c = OfdReader.check(p, TA, DATE);
        assertTrue(c.accepted(), () -> c.rejection().errLine());
        assertEquals(fields, c.header().fields());
        assertEquals(2, c.recordCount());
    }

    @Test
    void headersEqualTheGoldenOutputs() throws IOException {
        Path golden = goldenDirOrSkip();
        List<Path> outs;
        try (Stream<Path> s = Files.walk(golden)) {
            outs = s.filter(p -> p.getParent().getFileName().toString().equals("out"))
                    .filter(p -> OfdFileName.parse(p.getFileName().toString()).isPresent()).sorted().toList();
        }
        assertFalse(outs.isEmpty());
        for (Path out : outs) {
            OfdFileName name = OfdFileName.parse(out.getFileName().toString()).orElseThrow();
            FileType t = name.fileType().orElseThrow();
            Path mine = dir.resolve("mine");
            String expected = read(out);
            List<String> records = List.of(expected.split("\r\n"));
            int first = 11 + t.layout().size();
            try (OfdFileWriter w = OfdFileWriter.create(mine, name.sender(), name.receiver(), name.date(), t)) {
                for (int i = first; i < records.size() - 1; i++) {
                    w.write(records.get(i));
                }
            }
            assertEquals(expected, read(mine), out.toString());
        }
    }
}
