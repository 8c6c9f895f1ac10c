package io.openta.model.ofd;

import static io.openta.model.ofd.OfdTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.math.BigDecimal;
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

    private OfdCheck check03(List<String> lines) throws IOException {
        return check(NAME_03, crlf(lines));
    }

    static void assertRejected(String reason, OfdCheck c) {
        assertFalse(c.accepted(), "expected " + reason + " but accepted");
        assertEquals(reason, c.rejection().reason(), c.rejection().errLine());
        assertNull(c.header());
        assertEquals(0, c.recordCount());
        assertTrue(c.rejection().errLine().startsWith("REJECTED " + reason + " "));
        assertFalse(c.rejection().detail().isBlank());
        assertTrue(c.rejection().errFileText().chars().allMatch(ch -> ch < 0x80), "ASCII");
        assertTrue(c.rejection().errFileText().endsWith("\r\n"));
    }

    private static void assertRejected(String reason, String detailPart, OfdCheck c) {
        assertRejected(reason, c);
        assertTrue(c.rejection().detail().contains(detailPart),
                () -> "'" + detailPart + "' not in " + c.rejection().errLine());
    }

    static void assertAccepted(OfdCheck c) {
        assertTrue(c.accepted(), () -> c.rejection().errLine());
        assertNull(c.rejection());
        assertNotNull(c.header());
    }

    @Nested
    class Accepted {

        @Test
        void aValidCrlfFile() throws IOException {
            Path p = write(dir, NAME_01, crlf(valid01()));
            OfdCheck c = OfdReader.check(p, TA, DATE);
            assertAccepted(c);
            assertEquals(2, c.recordCount());
            assertEquals(p, c.file());
            assertEquals(NAME_01 + ".ERR", c.errFileName());
            OfdHeader h = c.header();
            List<FieldDef> defs = FIELDS_01.stream().map(FieldDictionary::get).toList();
            assertEquals(new OfdHeader("21", "A01", "99", "20261125", "000", FileType.ACCOUNT_APPLICATIONS, defs), h);
            assertEquals(68, h.recordWidth());
            assertTrue(h.declares("BusinessCode"));
            assertTrue(h.declares("businesscode"));
            assertFalse(h.declares("FundCode"));
            assertEquals(NAME_01, h.fileName().fileName());
            List<String> seen = new ArrayList<>();
            OfdReader.forEachRecord(p, h, (no, r) -> {
                seen.add(no + ":" + r.trimmed("AppSheetSerialNo") + ":" + r.text("DistributorCode") + ":"
                        + r.trimmed("DistributorCode") + ":" + r.text("IndividualOrInstitution"));
                assertEquals(no == 1 ? REC1 : REC2, r.line());
                assertTrue(r.has("BusinessCode"));
                assertTrue(r.has("BUSINESSCODE"));
                assertFalse(r.has("FundCode"));
                assertThrows(IllegalArgumentException.class, () -> r.text("FundCode"));
            });
            assertEquals(List.of("1:1001:A01      :A01:1", "2:1002:A01      :A01:1"), seen);
        }

        @Test
        void lfOnlyAndMixedLineEnds() throws IOException {
            assertAccepted(check(NAME_01, lf(valid01())));
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
        void aFinalLineWithoutTerminator() throws IOException {
            assertAccepted(check(NAME_01, String.join("\r\n", valid01())));
            assertAccepted(check(NAME_01, String.join("\r\n", valid01()) + "\r"));
        }

        @Test
        void versions20And21And22() throws IOException {
            List<String> v20 = valid01();
            v20.set(1, "20");
            OfdCheck c20 = check(v20);
            assertAccepted(c20);
            assertEquals("20", c20.header().version());

            List<String> v22 = header22("A01", "99", DATE, "01", 7);
            v22.addAll(FIELDS_01);
            v22.addAll(List.of("0000000000000002", REC1, REC2, "OFDCFEND"));
            OfdCheck c22 = check(v22);
            assertAccepted(c22);
            assertEquals("22", c22.header().version());
            assertEquals("A01", c22.header().sender());
            assertEquals(FieldDictionary.v22().field("AppSheetSerialNo"), c22.header().fields().get(0));
        }

        @Test
        void version22WidenedFields() throws IOException {
            // C1 of version 22: FundName C200
            String name = "OFD_FM1_99_20261125_C1.TXT";
            List<String> l = header22("FM1", "99", DATE, "C1", 3);
            l.addAll(List.of("FundCode", "FundName", "FundType"));
            String fundName = Gbk.bytes("天弘余额宝货币市场基金");
            String rec = "000198" + pad(fundName, 200) + "04";
            l.addAll(List.of("0000000000000001", rec, "OFDCFEND"));
            Path p = write(dir, name, crlf(l));
            OfdCheck c = OfdReader.check(p, TA, DATE);
            assertAccepted(c);
            assertEquals(208, c.header().recordWidth());
            OfdReader.forEachRecord(p, c.header(), (no, r) -> {
                assertEquals(fundName, r.trimmed("FundName"));
                assertEquals("天弘余额宝货币市场基金", Gbk.decode(r.trimmed("FundName")));
                assertEquals(200, r.text("FundName").length());
                assertEquals(200, r.def("fundname").width());
            });
            // the same record is too long for version 21
            l.set(1, "21  ");
            assertRejected(Rejection.LENGTH, "length 208, expected 48", check(name, crlf(l)));
        }

        @Test
        void upperCaseFieldNamesInAnyOrderAndExtraDictionaryFields() throws IOException {
            List<String> l = header21("21", "A01", "99", DATE, "01", 9);
            l.addAll(List.of("INDIVIDUALORINSTITUTION", "businesscode", "InvestorName", "DistributorCode",
                    "TransactionAccountID", "TransactionTime", "TransactionDate", "APPSHEETSERIALNO", "DetailFlag"));
            String investor = pad(Gbk.bytes("张三"), 120);
            String rec = "1" + "001" + investor + "A01      " + pad("TA1", 17) + "093000" + DATE + pad("S1", 24) + "0";
            l.addAll(List.of("00000001", rec, "OFDCFEND"));
            Path p = write(dir, NAME_01, crlf(l));
            OfdCheck c = OfdReader.check(p, TA, DATE);
            assertAccepted(c);
            assertEquals("IndividualOrInstitution", c.header().fields().get(0).name(), "canonical names");
            assertEquals("BusinessCode", c.header().fields().get(1).name());
            OfdReader.forEachRecord(p, c.header(), (no, r) -> {
                assertEquals("S1", r.trimmed("AppSheetSerialNo"));
                assertEquals("S1", r.trimmed("appsheetserialno"));
                assertEquals("001", r.text("BusinessCode"));
                assertEquals("张三", Gbk.decode(r.trimmed("InvestorName")));
                assertEquals("0", r.text("DetailFlag"));
            });
        }

        @Test
        void lowerCaseExtensionAndSupplementaryTradeBatch() throws IOException {
            assertAccepted(check("OFD_A01_99_20261125_01.txt", crlf(valid01())));
            OfdCheck c = check("OFD_A01_99_20261125_03_002.TXT", crlf(file03(rec03("1", ""))));
            assertAccepted(c);
            assertEquals("002", c.header().batch(), "the batch comes from the file name");
        }

        @Test
        void line6CarriesNoMeaning() throws IOException {
            List<String> l = valid01();
            l.set(5, "any text");
            OfdCheck c = check(l);
            assertAccepted(c);
            assertEquals("000", c.header().batch());
        }

        @Test
        void countsOfAnyWidth() throws IOException {
            List<String> l = valid01();
            l.set(9, "0000007");
            l.set(17, "2");
            assertAccepted(check(l));
            l.set(9, "7");
            l.set(17, "00000000000000000000000000000002");
            assertAccepted(check(l));
        }

        @Test
        void anEmptyFile() throws IOException {
            List<String> l = valid01();
            l.remove(REC1);
            l.remove(REC2);
            l.set(17, "00000000");
            OfdCheck c = check(l);
            assertAccepted(c);
            assertEquals(0, c.recordCount());
            long[] n = {0};
            OfdReader.forEachRecord(c.file(), c.header(), (no, r) -> n[0]++);
            assertEquals(0, n[0]);
        }

        @Test
        void trailingSpacesOfEveryLineButRecordsAreTrimmed() throws IOException {
            List<String> l = valid01();
            for (int i = 0; i < l.size(); i++) {
                if (!l.get(i).equals(REC1) && !l.get(i).equals(REC2)) {
                    l.set(i, l.get(i) + "   ");
                }
            }
            assertAccepted(check(l));
        }

        @Test
        void gbkTextInRecordsAndControlBytesOnlyRejectedBelow0x20() throws IOException {
            String spec = Gbk.bytes("摘要说明") + "\u007F";
            OfdCheck c = check03(file03(rec03("1", spec)));
            assertAccepted(c);
            OfdReader.forEachRecord(c.file(), c.header(), (no, r) -> assertEquals(spec, r.trimmed("Specification")));
        }
    }

    @Nested
    class Encoding {

        @Test
        void invalidGbkBytes() throws IOException {
            for (String bad : new String[] {"\u0080", "\u00FF", "\u00D6 ", "\u00D6\u007F"}) {
                OfdCheck c = check03(file03(rec03("1", "AB" + bad)));
                assertRejected(Rejection.ENCODING, "line 23", c);
            }
            assertRejected(Rejection.ENCODING, "0xFF is not valid GBK", check03(file03(rec03("1", "\u00FF"))));
        }

        @Test
        void leadByteAtTheEndOfALineOrOfTheFile() throws IOException {
            List<String> l = file03(rec03("1", ""));
            l.set(2, "A01\u00D6");
            assertRejected(Rejection.ENCODING, "end of the line", check03(l));
            List<String> lfEnd = file03(rec03("1", ""));
            lfEnd.set(2, "A01\u00D6");
            assertRejected(Rejection.ENCODING, "end of the line", check(NAME_03, lf(lfEnd)));
            assertRejected(Rejection.ENCODING, "end of the file",
                    check(NAME_03, String.join("\r\n", file03(rec03("1", ""))) + "\r\n\u00D6"));
        }

        @Test
        void aRecordWhoseLastFieldEndsWithALeadByte() throws IOException {
            // the lead byte is the last byte of the record: it is followed by CR, not a trail byte
            String rec = rec03("1", "");
            rec = rec.substring(0, rec.length() - 1) + "\u00D6";
            assertRejected(Rejection.ENCODING, check03(file03(rec)));
        }

        @Test
        void controlCharacters() throws IOException {
            for (String ctl : new String[] {"\t", "\u0000", "\u001F", "\u000C"}) {
                assertRejected(Rejection.ENCODING, "control character", check03(file03(rec03("1", ctl))));
            }
        }

        @Test
        void encodingComesFirst() throws IOException {
            // bad name, bad header, no trailer, and a bad byte
            assertRejected(Rejection.ENCODING, check("README.txt", "hello\u0080\r\n"));
        }

        @Test
        void aLoneCrInsideARecordIsAByteLikeAnyOther() throws IOException {
            String rec = REC1.substring(0, 30) + "\r" + REC1.substring(31);
            List<String> l = valid01();
            l.set(18, rec);
            OfdCheck c = check(l);                       // CR is allowed; a CR inside counts as a byte
            assertAccepted(c);
            OfdReader.forEachRecord(c.file(), c.header(), (no, r) -> assertEquals(no == 1 ? rec : REC2, r.line()));
            l.set(18, REC1.substring(0, 30) + "\r" + REC1.substring(30));
            assertRejected(Rejection.LENGTH, "length 69, expected 68", check(l));
        }
    }

    @Nested
    class Name {

        @Test
        void doesNotParse() throws IOException {
            assertRejected(Rejection.NAME, "name does not parse: README.txt", check("README.txt", "not an exchange file\n"));
            assertRejected(Rejection.NAME, check("OFD_A01_99_20261125_01_000.TXT", crlf(valid01())));
            assertRejected(Rejection.NAME, check("OFD_A01_99_20261125_01.TXT.bak", crlf(valid01())));
        }

        @Test
        void lines3457MustAgreeWithTheName() throws IOException {
            int[] lines = {3, 4, 5, 7};
            String[] values = {"A02", "98", "20261126", "03"};
            for (int i = 0; i < lines.length; i++) {
                List<String> l = valid01();
                l.set(lines[i] - 1, values[i]);
                assertRejected(Rejection.NAME, "line " + lines[i] + ":", check(l));
            }
            List<String> l = valid01();
            l.set(2, "a01");
            assertRejected(Rejection.NAME, "line 3:", check(l));
        }

        @Test
        void version22PaddingIsTrimmed() throws IOException {
            List<String> l = header22("A01", "99", DATE, "01", 7);
            l.set(2, "   A01");
            l.addAll(FIELDS_01);
            l.addAll(List.of("2", REC1, REC2, "OFDCFEND"));
            assertRejected(Rejection.NAME, "line 3:", check(l));
        }

        @Test
        void aShortFileIsComparedOnTheLinesItHas() throws IOException {
            assertRejected(Rejection.HEADER, "fewer than the 10 header lines",
                    check(NAME_01, crlf(valid01().subList(0, 5))));
            assertRejected(Rejection.NAME, "line 4:", check(NAME_01, crlf(List.of("OFDCFDAT", "21", "A01", "98"))));
            assertRejected(Rejection.HEADER, check(NAME_01, ""));
        }

        @Test
        void nameComesBeforeHeader() throws IOException {
            List<String> l = valid01();
            l.set(0, "XXX");
            l.set(2, "A02");
            assertRejected(Rejection.NAME, check(l));
        }
    }

    @Nested
    class Header {

        private void assertHeader(int line, String value, String detailPart) throws IOException {
            List<String> l = valid01();
            l.set(line - 1, value);
            assertRejected(Rejection.HEADER, detailPart, check(l));
        }

        @Test
        void eachHeaderCheck() throws IOException {
            assertHeader(1, "OFDCFIDX", "line 1: marker");
            assertHeader(1, "ofdcfdat", "line 1: marker");
            assertHeader(2, "19", "line 2: version");
            assertHeader(2, "", "line 2: version");
            assertHeader(2, "2 1", "line 2: version");
            assertHeader(10, "7a", "line 10: field count");
            assertHeader(10, "", "line 10: field count");
            assertHeader(10, "-7", "line 10: field count");
        }

        @Test
        void receiverAndDateAndType() throws IOException {
            assertRejected(Rejection.HEADER, "line 4: receiver", OfdReader.check(
                    write(dir, "OFD_A01_98_20261125_01.TXT", crlf(valid01()).replace("99       ", "98")), TA, DATE));
            assertRejected(Rejection.HEADER, "line 5: date",
                    OfdReader.check(write(dir, NAME_01, crlf(valid01())), TA, "20261126"));
            assertRejected(Rejection.HEADER, "line 4: receiver",
                    OfdReader.check(write(dir, NAME_01, crlf(valid01())), "T1", DATE));
            for (String t : new String[] {"02", "04", "05", "06", "08", "C2"}) {
                List<String> l = valid01();
                l.set(6, t);
                assertRejected(Rejection.HEADER, "line 7: type",
                        check("OFD_A01_99_20261125_" + t + ".TXT", crlf(l)));
            }
        }

        @Test
        void headerComesBeforeBatch() throws IOException {
            List<String> l = valid01();
            l.set(1, "30");
            assertRejected(Rejection.HEADER, check("OFD_A01_99_20261125_01_001.TXT", crlf(l)));
        }
    }

    @Nested
    class Batch {

        @Test
        void supplementaryBatchOf01_07_C1_C5() throws IOException {
            for (String t : new String[] {"01", "07", "C1", "C5"}) {
                List<String> l = valid01();
                l.set(6, t);
                assertRejected(Rejection.BATCH, "batch 001", check("OFD_A01_99_20261125_" + t + "_001.TXT", crlf(l)));
            }
        }

        @Test
        void batchComesBeforeFields() throws IOException {
            List<String> l = valid01();
            l.set(10, "NoSuchField");
            assertRejected(Rejection.BATCH, check("OFD_A01_99_20261125_01_001.TXT", crlf(l)));
        }
    }

    @Nested
    class Fields {

        @Test
        void unknownField() throws IOException {
            List<String> l = valid01();
            l.set(12, "NoSuchField");
            assertRejected(Rejection.FIELDS, "line 13: 'NoSuchField'", check(l));
        }

        @Test
        void aVersion22FieldInAVersion21File() throws IOException {
            List<String> l = valid01();
            l.set(9, "008");
            l.add(17, "UUID");
            assertRejected(Rejection.FIELDS, "'UUID' is not a field of the version 21", check(l));
        }

        @Test
        void declaredTwiceWithoutRegardToCase() throws IOException {
            List<String> l = valid01();
            l.set(9, "008");
            l.add(17, "APPSHEETSERIALNO");
            assertRejected(Rejection.FIELDS, "line 18: field AppSheetSerialNo is declared twice", check(l));
        }

        @Test
        void aFieldTheTypeNeedsIsMissing() throws IOException {
            List<String> l = valid01();
            l.set(9, "006");
            l.remove("IndividualOrInstitution");
            assertRejected(Rejection.FIELDS, "IndividualOrInstitution", check(l));
        }

        @Test
        void theFileEndsInsideTheFieldList() throws IOException {
            List<String> l = valid01();
            l.set(9, "030");
            assertRejected(Rejection.FIELDS, "the file ends at line 21 inside the field list", check(l));
            List<String> shortList = valid01().subList(0, 14);
            assertRejected(Rejection.FIELDS, "inside the field list", check(shortList));
            List<String> hugeCount = valid01().subList(0, 14);
            hugeCount.set(9, "99999999999999999999999");
            assertRejected(Rejection.FIELDS, "inside the field list", check(hugeCount));
        }

        @Test
        void fieldsComeBeforeTrailerCountAndLength() throws IOException {
            List<String> l = valid01();
            l.set(12, "NoSuchField");
            l.set(17, "5");
            l.set(18, "short");
            l.remove(l.size() - 1);
            assertRejected(Rejection.FIELDS, check(l));
        }
    }

    @Nested
    class TrailerCountLength {

        @Test
        void trailer() throws IOException {
            List<String> l = valid01();
            l.remove(l.size() - 1);
            assertRejected(Rejection.TRAILER, "last line 20", check(l));
            assertRejected(Rejection.TRAILER, check(NAME_01, crlf(valid01()) + "\r\n"));
            List<String> lower = valid01();
            lower.set(lower.size() - 1, "ofdcfend");
            assertRejected(Rejection.TRAILER, check(lower));
            List<String> lead = valid01();
            lead.set(lead.size() - 1, " OFDCFEND");
            assertRejected(Rejection.TRAILER, check(lead));
        }

        @Test
        void trailerComesBeforeCount() throws IOException {
            List<String> l = valid01();
            l.set(17, "x");
            l.remove(l.size() - 1);
            assertRejected(Rejection.TRAILER, check(l));
        }

        @Test
        void count() throws IOException {
            List<String> l = valid01();
            l.set(17, "00000003");
            assertRejected(Rejection.COUNT, "line 18: record count '00000003', but 2 record lines", check(l));
            l.set(17, "2x");
            assertRejected(Rejection.COUNT, "not digits", check(l));
            l.set(17, "");
            assertRejected(Rejection.COUNT, "not digits", check(l));
            List<String> noCount = valid01().subList(0, 17);
            noCount.add("OFDCFEND");
            assertRejected(Rejection.COUNT, "no record count line", check(noCount));
            List<String> blank = valid01();
            blank.add(19, "");
            assertRejected(Rejection.COUNT, "3 record lines", check(blank));
        }

        @Test
        void countComesBeforeLength() throws IOException {
            List<String> l = valid01();
            l.set(17, "00000009");
            l.set(18, "short");
            assertRejected(Rejection.COUNT, check(l));
        }

        @Test
        void length() throws IOException {
            List<String> l = valid01();
            l.set(19, REC2 + " ");
            assertRejected(Rejection.LENGTH, "record 2 (line 20): length 69, expected 68", check(l));
            l.set(19, REC2.substring(0, 67));
            assertRejected(Rejection.LENGTH, "record 2 (line 20): length 67, expected 68", check(l));
            l.set(18, "");
            assertRejected(Rejection.LENGTH, "record 1 (line 19): length 0", check(l));
        }

        @Test
        void aFieldBoundaryInsideATwoByteCharacter() throws IOException {
            // FundCode (6 bytes) ends with the lead byte of 中, ApplicationAmount starts with its trail byte:
            // same length, valid GBK, but the boundary between them falls inside the character
            String good = rec03("1", "");
            int fundCode = 24 + 8 + 6 + 17 + 9 + 12 + 3;   // FundCode starts at offset 79, ApplicationAmount at 85
            String zh = Gbk.bytes("中");
            String badExact = good.substring(0, fundCode) + "00000" + zh + good.substring(fundCode + 7);
            assertEquals(good.length(), badExact.length());
            OfdCheck c = check03(file03(good, badExact));
            assertRejected(Rejection.LENGTH, "record 2 (line 24): field ApplicationAmount starts at byte 86", c);
            // a Chinese character fully inside a field is fine
            String inside = good.substring(0, fundCode) + "0000" + zh + good.substring(fundCode + 6);
            assertAccepted(check03(file03(inside)));
        }

        @Test
        void recordsAreNotTrimmed() throws IOException {
            List<String> l = valid01();
            String rec = REC1.substring(0, 67) + " ";     // IndividualOrInstitution blank
            l.set(18, rec);
            OfdCheck c = check(l);
            assertAccepted(c);
            OfdReader.forEachRecord(c.file(), c.header(), (no, r) -> {
                if (no == 1) {
                    assertEquals(rec, r.line());
                    assertEquals(" ", r.text("IndividualOrInstitution"));
                    assertEquals("", r.trimmed("IndividualOrInstitution"));
                }
            });
            l.set(18, rec.trim());
            assertRejected(Rejection.LENGTH, "length 67", check(l));
        }
    }

    @Test
    void everyReasonInOrderOnOneFile() throws IOException {
        // start from a file that fails every check; repair one at a time and watch the reason move down the list
        List<String> l = valid01();
        l.set(8, "\u0001");                  // ENCODING
        l.set(2, "B01");                     // NAME
        l.set(0, "OFDCFDAT!");               // HEADER
        l.set(12, "Nope");                   // FIELDS (and BATCH by the name below)
        l.set(17, "00000009");               // COUNT
        l.set(19, "short");                  // LENGTH
        l.remove(l.size() - 1);              // TRAILER
        String name = "OFD_A01_99_20261125_01_001.TXT";
        assertRejected(Rejection.ENCODING, check(name, crlf(l)));
        l.set(8, "");
        assertRejected(Rejection.NAME, check(name, crlf(l)));
        l.set(2, "A01");
        assertRejected(Rejection.HEADER, check(name, crlf(l)));
        l.set(0, "OFDCFDAT");
        assertRejected(Rejection.BATCH, check(name, crlf(l)));
        name = NAME_01;
        assertRejected(Rejection.FIELDS, check(name, crlf(l)));
        l.set(12, "TransactionTime");
        assertRejected(Rejection.TRAILER, check(name, crlf(l)));
        l.add("OFDCFEND");
        assertRejected(Rejection.COUNT, check(name, crlf(l)));
        l.set(17, "2");
        assertRejected(Rejection.LENGTH, check(name, crlf(l)));
        l.set(19, REC2);
        assertAccepted(check(name, crlf(l)));
    }

    @Nested
    class Register {

        private List<String> file05(String version, String receiver) {
            List<String> l = "22".equals(version) ? header22("T9", receiver, "20270401", "05", 6)
                    : header21(version, "T9", receiver, "20270401", "05", 6);
            l.addAll(List.of("DISTRIBUTORCODE", "TransactionAccountID", "TAAccountID", "FundCode",
                    "TotalVolOfDistributorInTA", "DetailFlag"));
            l.add("1");
            l.add(pad("M01", 9) + pad("TA1", 17) + pad("ID1", 12) + "000001" + "0000000000100000" + "0");
            l.add("OFDCFEND");
            return l;
        }

        @Test
        void anyReceiverType05BatchAllowed() throws IOException {
            Path p = write(dir, "OFD_T9_M01_20270401_05_001.txt", crlf(file05("22", "M01")));
            OfdCheck c = OfdReader.checkRegister(p, "20270401");
            assertAccepted(c);
            assertEquals(FileType.SHARE_BALANCES, c.header().type());
            assertEquals("001", c.header().batch());
            assertEquals(1, c.recordCount());
            OfdReader.forEachRecord(p, c.header(), (no, r) -> {
                assertEquals(new BigDecimal("1000.00"), r.number("TotalVolOfDistributorInTA").orElseThrow());
                assertEquals("ID1", r.trimmed("TAAccountID"));
            });
            assertAccepted(OfdReader.checkRegister(write(dir, "OFD_T9_ZZ_20270401_05.TXT",
                    crlf(file05("20", "ZZ"))), "20270401"));
        }

        @Test
        void rejections() throws IOException {
            assertRejected(Rejection.HEADER, "line 5: date", OfdReader.checkRegister(
                    write(dir, "OFD_T9_M01_20270401_05.TXT", crlf(file05("21", "M01"))), "20270402"));
            List<String> t01 = valid01();
            assertRejected(Rejection.HEADER, "is not 05",
                    OfdReader.checkRegister(write(dir, NAME_01, crlf(t01)), DATE));
            List<String> missing = file05("21", "M01");
            missing.set(14, "FundName");
            assertRejected(Rejection.FIELDS, "TotalVolOfDistributorInTA",
                    OfdReader.checkRegister(write(dir, "OFD_T9_M01_20270401_05.TXT", crlf(missing)), "20270401"));
            // the day check refuses 05
            assertRejected(Rejection.HEADER, OfdReader.check(write(dir, "OFD_T9_99_20270401_05.TXT",
                    crlf(file05("21", "99"))), "99", "20270401"));
        }
    }

    @Test
    void checkAnyTypeReadsOutputFiles() throws IOException {
        Path p = dir.resolve("OFD_99_A01_20261125_05.TXT");
        try (OfdFileWriter w = OfdFileWriter.create(p, "99", "A01", DATE, FileType.SHARE_BALANCES)) {
            w.write(new OfdRecordBuilder(FileType.SHARE_BALANCES).text("FundCode", "000001").build());
        }
        OfdCheck c = OfdReader.checkAnyType(p, "A01", DATE);
        assertAccepted(c);
        assertEquals(FileType.SHARE_BALANCES.layout(), c.header().fields());
        assertAccepted(OfdReader.checkAnyType(p, null, DATE));
        assertRejected(Rejection.HEADER, OfdReader.checkAnyType(p, "B02", DATE));
    }

    @Test
    void forEachRecordDetectsAFileChangedSinceTheCheck() throws IOException {
        Path p = write(dir, NAME_01, crlf(valid01()));
        OfdCheck c = OfdReader.check(p, TA, DATE);
        assertAccepted(c);
        List<String> l = valid01();
        l.set(19, "short");
        write(dir, NAME_01, crlf(l));
        IOException e = assertThrows(IOException.class, () -> OfdReader.forEachRecord(p, c.header(), (no, r) -> { }));
        assertTrue(e.getMessage().contains("record 2"), e.getMessage());
    }

    @Test
    void recordOfIsAnIndependentView() {
        OfdHeader h = new OfdHeader("21", "A01", "99", DATE, "000", FileType.ACCOUNT_APPLICATIONS,
                FIELDS_01.stream().map(FieldDictionary::get).toList());
        OfdRecord r = OfdRecord.of(h, REC1);
        assertEquals("1001", r.trimmed("AppSheetSerialNo"));
        assertEquals("1001                    ", r.text("AppSheetSerialNo"));
        assertSame(h, r.header());
        assertEquals(REC1, r.line());
        assertThrows(IllegalArgumentException.class, () -> OfdRecord.of(h, REC1 + " "));
        assertThrows(IllegalArgumentException.class, () -> r.number("AppSheetSerialNo"), "not an N field");
    }

    @Test
    void numbersOfRecords() throws IOException {
        Path p = write(dir, NAME_03, crlf(file03(rec03("1", ""), rec03("2", "").replace("0000000000100000",
                "00000000001000x0"))));
        OfdCheck c = OfdReader.check(p, TA, DATE);
        assertAccepted(c);
        List<Object> amounts = new ArrayList<>();
        OfdReader.forEachRecord(p, c.header(), (no, r) -> amounts.add(r.number("ApplicationAmount")));
        assertEquals(List.of(java.util.Optional.of(new BigDecimal("1000.00")), java.util.Optional.empty()), amounts);
    }

    @Test
    void failsTheDay() throws IOException {
        for (String n : new String[] {"OFD_FM1_99_20261125_07.TXT", "OFD_FM1_99_20261125_C1_001.txt",
                "OFD_fm-1_99_2026_C5.TXT", "junk_C5.txt"}) {
            assertTrue(OfdReader.failsTheDay(write(dir, n, "")), n);
        }
        assertFalse(OfdReader.failsTheDay(write(dir, NAME_01, crlf(valid01()))));
        assertFalse(OfdReader.failsTheDay(write(dir, "OFD_FM1_99_20261125_c1.TXT", "")));
        for (String t : new String[] {"07", "C1", "C5", "C5      "}) {
            List<String> l = valid01();
            l.set(6, t);
            assertTrue(OfdReader.failsTheDay(write(dir, "README.txt", crlf(l))), t);
        }
        List<String> l = valid01();
        l.set(6, "c1");
        assertFalse(OfdReader.failsTheDay(write(dir, "README.txt", crlf(l))));
        assertFalse(OfdReader.failsTheDay(write(dir, "README.txt", "short\r\n")));
    }
}
