package io.openta.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading back the TA's files: what makes them unreadable, and what departs from the written form. */
class OutputFileTest {
    @TempDir
    Path tmp;

    private static final Layouts.Layout L05 = Layouts.of("05");

    private static List<String> file05(String... accounts) {
        List<String> recs = new ArrayList<>();
        for (String a : accounts) {
            recs.add(TestFiles.record("05", Map.of("TAAccountID", a, "FundCode", "MMF001", "DistributorCode", "D01",
                    "TotalVolOfDistributorInTA", new BigDecimal("12.50"), "AvailableVol", new BigDecimal("12.50"))));
        }
        return TestFiles.lines("05", "99", "D01", "20261125", recs);
    }

    private OutputFile.Structure check(List<String> lines, String eol) throws IOException {
        Path f = TestFiles.write(tmp.resolve("f.TXT"), lines, eol);
        return OutputFile.check(f, L05, "99", "D01", "20261125");
    }

    @Test
    void aWellWrittenFileReadsWithoutDeviation() throws IOException {
        List<String> lines = file05("000000000001", "000000000002");
        OutputFile.Structure s = check(lines, "\r\n");
        assertNull(s.problem());
        assertEquals(2, s.records());
        assertEquals(List.of(), s.deviations());
        List<String> seen = new ArrayList<>();
        OutputFile.forEachRecord(tmp.resolve("f.TXT"), L05, s.records(), (no, line) -> seen.add(
                ByteText.rtrim(L05.text(line, "TAAccountID"))));
        assertEquals(List.of("000000000001", "000000000002"), seen);
    }

    @Test
    void departuresFromTheWrittenFormAreListedButRead() throws IOException {
        List<String> lines = file05("000000000001");
        lines.set(1, "21");
        lines.set(5, "000");
        OutputFile.Structure s = check(lines, "\n");
        assertNull(s.problem());
        assertEquals(3, s.deviations().size(), s.deviations().toString());
        assertEquals("header line 2", s.deviations().get(0).where());
        assertEquals("header line 6", s.deviations().get(1).where());
        assertEquals("LF only", s.deviations().get(2).found());
    }

    @Test
    void unreadableFilesSayWhy() throws IOException {
        List<String> lines = file05("000000000001", "000000000002");
        List<String> dropped = new ArrayList<>(lines);
        dropped.remove(dropped.size() - 2);
        assertEquals("COUNT", check(dropped, "\r\n").problem().reason());

        List<String> noTrailer = new ArrayList<>(lines.subList(0, lines.size() - 1));
        assertEquals("TRAILER", check(noTrailer, "\r\n").problem().reason());

        List<String> shortRecord = new ArrayList<>(lines);
        int first = lines.indexOf("DefDividendMethod") + 2;
        shortRecord.set(first, lines.get(first).substring(1));
        assertEquals("LENGTH", check(shortRecord, "\r\n").problem().reason());

        List<String> fields = new ArrayList<>(lines);
        fields.set(10, "TotalVolOfDistributorInTA");
        OutputFile.Structure s = check(fields, "\r\n");
        assertEquals("FIELDS", s.problem().reason());
        assertTrue(s.problem().detail().contains("AvailableVol"), s.problem().detail());

        List<String> receiver = new ArrayList<>(lines);
        receiver.set(3, "D02");
        assertEquals("HEADER", check(receiver, "\r\n").problem().reason());

        assertEquals("HEADER", check(lines.subList(0, 5), "\r\n").problem().reason());
    }
}
