package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class OfdRecordBuilderTest {

    @Test
    void unsetFieldsAreSpacesOrZeros() {
        String r = new OfdRecordBuilder(FileType.FUND_QUOTES).build();
        assertEquals(40, r.length());
        assertEquals("      " + "        " + "0000000" + "00000000" + " " + "00000000" + " " + " ", r);
    }

    @Test
    void buildsAGoldenQuoteRecord() {
        // case-01-basic 20261125 07, first record
        String r = new OfdRecordBuilder(FileType.FUND_QUOTES)
                .text("FundCode", "000001")
                .text("UpdateDate", "20261125")
                .number("NAV", new BigDecimal("1"))
                .number("FundIncome", new BigDecimal("0.65430"))
                .text("FundIncomeFlag", "0")
                .number("Yield", new BigDecimal("2.401"))
                .text("YieldFlag", "0")
                .text("FundStatus", "0")
                .build();
        assertEquals("0000012026112500100000006543000024010000", r);
    }

    @Test
    void textIsLeftAlignedAndPadded() {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.FUND_PARAMETERS);
        String r = b.text("FundCode", "1").text("FundName", "Steady").text("FundType", "02").build();
        assertEquals("1     " + "Steady" + " ".repeat(34) + "02" + "0".repeat(18), r);
        // overwriting a field clears its old padding
        r = b.text("FundName", "X").build();
        assertEquals("1     " + "X" + " ".repeat(39) + "02" + "0".repeat(18), r);
        assertEquals(new OfdRecordBuilder(FileType.FUND_PARAMETERS).build(), b.reset().build());
    }

    @Test
    void rejectsBadText() {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.ACCOUNT_APPLICATIONS);
        assertThrows(IllegalArgumentException.class, () -> b.text("BusinessCode", "0011"));
        assertThrows(IllegalArgumentException.class, () -> b.text("DistributorCode", "A\u00e9"));
        assertThrows(IllegalArgumentException.class, () -> b.text("DistributorCode", "A\t"));
        assertThrows(IllegalArgumentException.class, () -> b.text("DistributorCode", "A\u007f"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.text("FundCode", "1"));
        assertTrue(e.getMessage().contains("FundCode"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.number("BusinessCode", BigDecimal.ONE));
        // A fields accept any printable text (junk is echoed back)
        assertDoesNotThrow(() -> b.text("AppSheetSerialNo", "ABC-1 x"));
    }

    @Test
    void numbersFollowOfdNumbers() {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.TRADE_APPLICATIONS);
        assertThrows(ArithmeticException.class, () -> b.number("ApplicationAmount", new BigDecimal("-1")));
        assertThrows(ArithmeticException.class, () -> b.number("ApplicationAmount", new BigDecimal("0.001")));
        assertThrows(ArithmeticException.class,
                () -> b.number("ApplicationAmount", new BigDecimal("100000000000000")));
        assertEquals(new OfdRecordBuilder(FileType.TRADE_APPLICATIONS).build(), b.build(), "failures change nothing");
        String r = b.number("ApplicationAmount", new BigDecimal("1000")).build();
        assertEquals("0000000000100000" + "0".repeat(16), r.substring(85));
        // raw digits text is allowed for N fields when it is exactly the width
        assertEquals(r, b.text("ApplicationAmount", "0000000000100000").build());
        assertThrows(IllegalArgumentException.class, () -> b.text("ApplicationAmount", "100000"));
        assertThrows(IllegalArgumentException.class, () -> b.text("ApplicationAmount", "000000000010000X"));
    }
}
