package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OfdFileNameTest {

    @Test
    void parsesMainBatchWithoutSuffix() {
        OfdFileName n = OfdFileName.parse("OFD_A01_99_20261125_03.TXT").orElseThrow();
        assertEquals(new OfdFileName("A01", "99", "20261125", FileType.TRADE_APPLICATIONS, "000"), n);
        assertEquals("OFD_A01_99_20261125_03.TXT", n.fileName());
    }

    @Test
    void parsesBatchSuffix() {
        OfdFileName n = OfdFileName.parse("OFD_A01_99_20261126_03_001.TXT").orElseThrow();
        assertEquals("001", n.batch());
        assertEquals(FileType.TRADE_APPLICATIONS, n.type());
        assertEquals("OFD_A01_99_20261126_03_001.TXT", n.fileName());
        assertEquals("999", OfdFileName.parse("OFD_FM1_99_20261125_C1_999.TXT").orElseThrow().batch());
    }

    @Test
    void writesBatch000WithoutSuffix() {
        assertEquals("OFD_99_A01_20261125_02.TXT",
                new OfdFileName("99", "A01", "20261125", FileType.ACCOUNT_CONFIRMATIONS, "000").fileName());
        assertEquals("OFD_99_A01_20261125_04_002.TXT",
                new OfdFileName("99", "A01", "20261125", FileType.TRADE_CONFIRMATIONS, "002").fileName());
    }

    @Test
    void parsesAllTypesAndNineCharCodes() {
        for (FileType t : FileType.values()) {
            OfdFileName n = OfdFileName.parse("OFD_123456789_ABCDEFGHI_20240229_" + t.code() + ".TXT").orElseThrow();
            assertEquals(t, n.type());
            assertEquals("123456789", n.sender());
            assertEquals("ABCDEFGHI", n.receiver());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "OFD_A01_99_20261125_03_000.TXT", // batch 000 is written without suffix
            "OFD_A01_99_20261301_03.TXT",     // month 13
            "OFD_A01_99_20260230_03.TXT",     // 30 February
            "OFD_A01_99_20250229_03.TXT",     // not a leap year
            "OFD_A01_99_2026112_03.TXT",      // 7-digit date
            "OFD_A01_99_2026112A_03.TXT",
            "OFD_A01_99_20261125_08.TXT",     // unknown type
            "OFD_A01_99_20261125_c1.TXT",     // type is case-sensitive
            "OFD_A01_99_20261125_03.txt",     // extension is case-sensitive
            "OFD_A01_99_20261125_03_01.TXT",  // batch is 3 digits
            "OFD_A01_99_20261125_03_0001.TXT",
            "OFD_A01_99_20261125_03.TXT.bak",
            "OFD__99_20261125_03.TXT",        // empty sender
            "OFD_A012345678_99_20261125_03.TXT", // 10-char sender
            "OFD_A 1_99_20261125_03.TXT",     // space
            "ofd_A01_99_20261125_03.TXT",
            "README.txt",
            ""})
    void rejectsBadNames(String name) {
        assertTrue(OfdFileName.parse(name).isEmpty(), name);
    }

    @Test
    void nullDoesNotParse() {
        assertTrue(OfdFileName.parse(null).isEmpty());
    }

    @Test
    void validDate() {
        assertTrue(OfdFileName.validDate("20240229"));
        assertFalse(OfdFileName.validDate("20230229"));
        assertFalse(OfdFileName.validDate("20241131"));
        assertFalse(OfdFileName.validDate("2024-1-1"));
        assertFalse(OfdFileName.validDate(null));
    }
}
