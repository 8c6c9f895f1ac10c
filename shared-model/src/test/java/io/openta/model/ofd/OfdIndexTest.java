package io.openta.model.ofd;

import static io.openta.model.ofd.OfdTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfdIndexTest {

    @TempDir
    Path dir;

    static final String NAME = "OFI_A01_99_20261125.TXT";
    static final List<String> INBOX = List.of(NAME_01, NAME_03, "OFD_A01_99_20261125_03_001.txt",
            "OFD_B02_99_20261125_01.TXT", "OFD_FM1_99_20261125_07.TXT", NAME, "README.txt");

    private static List<String> index(String... names) {
        List<String> l = new ArrayList<>(List.of("OFDCFIDX", "21  ", "A01      ", "99       ", DATE,
                String.format("%03d", names.length)));
        l.addAll(List.of(names));
        l.add("OFDCFEND");
        return l;
    }

    private IndexCheck check(String name, String content) throws IOException {
        return OfdIndex.check(write(dir, name, content), TA, DATE, INBOX);
    }

    private IndexCheck check(List<String> lines) throws IOException {
        return check(NAME, crlf(lines));
    }

    private static void assertIndexRejected(String detailStart, IndexCheck c) {
        assertFalse(c.accepted(), "expected rejection " + detailStart);
        assertEquals(Rejection.INDEX, c.rejection().reason());
        assertTrue(c.rejection().detail().startsWith(detailStart), c.rejection().errLine());
        assertTrue(c.listed().isEmpty());
    }

    @Test
    void acceptedListsTheInboxNames() throws IOException {
        IndexCheck c = check(index(NAME_01, "ofd_a01_99_20261125_03.txt", "OFD_A01_99_20261125_03_001.TXT"));
        assertTrue(c.accepted(), () -> c.rejection().errLine());
        assertEquals("A01", c.sender());
        assertEquals(List.of(NAME_01, NAME_03, "OFD_A01_99_20261125_03_001.txt"), c.listed(),
                "the inbox's actual names");
        assertEquals(NAME + ".ERR", c.errFileName());
    }

    @Test
    void lfAndVersions20And22AndCountsOfAnyWidth() throws IOException {
        assertTrue(check(NAME, lf(index(NAME_01))).accepted());
        List<String> v20 = index(NAME_01);
        v20.set(1, "20");
        assertTrue(check(v20).accepted());
        List<String> v22 = index(NAME_01);
        v22.set(1, "22      ");
        v22.set(2, pad("A01", 20));
        v22.set(3, pad("99", 20));
        v22.set(5, "00000001");
        assertTrue(check(v22).accepted());
        assertTrue(check("OFI_A01_99_20261125.txt", crlf(index())).accepted(), "an empty index");
    }

    @Test
    void controlCharactersAreNotChecked() throws IOException {
        List<String> l = index(NAME_01);
        l.set(6, NAME_01 + "\t");
        // the tab is not trimmed: the name is not in the inbox; but it is not an encoding rejection
        assertIndexRejected("a listed file is not in the inbox", check(l));
    }

    @Test
    void eachRejectionRule() throws IOException {
        List<String> gbk = index(NAME_01);
        gbk.set(7, "OFDCFEND\u00FF");
        assertIndexRejected("not valid GBK", check(gbk));
        assertIndexRejected("name does not parse", check("OFI_A01_99_202611250.TXT", crlf(index(NAME_01))));
        assertNull(check("OFI_A01_99_202611250.TXT", crlf(index(NAME_01))).sender());

        List<String> l3 = index(NAME_01);
        l3.set(2, "A99");
        assertIndexRejected("header line 3 disagrees with the name", check(l3));
        List<String> l5 = index(NAME_01);
        l5.set(4, "20261126");
        assertIndexRejected("header line 5 disagrees with the name", check(l5));

        assertIndexRejected("header", check(index().subList(0, 4)));

        List<String> marker = index(NAME_01);
        marker.set(0, "OFDCFDAT");
        assertIndexRejected("marker", check(marker));
        List<String> version = index(NAME_01);
        version.set(1, "19");
        assertIndexRejected("version", check(version));

        List<String> receiver = index(NAME_01);
        receiver.set(3, "98");
        assertIndexRejected("receiver is not the TA", check("OFI_A01_98_20261125.TXT", crlf(receiver)));
        List<String> date = index(NAME_01);
        date.set(4, "20000101");
        assertIndexRejected("date", check("OFI_A01_99_20000101.TXT", crlf(date)));

        List<String> count = index(NAME_01);
        count.set(5, "0x1");
        assertIndexRejected("file count", check(count));
        count.set(5, "002");
        assertIndexRejected("file count", check(count));
        count.set(5, "");
        assertIndexRejected("file count", check(count));

        List<String> trailer = index(NAME_01);
        trailer.remove(trailer.size() - 1);
        assertIndexRejected("last line is not OFDCFEND", check(trailer));
        assertIndexRejected("last line is not OFDCFEND", check(NAME, crlf(index(NAME_01)) + "\r\n"));

        assertIndexRejected("a listed file is not in the inbox", check(index(NAME_01, "OFD_A01_99_20261125_03_009.TXT")));
        assertIndexRejected("a file is listed twice", check(index(NAME_01, "ofd_a01_99_20261125_01.txt")));
        assertIndexRejected("a listed file is not a 01 or 03 file of A01", check(index("OFD_FM1_99_20261125_07.TXT")));
        assertIndexRejected("a listed file is not a 01 or 03 file of A01", check(index("OFD_B02_99_20261125_01.TXT")));
        assertIndexRejected("a listed file is not a 01 or 03 file of A01", check(index("README.txt")));
        assertIndexRejected("a listed file is not a 01 or 03 file of A01", check(index(NAME)));
    }

    @Test
    void rejectionOrder() throws IOException {
        // bad marker and bad count and missing trailer: the header wins
        List<String> l = index(NAME_01);
        l.set(0, "X");
        l.set(5, "x");
        l.remove(l.size() - 1);
        assertIndexRejected("marker", check(l));
        // a name disagreeing with line 3 comes before the marker
        l.set(2, "B02");
        assertIndexRejected("header line 3", check(l));
        // the trailer comes before the count
        List<String> t = index(NAME_01);
        t.set(5, "x");
        t.remove(t.size() - 1);
        assertIndexRejected("last line is not OFDCFEND", check(t));
    }

    @Test
    void verdicts() throws IOException {
        Path ok = write(dir, "OFI_A01_99_20261125.TXT", crlf(index(NAME_01)));
        List<String> bad = index(NAME_03);
        bad.set(0, "X");
        Path rejected = write(dir, "OFI_A01_99_20261125.txt", crlf(bad));
        Path badB = write(dir, "OFI_B02_99_20261125.TXT", "junk\r\n");
        Path unparsed = write(dir, "OFI_C03_99_2026112.TXT", "junk\r\n");
        List<IndexCheck> checks = new ArrayList<>();
        for (Path p : List.of(ok, rejected, badB, unparsed)) {
            checks.add(OfdIndex.check(p, TA, DATE, INBOX));
        }
        assertTrue(checks.get(0).accepted());
        assertFalse(checks.get(1).accepted());
        assertEquals("A01", checks.get(1).sender());
        IndexVerdicts v = OfdIndex.verdicts(checks);
        assertEquals(Optional.empty(), v.forDataFile(NAME_01, "A01"), "listed by an accepted index");
        assertEquals(Optional.empty(), v.forDataFile("ofd_a01_99_20261125_01.TXT", "A01"));
        assertEquals("REJECTED INDEX index rejected", v.forDataFile(NAME_03, "A01").orElseThrow().errLine());
        assertEquals("REJECTED INDEX index rejected", v.forDataFile("OFD_B02_99_20261125_01.TXT", "B02")
                .orElseThrow().errLine());
        assertEquals("REJECTED INDEX not listed", v.forDataFile("OFD_C03_99_20261125_01.TXT", "C03")
                .orElseThrow().errLine(), "an index whose name does not parse counts for nobody");
        assertEquals("REJECTED INDEX not listed", v.forDataFile("OFD_D04_99_20261125_01.TXT", "D04")
                .orElseThrow().errLine());
        assertEquals("REJECTED INDEX not listed", OfdIndex.verdicts(List.of()).forDataFile(NAME_01, "A01")
                .orElseThrow().errLine());

        // forCheck: 07 needs no index, a rejected file keeps its own reason
        Path q = write(dir, "OFD_FM1_99_20261125_07.TXT", crlf(quote07()));
        OfdCheck c07 = OfdReader.check(q, TA, DATE);
        assertTrue(c07.accepted(), () -> c07.rejection().errLine());
        assertEquals(Optional.empty(), v.forCheck(c07));
        OfdCheck c01 = OfdReader.check(write(dir, NAME_01, crlf(valid01())), TA, DATE);
        assertEquals(Optional.empty(), v.forCheck(c01));
        OfdCheck c03 = OfdReader.check(write(dir, NAME_03, crlf(file03(rec03("1", "")))), TA, DATE);
        assertEquals(Rejection.INDEX, v.forCheck(c03).orElseThrow().reason());
        OfdCheck bad03 = OfdReader.check(write(dir, NAME_03, "x"), TA, DATE);
        assertEquals(Rejection.HEADER, v.forCheck(bad03).orElseThrow().reason());
    }

    private static List<String> quote07() {
        List<String> l = header21("21", "FM1", "99", DATE, "07", 8);
        l.addAll(FileType.FUND_QUOTES.requiredFields());
        l.add("00000000");
        l.add("OFDCFEND");
        return l;
    }

    @Test
    void writeMatchesTheGoldenLayout() throws IOException {
        Path p = dir.resolve("OFI_99_A01_20261125.TXT");
        OfdIndex.write(p, "99", "A01", DATE, List.of("OFD_99_A01_20261125_02.TXT", "OFD_99_A01_20261125_05.TXT"));
        assertEquals("OFDCFIDX\r\n21  \r\n99       \r\nA01      \r\n20261125\r\n002\r\n"
                + "OFD_99_A01_20261125_02.TXT\r\nOFD_99_A01_20261125_05.TXT\r\nOFDCFEND\r\n", read(p));
        assertThrows(IllegalArgumentException.class, () -> OfdIndex.write(p, "99", "a1", DATE, List.of()));
        assertThrows(IllegalArgumentException.class, () -> OfdIndex.write(p, "99", "A1", DATE, List.of("a b")));
        // what the TA writes is an index a receiver accepts (with the roles swapped)
        Files.writeString(dir.resolve("OFD_99_A01_20261125_02.TXT"), "");
        IndexCheck c = OfdIndex.check(p, "A01", DATE, List.of("OFD_99_A01_20261125_02.TXT",
                "OFD_99_A01_20261125_05.TXT"));
        assertEquals(Rejection.INDEX, c.rejection().reason(), "02 and 05 are not 01 or 03 files");
    }
}
