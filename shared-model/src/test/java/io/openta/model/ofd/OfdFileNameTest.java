package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfdFileNameTest {

    @Test
    void parsesMainBatchWithoutSuffix() {
        OfdFileName n = OfdFileName.parse("OFD_A01_99_20261125_03.TXT").orElseThrow();
        assertEquals(new OfdFileName("A01", "99", "20261125", "03", "000"), n);
        assertEquals(new OfdFileName("A01", "99", "20261125", FileType.TRADE_APPLICATIONS, "000"), n);
        assertEquals(FileType.TRADE_APPLICATIONS, n.fileType().orElseThrow());
        assertFalse(n.supplementary());
        assertEquals("OFD_A01_99_20261125_03.TXT", n.fileName());
        assertEquals("OFD_A01_99_20261125_03.TXT", n.toString());
    }

    @Test
    void parsesBatchSuffix() {
        OfdFileName n = OfdFileName.parse("OFD_A01_99_20261126_03_001.TXT").orElseThrow();
        assertEquals("001", n.batch());
        assertTrue(n.supplementary());
        assertEquals("OFD_A01_99_20261126_03_001.TXT", n.fileName());
        assertEquals("999", OfdFileName.parse("OFD_FM1_99_20261125_C1_999.TXT").orElseThrow().batch());
    }

    @Test
    void extensionWithoutRegardToCaseWritesUpperCase() {
        OfdFileName n = OfdFileName.parse("OFD_D20_99_20270315_01.txt").orElseThrow();
        assertEquals("D20", n.sender());
        assertEquals("OFD_D20_99_20270315_01.TXT", n.fileName());
        assertTrue(OfdFileName.parse("OFD_D20_99_20270315_01.TxT").isPresent());
        assertTrue(OfdFileName.parse("ofd_D20_99_20270315_01.TXT").isEmpty(), "only the extension ignores case");
    }

    @Test
    void unknownTypesParseWithoutAFileType() {
        OfdFileName n = OfdFileName.parse("OFD_A01_99_20261125_R2.TXT").orElseThrow();
        assertEquals("R2", n.typeCode());
        assertTrue(n.fileType().isEmpty());
        for (FileType t : FileType.values()) {
            OfdFileName m = OfdFileName.parse("OFD_123456789_ABCDEFGHI_20240229_" + t.code() + ".TXT")
                    .orElseThrow();
            assertEquals(t, m.fileType().orElseThrow());
            assertEquals("123456789", m.sender());
            assertEquals("ABCDEFGHI", m.receiver());
        }
    }

    @Test
    void dateIsEightDigitsNotACalendarCheck() {
        assertEquals("20261399", OfdFileName.parse("OFD_A01_99_20261399_01.TXT").orElseThrow().date());
        assertFalse(OfdFileName.validDate("20261399"));
        assertTrue(OfdFileName.validDate("20240229"));
        assertFalse(OfdFileName.validDate("20230229"));
        assertFalse(OfdFileName.validDate("2026112"));
        assertFalse(OfdFileName.validDate(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "OFD_A01_99_20261125_03_000.TXT",     // batch 000 is written without suffix
            "OFD_A01_99_20261125_03_000.txt",
            "OFD_A01_99_20261125_03_01.TXT",      // batch not 3 digits
            "OFD_A01_99_20261125_03_0001.TXT",
            "OFD_A01_99_2026112_03.TXT",          // date 7 digits
            "OFD_A01_99_20261125_3.TXT",          // type 1 char
            "OFD_A01_99_20261125_c1.TXT",         // lower-case type
            "OFD_A01_99_20261125_03.TXT.bak",
            "OFD_A01_99_20261125_03",
            "OFD_a01_99_20261125_03.TXT",         // lower-case code
            "OFD_A-1_99_20261125_03.TXT",         // code outside 0-9 A-Z
            "OFD_1234567890_99_20261125_03.TXT",  // code of 10 characters
            "OFD__99_20261125_03.TXT",            // empty code
            "OFI_A01_99_20261125.TXT",
            "README.txt",
            ""})
    void rejects(String name) {
        assertTrue(OfdFileName.parse(name).isEmpty(), name);
    }

    @Test
    void nullDoesNotParse() {
        assertTrue(OfdFileName.parse(null).isEmpty());
        assertTrue(OfiFileName.parse(null).isEmpty());
    }

    @Test
    void indexNames() {
        OfiFileName n = OfiFileName.parse("OFI_A01_99_20261125.txt").orElseThrow();
        assertEquals(new OfiFileName("A01", "99", "20261125"), n);
        assertEquals("OFI_A01_99_20261125.TXT", n.fileName());
        assertTrue(OfiFileName.parse("OFI_X02_99_202704020.TXT").isEmpty());
        assertTrue(OfiFileName.parse("OFI_A01_99_20261125_01.TXT").isEmpty());
        assertTrue(OfiFileName.isIndexName("OFI_X02_99_202704020.TXT"), "starts with OFI_ even if it does not parse");
        assertTrue(OfdFileName.isIndexName("OFI_"));
        assertFalse(OfiFileName.isIndexName("ofi_A01_99_20261125.TXT"));
        assertFalse(OfiFileName.isIndexName("OFD_A01_99_20261125_01.TXT"));
        assertFalse(OfiFileName.isIndexName(null));
    }

    @Test
    void codes() {
        assertTrue(OfdFileName.validCode("99"));
        assertTrue(OfdFileName.validCode("ABCDEFGH9"));
        assertFalse(OfdFileName.validCode("ABCDEFGH90"));
        assertFalse(OfdFileName.validCode("a1"));
        assertFalse(OfdFileName.validCode(""));
    }
}
