package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class OfdRecordBuilderTest {

    private static int offset(FileType t, String field) {
        int off = 0;
        for (FieldDef d : t.layout()) {
            if (d.name().equals(field)) {
                return off;
            }
            off += d.width();
        }
        throw new AssertionError(field);
    }

    @Test
    void blankRecordIsSpacesAndZeros() {
        String r = new OfdRecordBuilder(FileType.SHARE_BALANCES).build();
        assertEquals(191, r.length());
        int off = offset(FileType.SHARE_BALANCES, "TotalVolOfDistributorInTA");
        assertEquals("0".repeat(16), r.substring(off, off + 16));
        int fc = offset(FileType.SHARE_BALANCES, "FundCode");
        assertEquals("      ", r.substring(fc, fc + 6));
    }

    @Test
    void textNumberAndCut() {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.TRADE_CONFIRMATIONS);
        String detail = ReturnCodeTexts.text("0000");
        b.text("FundCode", "000001")
                .number("Charge", new BigDecimal("12.5"))
                .number("NAV", new BigDecimal("1.0000"))
                .textCut("ErrorDetail", detail)
                .text("specification", Gbk.bytes("摘要"));   // names without regard to case
        String r = b.build();
        assertEquals(1234, r.length());
        int c = offset(FileType.TRADE_CONFIRMATIONS, "Charge");
        assertEquals("0000001250", r.substring(c, c + 10));
        int n = offset(FileType.TRADE_CONFIRMATIONS, "NAV");
        assertEquals("0010000", r.substring(n, n + 7));
        int e = offset(FileType.TRADE_CONFIRMATIONS, "ErrorDetail");
        assertEquals(detail + " ".repeat(60 - detail.length()), r.substring(e, e + 60));
        int s = offset(FileType.TRADE_CONFIRMATIONS, "Specification");
        assertEquals("摘要", Gbk.decode(r.substring(s, s + 60).trim()));
    }

    @Test
    void textCutKeepsWholeCharacters() {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.TRADE_CONFIRMATIONS);
        String long61 = "A" + Gbk.bytes("中".repeat(30));         // 61 bytes: cut to 59, not 60
        b.textCut("Specification", long61);
        int s = offset(FileType.TRADE_CONFIRMATIONS, "Specification");
        String field = b.build().substring(s, s + 60);
        assertEquals(long61.substring(0, 59) + " ", field);
        assertThrows(IllegalArgumentException.class, () -> b.text("Specification", long61));
    }

    @Test
    void refusals() {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.SHARE_BALANCES);
        String before = b.build();
        assertThrows(IllegalArgumentException.class, () -> b.text("FundCode", "1234567"), "longer than 6");
        assertThrows(IllegalArgumentException.class, () -> b.text("FundCode", "12\r"));
        assertThrows(IllegalArgumentException.class, () -> b.text("FundCode", "12\n"));
        assertThrows(IllegalArgumentException.class, () -> b.text("FundCode", "\u4E2D"), "not a byte string");
        assertThrows(IllegalArgumentException.class, () -> b.text("NoSuchField", "1"));
        assertThrows(IllegalArgumentException.class, () -> b.text("Charge", "1"), "not in the 05 layout");
        assertThrows(IllegalArgumentException.class, () -> b.text("TotalVolOfDistributorInTA", "12"));
        assertThrows(IllegalArgumentException.class, () -> b.text("TotalVolOfDistributorInTA", "00000000000000x0"));
        assertThrows(IllegalArgumentException.class, () -> b.number("FundCode", BigDecimal.ONE));
        assertThrows(ArithmeticException.class, () -> b.number("TotalVolOfDistributorInTA", new BigDecimal("-1")));
        assertThrows(ArithmeticException.class, () -> b.number("TotalVolOfDistributorInTA", new BigDecimal("0.001")));
        assertEquals(before, b.build(), "failures change nothing");
        assertThrows(IllegalArgumentException.class, () -> new OfdRecordBuilder(FileType.TRADE_APPLICATIONS));
    }

    @Test
    void controlBytesAndAnyByteAreWrittenAsGiven() {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.SHARE_BALANCES);
        b.text("FundCode", "\u0001\u00FF\u0080");
        int fc = offset(FileType.SHARE_BALANCES, "FundCode");
        assertEquals("\u0001\u00FF\u0080   ", b.build().substring(fc, fc + 6));
    }

    @Test
    void resetAndReuse() {
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.INCOME);
        String blank = b.build();
        b.text("FundCode", "000001");
        assertNotEquals(blank, b.build());
        assertEquals(blank, b.reset().build());
        assertEquals(FileType.INCOME, b.type());
        assertEquals(440, b.width());
    }

    @Test
    void explicitFieldList() {
        FieldDictionary d = FieldDictionary.v21();
        OfdRecordBuilder b = new OfdRecordBuilder(List.of(d.field("FundCode"), d.field("NAV")));
        assertNull(b.type());
        assertEquals("000001" + "0012345", b.text("FundCode", "000001").number("nav", new BigDecimal("1.2345")).build());
    }

    @Test
    void recordsThatSetTheirFieldsInAnotherOrderGetTheRightFields() {
        // the builder remembers where the first record's fields were; the second asks in another order
        OfdRecordBuilder b = new OfdRecordBuilder(FileType.TRADE_CONFIRMATIONS);
        String fund = "FundCode";
        String charge = "Charge";
        b.reset().text(fund, "000001").number(charge, new BigDecimal("1.00"));
        String first = b.build();
        b.reset().number(charge, new BigDecimal("2.00")).text(fund, "000002");
        String second = b.build();
        int f = offset(FileType.TRADE_CONFIRMATIONS, "FundCode");
        int c = offset(FileType.TRADE_CONFIRMATIONS, "Charge");
        assertEquals("000001", first.substring(f, f + 6));
        assertEquals("0000000100", first.substring(c, c + 10));
        assertEquals("000002", second.substring(f, f + 6));
        assertEquals("0000000200", second.substring(c, c + 10));
        // and the same order again, now recalled
        b.reset().number(charge, new BigDecimal("3.00")).text(fund, "000003");
        String third = b.build();
        assertEquals("000003", third.substring(f, f + 6));
        assertEquals("0000000300", third.substring(c, c + 10));
    }
}
