package io.openta.verify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract tables as the verifier reads them: layouts of 1.6, ErrorDetail texts, names, index lines. */
class SpecTablesTest {
    @Test
    void standardLayouts() {
        assertEquals(27, Layouts.of("02").fields().size());
        assertEquals(121, Layouts.of("04").fields().size());
        assertEquals(20, Layouts.of("05").fields().size());
        assertEquals(41, Layouts.of("06").fields().size());
        Layouts.Layout l05 = Layouts.of("05");
        assertEquals("AvailableVol", l05.fields().get(0).name());
        assertEquals(16, l05.field("TotalVolOfDistributorInTA").width());
        assertEquals(16, l05.offsets().get("TotalVolOfDistributorInTA"));
        Layouts.Field nav = Layouts.of("04").field("NAV");
        assertEquals('N', nav.type());
        assertEquals(7, nav.width());
        assertEquals(4, nav.decimals());
        assertEquals(8, Layouts.of("04").field("RateFee").decimals());
        assertEquals(60, Layouts.field("ErrorDetail").width());
    }

    @Test
    void errorDetailIsTheGbkTextCutTo60Bytes() {
        assertEquals(ReturnTexts.bytes("成功"), ReturnTexts.errorDetail("0000", 60));
        assertEquals("", ReturnTexts.errorDetail("XXXX", 60));
        for (String[] r : Layouts.table("return-codes.tsv")) {
            String d = ReturnTexts.errorDetail(r[0], 60);
            assertTrue(d.length() <= 60, r[0]);
            assertEquals(d, ByteText.cut(ReturnTexts.text(r[0]), 60));
        }
    }

    @Test
    void outputNames() {
        assertEquals("OFD_99_D01_20261125_04.TXT", OutputFileName.data("99", "D01", "20261125", "04", "000"));
        assertEquals("OFD_99_D01_20261125_04_002.TXT", OutputFileName.data("99", "D01", "20261125", "04", "002"));
        assertEquals("OFI_99_D01_20261125.TXT", OutputFileName.index("99", "D01", "20261125"));
        OutputFileName n = OutputFileName.parse("OFD_99_D01_20261125_04_002.txt").orElseThrow();
        assertEquals("04", n.type());
        assertEquals("002", n.batch());
        assertEquals("20261125", n.date());
        assertTrue(OutputFileName.parse("OFI_99_D01_20261125.TXT").orElseThrow().isIndex());
        assertTrue(OutputFileName.parse("OFD_X01_99_20261125_01.TXT.ERR").isEmpty());
    }

    @Test
    void indexLines() {
        assertEquals(List.of("OFDCFIDX", "21  ", "99       ", "M01      ", "20270403", "002",
                        "OFD_99_M01_20270403_04.TXT", "OFD_99_M01_20270403_05.TXT", "OFDCFEND"),
                IndexFileChecks.expectedLines("99", "M01", "20270403",
                        List.of("OFD_99_M01_20270403_04.TXT", "OFD_99_M01_20270403_05.TXT")));
    }

    @Test
    void confirmationCodesAndSerials() {
        assertEquals("101", ExpectedRecords.confirmationCode("001"));
        assertEquals("123", ExpectedRecords.confirmationCode("023"));
        assertEquals("1", ExpectedRecords.confirmationCode(""));
        assertEquals("1X ", ExpectedRecords.confirmationCode("XX "));
        assertEquals("20270403000000000012", ExpectedRecords.taSerial("20270403", 12));
    }
}
