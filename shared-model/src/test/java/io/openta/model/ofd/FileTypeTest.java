package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

class FileTypeTest {

    @Test
    void standardLayoutsOfTheOutputTypes() {
        assertEquals(27, FileType.ACCOUNT_CONFIRMATIONS.layout().size());
        assertEquals(121, FileType.TRADE_CONFIRMATIONS.layout().size());
        assertEquals(20, FileType.SHARE_BALANCES.layout().size());
        assertEquals(41, FileType.INCOME.layout().size());
        assertEquals(465, FileType.ACCOUNT_CONFIRMATIONS.recordWidth());
        assertEquals(1234, FileType.TRADE_CONFIRMATIONS.recordWidth());
        assertEquals(191, FileType.SHARE_BALANCES.recordWidth());
        assertEquals(440, FileType.INCOME.recordWidth());
        List<FieldDef> l02 = FileType.ACCOUNT_CONFIRMATIONS.layout();
        assertEquals(List.of("AppSheetSerialNo", "TransactionCfmDate", "ReturnCode", "TransactionAccountID"),
                l02.subList(0, 4).stream().map(FieldDef::name).toList());
        assertSame(FieldDictionary.get("Charge"), FileType.TRADE_CONFIRMATIONS.layout().stream()
                .filter(f -> f.name().equals("Charge")).findFirst().orElseThrow(), "version-21 definitions");
    }

    @Test
    void inputTypes() {
        for (FileType t : FileType.values()) {
            boolean in = List.of("01", "03", "07", "C1", "C5").contains(t.code());
            assertEquals(in, t.input(), t.code());
            assertEquals(in, t.layout().isEmpty(), t.code());
            if (in) {
                assertEquals(0, t.recordWidth());
            }
        }
        assertEquals(List.of("FundCode", "FundName", "FundType"), FileType.FUND_PARAMETERS.requiredFields());
        assertEquals(9, FileType.FEE_RATES.requiredFields().size());
        assertEquals(10, FileType.TRADE_APPLICATIONS.requiredFields().size());
        assertEquals(7, FileType.ACCOUNT_APPLICATIONS.requiredFields().size());
        assertEquals(8, FileType.FUND_QUOTES.requiredFields().size());
        assertEquals(List.of("DistributorCode", "TransactionAccountID", "TAAccountID", "FundCode",
                "TotalVolOfDistributorInTA"), FileType.SHARE_BALANCES.requiredFields());
        assertTrue(FileType.INCOME.requiredFields().isEmpty());
    }

    @Test
    void byCode() {
        for (FileType t : FileType.values()) {
            assertSame(t, FileType.byCode(t.code()).orElseThrow());
        }
        assertEquals(FileType.FEE_RATES, FileType.byCode("C5").orElseThrow());
        assertTrue(FileType.byCode("c1").isEmpty());
        assertTrue(FileType.byCode("08").isEmpty());
        assertTrue(FileType.byCode(null).isEmpty());
    }
}
