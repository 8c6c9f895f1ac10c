package io.openta.model.rules;

import static io.openta.model.rules.ReturnCodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Available shares (spec 2.5, 2.6) and the negative-income reserve. */
class PositionBookAndIncomeTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    static FundTerms mm(String u) {
        return new FundTerms(true, d("1.0000"), FeeTable.NONE, FeeTable.NONE, "0", d(u));
    }

    @Test
    void rawIsExact() {
        assertEquals(0, d("0.0150015").compareTo(IncomeRules.raw(d("100.01"), d("1.5"))));
        assertEquals(0, d("-0.08642043456").compareTo(IncomeRules.raw(d("700.01"), d("-1.23456"))));
        assertEquals(0, d("0.0099").compareTo(IncomeRules.raw(d("198.00"), d("0.5"))));
    }

    @Test
    void reserveIsTheCeilingOfTheLossToTheCent() {
        assertMoney("0.16", IncomeRules.negativeIncomeReserve(d("1000.05"), d("-1.5"))); // 0.1500075
        assertMoney("0.15", IncomeRules.negativeIncomeReserve(d("1000.00"), d("-1.5"))); // exact
        assertMoney("0.09", IncomeRules.negativeIncomeReserve(d("700.01"), d("-1.23456")));
        assertMoney("0.01", IncomeRules.negativeIncomeReserve(d("10.00"), d("-5"))); // 0.005
        assertMoney("0.01", IncomeRules.negativeIncomeReserve(d("0.65"), d("-0.0123"))); // 0.0000008
        assertMoney("0", IncomeRules.negativeIncomeReserve(d("1000.00"), d("1.5")));
        assertMoney("0", IncomeRules.negativeIncomeReserve(d("1000.00"), BigDecimal.ZERO));
        assertMoney("0", IncomeRules.negativeIncomeReserve(BigDecimal.ZERO, d("-1.5")));
        assertEquals(2, IncomeRules.negativeIncomeReserve(d("1000.00"), d("1.5")).scale());
    }

    @Test
    void mainClearingAvailableIsPreviousCloseLessTheReserve() {
        PositionBook b = PositionBook.mainClearing(d("1000.05"), mm("-1.5"));
        assertMoney("1000.05", b.holding());
        assertMoney("999.89", b.available());
        assertEquals(INSUFFICIENT_SHARES,
                TradeRules.confirm(TradeRules.REDEMPTION, "0000000000000000", "0000000000100000", mm("-1.5"), b).code());
        assertEquals(OK,
                TradeRules.confirm(TradeRules.REDEMPTION, "0000000000000000", "0000000000099989", mm("-1.5"), b).code());
        assertMoney("0", b.available());
        assertMoney("0.16", b.holding()); // what the day's income (at most 0.16 lost) may take
    }

    @Test
    void noReserveForPositiveIncomeOrANavFund() {
        assertMoney("1000.05", PositionBook.mainClearing(d("1000.05"), mm("1.5")).available());
        assertMoney("1000.05", PositionBook.mainClearing(d("1000.05"), mm("0")).available());
        FundTerms nav = new FundTerms(false, d("1.0612"), Fees.flat(d("0.024")), Fees.flat(d("0.005")), "0", d("-0.5"));
        assertMoney("1847.28", PositionBook.mainClearing(d("1847.28"), nav).available());
    }

    @Test
    void newPositionHasNothingAvailable() {
        PositionBook b = PositionBook.mainClearing(BigDecimal.ZERO.setScale(2), mm("-1.5"));
        assertMoney("0", b.available());
        assertMoney("0", b.holding());
    }

    @Test
    void secondaryClearingSeesTheCloseBeforeTheBatchOnly() {
        FundTerms f = mm("-3");
        PositionBook b = PositionBook.secondaryClearing(d("2000.03"));
        assertMoney("2000.03", b.available()); // no reserve in a batch: income is not recomputed
        assertEquals(OK, TradeRules.confirm(TradeRules.PURCHASE, "0000000000050000", "0000000000000000", f, b).code());
        assertMoney("2500.03", b.holding());
        assertMoney("2000.03", b.available());
        assertEquals(OK, TradeRules.confirm(TradeRules.REDEMPTION, "0000000000000000", "0000000000200003", f, b).code());
        assertEquals(INSUFFICIENT_SHARES,
                TradeRules.confirm(TradeRules.REDEMPTION, "0000000000000000", "0000000000000001", f, b).code());
        assertMoney("500.00", b.holding());
        // the next batch starts from this close
        PositionBook next = PositionBook.secondaryClearing(b.holding());
        assertEquals(INSUFFICIENT_SHARES,
                TradeRules.confirm(TradeRules.REDEMPTION, "0000000000000000", "0000000000050001", f, next).code());
        assertEquals(OK,
                TradeRules.confirm(TradeRules.REDEMPTION, "0000000000000000", "0000000000050000", f, next).code());
        assertMoney("0", next.holding());
    }

    @Test
    void bookkeepingAcrossASequence() {
        FundTerms f = new FundTerms(false, d("1.0000"), FeeTable.NONE, FeeTable.NONE, "0", BigDecimal.ZERO);
        PositionBook b = PositionBook.mainClearing(d("100.00"), f);
        String[][] steps = {
                {"024", "0000000000003000", OK, "70.00", "70.00"},
                {"022", "0000000000005000", OK, "70.00", "120.00"},
                {"024", "0000000000007001", INSUFFICIENT_SHARES, "70.00", "120.00"},
                {"024", "0000000000007000", OK, "0.00", "50.00"},
                {"024", "0000000000000001", INSUFFICIENT_SHARES, "0.00", "50.00"},
                {"022", "0000000000000001", OK, "0.00", "50.01"},
        };
        for (String[] s : steps) {
            boolean purchase = s[0].equals("022");
            Confirmation c = TradeRules.confirm(s[0], purchase ? s[1] : "0000000000000000",
                    purchase ? "0000000000000000" : s[1], f, b);
            assertEquals(s[2], c.code(), String.join(",", s));
            assertMoney(s[3], b.available());
            assertMoney(s[4], b.holding());
        }
        assertMoney("50.01", b.purchased());
        assertMoney("100.00", b.redeemed());
    }
}
