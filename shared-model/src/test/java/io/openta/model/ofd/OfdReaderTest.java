package io.openta.model.ofd;

import static io.openta.model.ofd.OfdTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfdReaderTest {

    @TempDir
    Path dir;

    private OfdCheck check(String name, String content) throws IOException {
        return OfdReader.check(write(dir, name, content), TA, DATE);
    }

    private OfdCheck check(List<String> lines) throws IOException {
        return check(NAME_01, crlf(lines));
    }

    private static void assertRejected(String reason, OfdCheck c) {
        assertFalse(c.accepted(), "expected " + reason + " but accepted");
        assertEquals(reason, c.rejection().reason(), c.rejection().errLine());
        assertNull(c.header());
        assertTrue(c.rejection().errLine().startsWith("REJECTED " + reason + " "));
        assertFalse(c.rejection().detail().isBlank());
    }

    private static void assertAccepted(OfdCheck c) {
        assertTrue(c.accepted(), () -> c.rejection().errLine());
        assertNull(c.rejection());
        assertNotNull(c.header());
    }

    @Test
    void acceptsAValidCrlfFile() throws IOException {
        Path p = write(dir, NAME_01, crlf(valid01()));
        OfdCheck c = OfdReader.check(p, TA, DATE);
        assertAccepted(c);
        assertEquals(2, c.recordCount());
        assertEquals(p, c.file());
        OfdHeader h = c.header();
        assertEquals(new OfdHeader("A01", "99", "20261125", "000", FileType.ACCOUNT_APPLICATIONS,
                FileType.ACCOUNT_APPLICATIONS.layout()), h);
        List<String> seen = new ArrayList<>();
        OfdReader.forEachRecord(p, h, (no, r) -> {
            seen.add(no + ":" + r.trimmed("AppSheetSerialNo") + ":" + r.text("DistributorCode") + ":"
                    + r.trimmed("DistributorCode") + ":" + r.text("IndividualOrInstitution"));
            assertEquals(no == 1 ? REC1 : REC2, r.line());
            assertTrue(r.has("BusinessCode"));
            assertFalse(r.has("FundCode"));
            assertThrows(IllegalArgumentException.class, () -> r.text("FundCode"));
        });
        assertEquals(List.of("1:1001:A01      :A01:1", "2:1002:A01      :A01:1"), seen);
    }

    @Test
    void acceptsLfOnlyAndMixedLineEnds() throws IOException {
        assertAccepted(check(NAME_01, String.join("\n", valid01()) + "\n"));
        List<String> l = valid01();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < l.size(); i++) {
            sb.append(l.get(i)).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        Path p = write(dir, NAME_01, sb.toString());
        OfdCheck c = OfdReader.check(p, TA, DATE);
        assertAccepted(c);
        List<String> seen = new ArrayList<>();
        OfdReader.forEachRecord(p, c.header(), (no, r) -> seen.add(no + "|" + r.line()));
        assertEquals(List.of("1|" + REC1, "2|" + REC2), seen);
    }

    @Test
    void acceptsAFinalLineWithoutTerminator() throws IOException {
        assertAccepted(check(NAME_01, String.join("\r\n", valid01())));
        assertAccepted(check(NAME_01, String.join("\n", valid01())));
    }

    @Test
    void trimsTrailingSpacesOfEveryLineButRecords() throws IOException {
        List<String> l = valid01();
        for (int i = 0; i < 18; i++) {
            l.set(i, l.get(i) + "   ");
        }
        l.set(20, "OFDCFEND  ");
        OfdCheck c = check(l);
        assertAccepted(c);
        assertEquals("A01", c.header().sender());
        assertEquals("000", c.header().batch());
    }

    @Test
    void leadingSpacesAreNotTrimmed() throws IOException {
        List<String> l = valid01();
        l.set(1, " 21");
        assertRejected(Rejection.HEADER, check(l));
    }

    @Test
    void acceptsFieldsInAnotherOrderAndExtraDictionaryFields() throws IOException {
        // declare: IndividualOrInstitution, FundName (extra, 40), BusinessCode, DistributorCode, TransactionAccountID,
        // TransactionTime, TransactionDate, AppSheetSerialNo, NAV (extra, N7,4)
        List<String> lines = new ArrayList<>(List.of("OFDCFDAT", "21", "A01", "99", "20261125", "000", "01", "", "",
                "009", "IndividualOrInstitution", "FundName", "BusinessCode", "DistributorCode",
                "TransactionAccountID", "TransactionTime", "TransactionDate", "AppSheetSerialNo", "NAV", "00000001"));
        String rec = "0" + String.format("%-40s", "some fund") + "001" + "A01      " + "6222000000000009 " + "093000"
                + "20261125" + String.format("%-24s", "77") + "0012345";
        lines.add(rec);
        lines.add("OFDCFEND");
        Path p = write(dir, NAME_01, crlf(lines));
        OfdCheck c = OfdReader.check(p, TA, DATE);
        assertAccepted(c);
        assertEquals(9, c.header().fields().size());
        assertEquals(1 + 40 + 3 + 9 + 17 + 6 + 8 + 24 + 7, c.header().recordWidth());
        assertEquals("IndividualOrInstitution", c.header().fields().get(0).name());
        OfdReader.forEachRecord(p, c.header(), (no, r) -> {
            assertEquals(1, no);
            assertEquals("77", r.trimmed("AppSheetSerialNo"));
            assertEquals("77                      ", r.text("AppSheetSerialNo"));
            assertEquals("093000", r.text("TransactionTime"));
            assertEquals("0", r.text("IndividualOrInstitution"));
            assertEquals("some fund", r.trimmed("FundName"));
            assertEquals(new BigDecimal("1.2345"), r.number("NAV").orElseThrow());
            assertTrue(r.has("NAV"));
            assertFalse(r.has("FundCode"));
            assertEquals(rec, r.line());
        });
        // one character too long is LENGTH: widths of extra fields count
        lines.set(20, rec + "X");
        assertRejected(Rejection.LENGTH, check(lines));
    }

    @Test
    void acceptsAnEmptyFileAndSupplementaryTradeBatches() throws IOException {
        List<String> l = valid01();
        l.remove(19);
        l.remove(18);
        l.set(17, "00000000");
        OfdCheck c = check(l);
        assertAccepted(c);
        assertEquals(0, c.recordCount());
        List<String> none = new ArrayList<>();
        OfdReader.forEachRecord(c.file(), c.header(), (no, r) -> none.add(r.line()));
        assertTrue(none.isEmpty());

        List<String> t = new ArrayList<>(List.of("OFDCFDAT", "21", "A01", "99", "20261125", "001", "03", "", "",
                "010", "AppSheetSerialNo", "TransactionDate", "TransactionTime", "TransactionAccountID",
                "DistributorCode", "TAAccountID", "BusinessCode", "FundCode", "ApplicationAmount", "ApplicationVol",
                "00000000", "OFDCFEND"));
        OfdCheck c3 = check("OFD_A01_99_20261125_03_001.TXT", crlf(t));
        assertAccepted(c3);
        assertEquals("001", c3.header().batch());
        assertEquals(FileType.TRADE_APPLICATIONS, c3.header().type());
    }

    @Nested
    class Encoding {
        @Test
        void aByteOutsidePrintableAsciiAnywhere() throws IOException {
            List<String> l = valid01();
            byte[] bytes = crlf(l).getBytes(StandardCharsets.ISO_8859_1);
            byte[] bad = bytes.clone();
            bad[bytes.length - 5] = (byte) 0xC3; // inside the trailer
            OfdCheck c = OfdReader.check(write(dir, NAME_01, bad), TA, DATE);
            assertRejected(Rejection.ENCODING, c);
            assertTrue(c.rejection().detail().contains("0xC3"), c.rejection().detail());
            assertTrue(c.rejection().detail().contains("line 21"), c.rejection().detail());
        }

        @Test
        void tabsDeleteAndNulAreNotAllowed() throws IOException {
            for (char ch : new char[] {'\t', 0x7F, 0, 0x1A}) {
                List<String> l = valid01();
                l.set(8, "x" + ch);
                assertRejected(Rejection.ENCODING, check(l));
            }
        }

        @Test
        void encodingComesBeforeEveryOtherCheck() throws IOException {
            // bad name, bad header, no trailer and a non-ASCII byte at the very end: ENCODING
            assertRejected(Rejection.ENCODING, check("README.txt", "not an exchange file\n\u00e9"));
        }

        @Test
        void loneCrInsideARecordIsNotAnEncodingErrorButALengthError() throws IOException {
            List<String> l = valid01();
            l.set(18, REC1.substring(0, 67) + "\r");
            OfdCheck c = check(NAME_01, String.join("\n", l) + "\n");
            // CR before LF is the terminator: the record is then one character short
            assertRejected(Rejection.LENGTH, c);
            l.set(18, REC1.substring(0, 30) + "\r" + REC1.substring(31));
            c = check(NAME_01, String.join("\n", l) + "\n");
            assertAccepted(c); // a lone CR inside a line is allowed by ENCODING and the length is right
        }
    }

    @Nested
    class Name {
        @Test
        void aNameThatDoesNotParse() throws IOException {
            OfdCheck c = check("README.txt", "not an exchange file\n");
            assertRejected(Rejection.NAME, c);
            assertEquals("REJECTED NAME README.txt", c.rejection().errLine());
            assertRejected(Rejection.NAME, check("OFD_A01_99_20261125_01_000.TXT", crlf(valid01())));
            assertRejected(Rejection.NAME, check("OFD_A01_99_20261131_01.TXT", crlf(valid01())));
        }

        @Test
        void eachOfLines3To7MustAgreeWithTheName() throws IOException {
            String[] names = {"OFD_B02_99_20261125_01.TXT", "OFD_A01_98_20261125_01.TXT",
                    "OFD_A01_99_20261126_01.TXT", "OFD_A01_99_20261125_01_001.TXT", "OFD_A01_99_20261125_C1.TXT"};
            for (int i = 0; i < names.length; i++) {
                OfdCheck c = check(names[i], crlf(valid01()));
                assertRejected(Rejection.NAME, c);
                assertTrue(c.rejection().detail().startsWith("line " + (3 + i) + ":"), c.rejection().detail());
            }
        }

        @Test
        void aShortFileIsComparedOnTheLinesItHas() throws IOException {
            // 4 lines, receiver disagrees: NAME before HEADER
            assertRejected(Rejection.NAME, check(NAME_01, "OFDCFDAT\r\n21\r\nA01\r\n98\r\n"));
            // 4 lines that agree: HEADER (fewer than 10 lines)
            OfdCheck c = check(NAME_01, "OFDCFDAT\r\n21\r\nA01\r\n99\r\n");
            assertRejected(Rejection.HEADER, c);
            assertTrue(c.rejection().detail().contains("4 lines"), c.rejection().detail());
            assertRejected(Rejection.HEADER, check(NAME_01, ""));
        }

        @Test
        void nameComesBeforeHeader() throws IOException {
            List<String> l = valid01();
            l.set(0, "BADMARK");
            l.set(2, "C03");
            assertRejected(Rejection.NAME, check(l));
        }

        @Test
        void headerComparisonIsExact() throws IOException {
            List<String> l = valid01();
            l.set(6, "1");
            assertRejected(Rejection.NAME, check(l));
            l = valid01();
            l.set(5, "0");
            assertRejected(Rejection.NAME, check(l));
        }
    }

    @Nested
    class Header {
        private void assertHeader(int line, String value, String detailPart) throws IOException {
            List<String> l = valid01();
            l.set(line - 1, value);
            OfdCheck c = check(l);
            assertRejected(Rejection.HEADER, c);
            assertTrue(c.rejection().detail().contains(detailPart), c.rejection().detail());
        }

        @Test
        void marker() throws IOException {
            assertHeader(1, "OFDCFDAX", "line 1");
        }

        @Test
        void version() throws IOException {
            assertHeader(2, "20", "line 2");
        }

        @Test
        void fieldCount() throws IOException {
            assertHeader(10, "7", "line 10");
            assertHeader(10, "", "line 10");
            assertHeader(10, "0071", "line 10");
        }

        @Test
        void fewerThanTenLines() throws IOException {
            List<String> l = valid01().subList(0, 9);
            OfdCheck c = check(l);
            assertRejected(Rejection.HEADER, c);
            assertTrue(c.rejection().detail().contains("9 lines"), c.rejection().detail());
        }

        @Test
        void receiverNotTheTaCode() throws IOException {
            List<String> l = valid01();
            l.set(3, "98");
            OfdCheck c = check("OFD_A01_98_20261125_01.TXT", crlf(l));
            assertRejected(Rejection.HEADER, c);
            assertTrue(c.rejection().detail().startsWith("line 4"), c.rejection().detail());
        }

        @Test
        void dateNotTheBusinessDate() throws IOException {
            OfdCheck c = OfdReader.check(write(dir, NAME_01, crlf(valid01())), TA, "20261126");
            assertRejected(Rejection.HEADER, c);
            assertTrue(c.rejection().detail().startsWith("line 5"), c.rejection().detail());
        }

        @Test
        void typeNotAnInputType() throws IOException {
            List<String> l = valid01();
            l.set(6, "02");
            OfdCheck c = check("OFD_A01_99_20261125_02.TXT", crlf(l));
            assertRejected(Rejection.HEADER, c);
            assertTrue(c.rejection().detail().startsWith("line 7"), c.rejection().detail());
            // the same file is fine for checkAnyType (e.g. reading outputs back) - apart from its fields
            OfdCheck any = OfdReader.checkAnyType(c.file(), TA, DATE);
            assertRejected(Rejection.FIELDS, any);
        }

        @Test
        void headerComesBeforeBatch() throws IOException {
            List<String> l = valid01();
            l.set(5, "001");
            l.set(1, "22");
            assertRejected(Rejection.HEADER, check("OFD_A01_99_20261125_01_001.TXT", crlf(l)));
        }
    }

    @Nested
    class Batch {
        @Test
        void supplementaryBatchOfAnAccountQuoteOrParameterFile() throws IOException {
            List<String> l = valid01();
            l.set(5, "001");
            OfdCheck c = check("OFD_A01_99_20261125_01_001.TXT", crlf(l));
            assertRejected(Rejection.BATCH, c);

            for (String type : new String[] {"07", "C1"}) {
                List<String> q = new ArrayList<>(List.of("OFDCFDAT", "21", "FM1", "99", "20261125", "002", type,
                        "", "", "000", "00000000", "OFDCFEND"));
                assertRejected(Rejection.BATCH, check("OFD_FM1_99_20261125_" + type + "_002.TXT", crlf(q)));
                q.set(5, "000");
                // and with batch 000 the missing fields are next
                assertRejected(Rejection.FIELDS, check("OFD_FM1_99_20261125_" + type + ".TXT", crlf(q)));
            }
        }

        @Test
        void batchComesBeforeFields() throws IOException {
            List<String> l = valid01();
            l.set(5, "001");
            l.set(10, "Nope");
            assertRejected(Rejection.BATCH, check("OFD_A01_99_20261125_01_001.TXT", crlf(l)));
        }
    }

    @Nested
    class Fields {
        private OfdCheck fieldsCheck(List<String> l, String detailPart) throws IOException {
            OfdCheck c = check(l);
            assertRejected(Rejection.FIELDS, c);
            assertTrue(c.rejection().detail().contains(detailPart), c.rejection().detail());
            return c;
        }

        @Test
        void unknownField() throws IOException {
            List<String> l = valid01();
            l.set(12, "TransactionTim");
            fieldsCheck(l, "line 13");
        }

        @Test
        void fieldNamesAreCaseSensitive() throws IOException {
            List<String> l = valid01();
            l.set(12, "transactiontime");
            fieldsCheck(l, "transactiontime");
        }

        @Test
        void declaredTwice() throws IOException {
            List<String> l = valid01();
            l.set(9, "008");
            l.add(17, "BusinessCode");
            fieldsCheck(l, "twice");
        }

        @Test
        void missingLayoutField() throws IOException {
            List<String> l = valid01();
            l.set(16, "FundCode"); // replaces IndividualOrInstitution (also width 6 vs 1)
            fieldsCheck(l, "IndividualOrInstitution");
        }

        @Test
        void fileEndsInsideTheFieldList() throws IOException {
            OfdCheck c = fieldsCheck(valid01().subList(0, 14), "inside the field list");
            assertTrue(c.rejection().detail().contains("line 14"), c.rejection().detail());
            // a declared count larger than the lines present: the rest of the file is read as field names
            List<String> l = valid01();
            l.set(9, "030");
            fieldsCheck(l, "line 18");
        }

        @Test
        void fieldsComeBeforeTrailerCountAndLength() throws IOException {
            List<String> l = valid01();
            l.set(11, "Bogus");
            l.set(17, "x");
            l.set(18, "short");
            l.remove(20);
            assertRejected(Rejection.FIELDS, check(l));
        }
    }

    @Nested
    class Trailer {
        @Test
        void missingTrailer() throws IOException {
            List<String> l = valid01();
            l.remove(20);
            OfdCheck c = check(l);
            assertRejected(Rejection.TRAILER, c);
        }

        @Test
        void blankLastLine() throws IOException {
            assertRejected(Rejection.TRAILER, check(NAME_01, crlf(valid01()) + "\r\n"));
            assertRejected(Rejection.TRAILER, check(NAME_01, crlf(valid01()) + "   \r\n"));
            assertRejected(Rejection.TRAILER, check(NAME_01, crlf(valid01()) + "\n"));
        }

        @Test
        void trailerWithLeadingSpaceOrLowerCase() throws IOException {
            List<String> l = valid01();
            l.set(20, " OFDCFEND");
            assertRejected(Rejection.TRAILER, check(l));
            l.set(20, "ofdcfend");
            assertRejected(Rejection.TRAILER, check(l));
        }

        @Test
        void trailerComesBeforeCount() throws IOException {
            List<String> l = valid01();
            l.set(17, "00000009");
            l.add("");
            assertRejected(Rejection.TRAILER, check(l));
        }

        @Test
        void fileEndingRightAfterTheFieldsHasNoTrailer() throws IOException {
            assertRejected(Rejection.TRAILER, check(valid01().subList(0, 17)));
        }
    }

    @Nested
    class Count {
        @Test
        void countDisagreesWithTheRecordLines() throws IOException {
            List<String> l = valid01();
            l.set(17, "00000003");
            OfdCheck c = check(l);
            assertRejected(Rejection.COUNT, c);
            assertTrue(c.rejection().detail().contains("line 18"), c.rejection().detail());
            l.set(17, "00000001");
            assertRejected(Rejection.COUNT, check(l));
        }

        @Test
        void countNotEightDigits() throws IOException {
            List<String> l = valid01();
            l.set(17, "2");
            assertRejected(Rejection.COUNT, check(l));
            l.set(17, "0000000002");
            assertRejected(Rejection.COUNT, check(l));
            l.set(17, "0000000A");
            assertRejected(Rejection.COUNT, check(l));
        }

        @Test
        void noCountLine() throws IOException {
            List<String> l = new ArrayList<>(valid01().subList(0, 17));
            l.add("OFDCFEND");
            assertRejected(Rejection.COUNT, check(l));
        }

        @Test
        void blankLinesAmongRecordsCount() throws IOException {
            List<String> l = valid01();
            l.add(19, "");
            assertRejected(Rejection.COUNT, check(l));
            l.set(17, "00000003");
            assertRejected(Rejection.LENGTH, check(l));
        }

        @Test
        void countComesBeforeLength() throws IOException {
            List<String> l = valid01();
            l.set(17, "00000003");
            l.set(18, REC1 + " ");
            assertRejected(Rejection.COUNT, check(l));
        }
    }

    @Nested
    class Length {
        @Test
        void recordsAreNotTrimmed() throws IOException {
            List<String> l = valid01();
            l.set(19, REC2 + " ");
            OfdCheck c = check(l);
            assertRejected(Rejection.LENGTH, c);
            assertEquals("REJECTED LENGTH record 2 (line 20): length 69, expected 68", c.rejection().errLine());
        }

        @Test
        void shortRecord() throws IOException {
            List<String> l = valid01();
            l.set(18, REC1.substring(0, 60));
            OfdCheck c = check(l);
            assertRejected(Rejection.LENGTH, c);
            assertTrue(c.rejection().detail().startsWith("record 1 (line 19): length 60, expected 68"),
                    c.rejection().detail());
        }

        @Test
        void recordTrailingSpacesWithinWidthAreKept() throws IOException {
            // 01 record whose last field is blank: ends with a space, which must not be trimmed
            List<String> l = valid01();
            String rec = REC1.substring(0, 67) + " ";
            l.set(18, rec);
            Path p = write(dir, NAME_01, crlf(l));
            OfdCheck c = OfdReader.check(p, TA, DATE);
            assertAccepted(c);
            OfdReader.forEachRecord(p, c.header(), (no, r) -> {
                if (no == 1) {
                    assertEquals(rec, r.line());
                    assertEquals(" ", r.text("IndividualOrInstitution"));
                    assertEquals("", r.trimmed("IndividualOrInstitution"));
                }
            });
        }
    }

    @Test
    void forEachRecordDetectsAFileChangedSinceTheCheck() throws IOException {
        Path p = write(dir, NAME_01, crlf(valid01()));
        OfdCheck c = OfdReader.check(p, TA, DATE);
        assertAccepted(c);
        List<String> l = valid01();
        l.set(19, "x");
        write(dir, NAME_01, crlf(l));
        assertThrows(IOException.class, () -> OfdReader.forEachRecord(p, c.header(), (no, r) -> { }));
    }

    @Test
    void recordOfIsAnIndependentView() {
        OfdHeader h = new OfdHeader("A01", "99", DATE, "000", FileType.ACCOUNT_APPLICATIONS,
                FileType.ACCOUNT_APPLICATIONS.layout());
        OfdRecord r = OfdRecord.of(h, REC1);
        assertEquals("6222000000000001 ", r.text("TransactionAccountID"));
        assertEquals("6222000000000001", r.trimmed("TransactionAccountID"));
        assertThrows(IllegalArgumentException.class, () -> OfdRecord.of(h, REC1 + " "));
        assertThrows(IllegalArgumentException.class, () -> r.number("BusinessCode"));
    }

    @Test
    void saysQuoteOrParameters() throws IOException {
        assertTrue(OfdReader.saysQuoteOrParameters(write(dir, "OFD_FM1_99_20261125_07.TXT", "")));
        assertTrue(OfdReader.saysQuoteOrParameters(write(dir, "OFD_FM1_99_20261125_C1.TXT", "junk")));
        assertTrue(OfdReader.saysQuoteOrParameters(write(dir, "OFD_FM1_99_20261125_C1_001.TXT", "")));
        assertTrue(OfdReader.saysQuoteOrParameters(write(dir, "OFD_FM1_99_2026_07.TXT", "")), "name not parsing");
        assertTrue(OfdReader.saysQuoteOrParameters(write(dir, "weird_07.TXT", "")));
        assertFalse(OfdReader.saysQuoteOrParameters(write(dir, "OFD_A01_99_20261125_03.TXT", crlf(valid01()))));
        assertFalse(OfdReader.saysQuoteOrParameters(write(dir, "README.txt", "not an exchange file\n")));
        assertFalse(OfdReader.saysQuoteOrParameters(write(dir, "OFD_FM1_99_20261125_07.txt", "")));
        List<String> l = valid01();
        l.set(6, "C1   ");
        assertTrue(OfdReader.saysQuoteOrParameters(write(dir, "anything", crlf(l))));
        l.set(6, "07");
        l.set(2, "\u00e9\u00e9"); // bad bytes elsewhere do not matter
        assertTrue(OfdReader.saysQuoteOrParameters(write(dir, "x.TXT", String.join("\n", l))));
        l.set(6, " 07");
        assertFalse(OfdReader.saysQuoteOrParameters(write(dir, "y.TXT", crlf(l))));
        assertFalse(OfdReader.saysQuoteOrParameters(write(dir, "z.TXT", "1\n2\n3\n4\n5\n6\n")));
    }
}
