package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FieldDictionaryTest {

    @Test
    void hasAll35FieldsWithTheirTypes() {
        assertEquals(35, FieldDictionary.all().size());
        Set<String> names = new HashSet<>();
        FieldDictionary.all().forEach(f -> names.add(f.name()));
        assertEquals(35, names.size());
        assertEquals(new FieldDef("AppSheetSerialNo", FieldType.A, 24, 0), FieldDictionary.get("AppSheetSerialNo"));
        assertEquals(new FieldDef("DistributorCode", FieldType.C, 9, 0), FieldDictionary.get("DistributorCode"));
        assertEquals(new FieldDef("NAV", FieldType.N, 7, 4), FieldDictionary.get("NAV"));
        assertEquals(new FieldDef("Charge", FieldType.N, 10, 2), FieldDictionary.get("Charge"));
        assertEquals(new FieldDef("FundIncome", FieldType.N, 8, 5), FieldDictionary.get("FundIncome"));
        assertEquals(new FieldDef("PurchaseFeeRate", FieldType.N, 9, 8), FieldDictionary.get("PurchaseFeeRate"));
        assertEquals(new FieldDef("FundName", FieldType.C, 40, 0), FieldDictionary.get("FundName"));
        assertEquals(new FieldDef("DividendAmountFlag", FieldType.C, 1, 0),
                FieldDictionary.get("DividendAmountFlag"));
        for (FieldDef f : FieldDictionary.all()) {
            if (f.type() != FieldType.N) {
                assertEquals(0, f.decimals(), f.name());
            }
        }
    }

    @Test
    void unknownFieldsAreEmptyOrThrowNamingTheField() {
        assertTrue(FieldDictionary.find("Nope").isEmpty());
        assertTrue(FieldDictionary.find("nav").isEmpty(), "names are case-sensitive");
        assertTrue(FieldDictionary.find(null).isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FieldDictionary.get("Nope"));
        assertTrue(e.getMessage().contains("Nope"), e.getMessage());
    }

    @Test
    void fileTypesHaveCodesDirectionsAndLayouts() {
        assertEquals(List.of("01", "02", "03", "04", "05", "06", "07", "C1"),
                java.util.Arrays.stream(FileType.values()).map(FileType::code).toList());
        for (FileType t : FileType.values()) {
            assertEquals(t, FileType.byCode(t.code()).orElseThrow());
            assertEquals(t.layout().stream().mapToInt(FieldDef::width).sum(), t.recordWidth());
        }
        assertTrue(FileType.byCode("c1").isEmpty());
        assertTrue(FileType.byCode("08").isEmpty());
        assertTrue(FileType.byCode(null).isEmpty());
        assertEquals(Set.of(FileType.ACCOUNT_APPLICATIONS, FileType.TRADE_APPLICATIONS, FileType.FUND_QUOTES,
                        FileType.FUND_PARAMETERS),
                java.util.EnumSet.copyOf(java.util.Arrays.stream(FileType.values()).filter(FileType::input).toList()));
        assertEquals(68, FileType.ACCOUNT_APPLICATIONS.recordWidth());
        assertEquals(77, FileType.ACCOUNT_CONFIRMATIONS.recordWidth());
        assertEquals(117, FileType.TRADE_APPLICATIONS.recordWidth());
        assertEquals(40, FileType.FUND_QUOTES.recordWidth());
        assertEquals(66, FileType.FUND_PARAMETERS.recordWidth());
        assertEquals(List.of("FundCode", "FundName", "FundType", "PurchaseFeeRate", "RedemptionFeeRate"),
                FileType.FUND_PARAMETERS.layout().stream().map(FieldDef::name).toList());
        assertEquals(16, FileType.TRADE_CONFIRMATIONS.layout().size());
        assertEquals("ReturnCode", FileType.TRADE_CONFIRMATIONS.layout().get(15).name());
        assertEquals("TASerialNO", FileType.TRADE_CONFIRMATIONS.layout().get(1).name());
        assertEquals(11, FileType.INCOME.layout().size());
        assertEquals(6, FileType.SHARE_BALANCES.layout().size());
        assertThrows(UnsupportedOperationException.class, () -> FileType.INCOME.layout().clear());
    }
}
