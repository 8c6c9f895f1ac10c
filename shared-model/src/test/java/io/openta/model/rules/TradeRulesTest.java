package io.openta.model.rules;

import static io.openta.model.rules.ReturnCodes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Purchases and redemptions (spec 2.3) from the fund-status check on. */
class TradeRulesTest {
    static final String P = TradeRules.PURCHASE;
    static final String R = TradeRules.REDEMPTION;
    static final String NO_VOL = "0000000000000000";
    static final String NO_AMOUNT = "0000000000000000";

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** N16,2 text of a value. */
    static String n16(String value) {
        return String.format("%016d", d(value).movePointRight(2).longValueExact());
    }

    static FundTerms navFund(String nav, String pr, String rr, String status) {
        return new FundTerms(false, d(nav), Fees.flat(d(pr)), Fees.flat(d(rr)), status, BigDecimal.ZERO);
    }

    static FundTerms mmFund(String u, String status) {
        return new FundTerms(true, d("1.0000"), FeeTable.NONE, FeeTable.NONE, status, d(u));
    }

    static PositionBook book(FundTerms fund, String previousClose) {
        return PositionBook.mainClearing(d(previousClose), fund);
    }

    static Confirmation buy(FundTerms fund, PositionBook book, String amount) {
        return TradeRules.confirm(P, n16(amount), NO_VOL, fund, book);
    }

    static Confirmation sell(FundTerms fund, PositionBook book, String vol) {
        return TradeRules.confirm(R, NO_AMOUNT, n16(vol), fund, book);
    }

    static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    static void assertRefusedWithNothing(String code, Confirmation c) {
        assertEquals(code, c.code());
        assertFalse(c.ok());
        assertMoney("0", c.amount());
        assertMoney("0", c.vol());
        assertMoney("0", c.charge());
    }

    // ------------------------------------------------------------------ purchase arithmetic

    @Test
    void goldenPurchaseExample() {
        FundTerms f = navFund("1.2345", "0.015", "0.005", "0");
        PositionBook b = book(f, "0");
        Confirmation c = buy(f, b, "5000.00");
        assertEquals(OK, c.code());
        assertTrue(c.ok());
        assertMoney("5000.00", c.amount());
        assertMoney("73.89", c.charge());
        assertMoney("3990.36", c.vol());
        assertMoney("5000.00", c.applicationAmount());
        assertMoney("3990.36", b.holding());
        assertMoney("3990.36", b.purchased());
        assertMoney("0", b.available()); // T's purchases are not available on T
    }

    @Test
    void netIsRoundedHalfUpOnAnExactTie() {
        // 2000.00 / 1.024 = 1953.125 exactly: half-up 1953.13 (half-even and down would give 1953.12)
        FundTerms f = navFund("1.0573", "0.024", "0", "0");
        Confirmation c = buy(f, book(f, "0"), "2000.00");
        assertMoney("46.87", c.charge());
        // 1953.13 / 1.0573 = 1847.2808...: rounded down
        assertMoney("1847.28", c.vol());
        // 6400.64 / 1.024 = 6250.625 exactly
        c = buy(f, book(f, "0"), "6400.64");
        assertMoney("150.01", c.charge());
        assertMoney("5911.87", c.vol()); // 5911.8793...
    }

    @Test
    void volumeIsRoundedDownNeverUp() {
        // 1222.34 / 1.1111 = 1100.1170...; 100.00 / 0.0003 = 333333.333...; 2.00 / 0.6 = 3.3333
        FundTerms f = navFund("1.1111", "0.01", "0", "0");
        assertMoney("1100.11", buy(f, book(f, "0"), "1234.56").vol());
        FundTerms g = navFund("0.0003", "0", "0", "0");
        assertMoney("333333.33", buy(g, book(g, "0"), "100.00").vol());
        FundTerms h = navFund("0.6000", "0", "0", "0");
        assertMoney("3.33", buy(h, book(h, "0"), "2.00").vol());
        // 0.99999... would round up to 1.67 under half-up: 1.00/0.6 = 1.6666...
        assertMoney("1.66", buy(h, book(h, "0"), "1.00").vol());
    }

    @Test
    void moneyMarketPurchaseIsOneShareAUnit() {
        FundTerms f = mmFund("0.5", "0");
        Confirmation c = buy(f, book(f, "0"), "1060.00");
        assertMoney("1060.00", c.vol());
        assertMoney("0", c.charge());
        assertMoney("1060.00", c.amount());
    }

    // ------------------------------------------------------------------ redemption arithmetic

    @Test
    void redemptionGrossAndChargeRoundHalfUp() {
        // 1037.50 x 1.0612 = 1100.995 -> 1101.00; 1101.00 x 0.005 = 5.505 -> 5.51
        FundTerms f = navFund("1.0612", "0.024", "0.005", "0");
        PositionBook b = book(f, "1847.28");
        Confirmation c = sell(f, b, "1037.50");
        assertEquals(OK, c.code());
        assertMoney("5.51", c.charge());
        assertMoney("1095.49", c.amount());
        assertMoney("1037.50", c.vol());
        assertMoney("1037.50", c.applicationVol());
        // 809.78 x 1.0612 = 859.338536 -> 859.34; x 0.005 = 4.2967 -> 4.30
        c = sell(f, b, "809.78");
        assertMoney("4.30", c.charge());
        assertMoney("855.04", c.amount());
        assertMoney("0", b.holding());
        assertMoney("0", b.available());
        assertMoney("1847.28", b.redeemed());
    }

    @Test
    void redemptionChargeTieRoundsUp() {
        // 100.00 x 1.15 = 115.00; x 0.005 = 0.575 -> 0.58
        FundTerms f = navFund("1.1500", "0", "0.005", "0");
        Confirmation c = sell(f, book(f, "1100.11"), "100.00");
        assertMoney("0.58", c.charge());
        assertMoney("114.42", c.amount());
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void fundStatus() {
        FundTerms suspended = navFund("1", "0", "0", "4");
        assertRefusedWithNothing(SUSPENDED, buy(suspended, book(suspended, "100"), "10.00"));
        assertRefusedWithNothing(SUSPENDED, sell(suspended, book(suspended, "100"), "10.00"));
        FundTerms noBuy = navFund("1", "0", "0", "5");
        assertRefusedWithNothing(PURCHASE_SUSPENDED, buy(noBuy, book(noBuy, "100"), "10.00"));
        assertEquals(OK, sell(noBuy, book(noBuy, "100"), "40.00").code());
        FundTerms noSell = navFund("1", "0", "0", "6");
        assertRefusedWithNothing(REDEMPTION_SUSPENDED, sell(noSell, book(noSell, "100"), "40.00"));
        assertEquals(OK, buy(noSell, book(noSell, "100"), "10.00").code());
    }

    @Test
    void statusComesBeforeTheAmountChecks() {
        FundTerms suspended = navFund("1", "0", "0", "4");
        Confirmation c = TradeRules.confirm(P, "XXXXXXXXXXXXXXXX", NO_VOL, suspended, book(suspended, "0"));
        assertRefusedWithNothing(SUSPENDED, c);
        assertMoney("0", c.applicationAmount());
        FundTerms noSell = navFund("1", "0", "0", "6");
        assertEquals(REDEMPTION_SUSPENDED, sell(noSell, book(noSell, "0"), "999.00").code(), "before 0001");
    }

    @Test
    void purchaseAmount0207() {
        FundTerms f = navFund("2.5", "0.015", "0.0075", "0");
        assertRefusedWithNothing(BAD_AMOUNT, TradeRules.confirm(P, NO_AMOUNT, NO_VOL, f, book(f, "0")));
        Confirmation junk = TradeRules.confirm(P, "00000000001000.0", "ABCDEFGHIJKLMNOP", f, book(f, "0"));
        assertRefusedWithNothing(BAD_AMOUNT, junk);
        assertMoney("0", junk.applicationAmount());
        assertMoney("0", junk.applicationVol());
        assertRefusedWithNothing(BAD_AMOUNT, TradeRules.confirm(P, "   1000", NO_VOL, f, book(f, "0")));
    }

    @Test
    void redemptionVolume0206ComesBefore0001() {
        FundTerms f = navFund("2.5", "0.015", "0.0075", "0");
        assertRefusedWithNothing(BAD_VOLUME, TradeRules.confirm(R, NO_AMOUNT, NO_VOL, f, book(f, "0")));
        Confirmation junk = TradeRules.confirm(R, "0000000000000 12", "0000000000001.00", f, book(f, "100"));
        assertRefusedWithNothing(BAD_VOLUME, junk);
        assertMoney("0", junk.applicationAmount());
        assertMoney("0", junk.applicationVol());
    }

    @Test
    void insufficientShares0001() {
        FundTerms f = navFund("2.5", "0.015", "0.0075", "0");
        PositionBook b = book(f, "394.08");
        Confirmation c = sell(f, b, "394.09");
        assertRefusedWithNothing(INSUFFICIENT_SHARES, c);
        assertMoney("394.09", c.applicationVol(), "echoed");
        assertMoney("394.08", b.available());
        assertEquals(OK, sell(f, b, "394.08").code());
    }

    static void assertMoney(String expected, BigDecimal actual, String message) {
        assertEquals(0, d(expected).compareTo(actual), message + ": expected " + expected + " but was " + actual);
    }

    @Test
    void purchasesOfTheDayAreNotAvailable() {
        FundTerms f = navFund("2.5", "0.015", "0.0075", "0");
        PositionBook b = book(f, "394.08");
        assertEquals(OK, buy(f, b, "100.00").code()); // 39.40 shares
        assertMoney("433.48", b.holding());
        assertEquals(INSUFFICIENT_SHARES, sell(f, b, "394.09").code());
        assertEquals(OK, sell(f, b, "150.00").code());
        assertEquals(INSUFFICIENT_SHARES, sell(f, b, "250.00").code());
        assertEquals(OK, sell(f, b, "144.08").code());
        assertEquals(INSUFFICIENT_SHARES, sell(f, b, "150.00").code());
        assertMoney("100.00", b.available());
        assertMoney("139.40", b.holding());
        assertMoney("39.40", b.purchased());
        assertMoney("294.08", b.redeemed());
    }

    @Test
    void zeroVolume0402() {
        // 0.02 / 1.015 = 0.0197 -> 0.02; 0.02 / 2.5 = 0.008 -> 0.00
        FundTerms f = navFund("2.5000", "0.015", "0.0075", "0");
        PositionBook b = book(f, "10");
        assertRefusedWithNothing(ZERO_VOLUME, buy(f, b, "0.02"));
        assertMoney("10", b.holding());
        FundTerms dear = navFund("999.9999", "0", "0", "0");
        assertRefusedWithNothing(ZERO_VOLUME, buy(dear, book(dear, "0"), "1.00"));
    }

    @Test
    void purchaseOverflow0307() {
        // ConfirmedVol does not fit N16,2
        FundTerms half = navFund("0.5000", "0", "0", "0");
        assertRefusedWithNothing(PURCHASE_OVERFLOW, buy(half, book(half, "0"), "99999999999999.99"));
        // the position would pass 99999999999999.99
        PositionBook b = book(half, "0");
        assertEquals(OK, buy(half, b, "40000000000000.00").code());
        assertMoney("80000000000000.00", b.holding());
        assertRefusedWithNothing(PURCHASE_OVERFLOW, buy(half, b, "10000000000000.00"));
        assertEquals(OK, buy(half, b, "9999999999999.99").code(), "up to the limit itself"); // +19999999999999.98
        assertMoney("99999999999999.98", b.holding());
        // the Charge does not fit N10,2: 6e9 - 6e9/1.02 = 117647058.82
        FundTerms heavy = navFund("1.0000", "0.02", "0.05", "0");
        assertRefusedWithNothing(PURCHASE_OVERFLOW, buy(heavy, book(heavy, "0"), "6000000000.00"));
        Confirmation fits = buy(heavy, book(heavy, "0"), "4000000000.00");
        assertMoney("78431372.55", fits.charge());
        assertMoney("3921568627.45", fits.vol());
        // Charge at the largest value that fits
        FundTerms big = navFund("1.0000", "1.0", "0", "0");
        assertMoney("99999999.99", buy(big, book(big, "0"), "199999999.98").charge());
        assertRefusedWithNothing(PURCHASE_OVERFLOW, buy(big, book(big, "0"), "200000000.00"));
    }

    @Test
    void zeroAmount0352() {
        // 0.01 x 0.0040 = 0.00004 -> 0.00
        FundTerms penny = navFund("0.0040", "0", "0", "0");
        PositionBook b = book(penny, "2500.00");
        assertRefusedWithNothing(ZERO_AMOUNT, sell(penny, b, "0.01"));
        assertMoney("2500.00", b.available());
        // the charge eats all: 0.01 x 1 = 0.01, charge 0.01 x 1 = 0.01
        FundTerms all = navFund("1.0000", "0", "1.0", "0");
        assertRefusedWithNothing(ZERO_AMOUNT, sell(all, book(all, "1"), "0.01"));
    }

    @Test
    void redemptionOverflow0401() {
        // ConfirmedAmount does not fit: 8e13 x 2 = 1.6e14
        FundTerms mega = navFund("2.0000", "0", "0", "0");
        PositionBook b = book(mega, "80000000000000.00");
        assertRefusedWithNothing(REDEMPTION_OVERFLOW, sell(mega, b, "80000000000000.00"));
        assertMoney("80000000000000.00", b.available());
        // Charge does not fit: 3921568627.45 x 0.05 = 196078431.37
        FundTerms heavy = navFund("1.0000", "0.02", "0.05", "0");
        assertRefusedWithNothing(REDEMPTION_OVERFLOW, sell(heavy, book(heavy, "3921568627.45"), "3921568627.45"));
        assertEquals(OK, sell(heavy, book(heavy, "3921568627.45"), "1999999999.80").code()); // charge 99999999.99
    }

    @Test
    void refuseEchoesDigitsAndZeroesJunk() {
        Confirmation c = TradeRules.refuse(UNKNOWN_FUND, "0000000000010000", "XXXXXXXXXXXXXXXX");
        assertEquals(UNKNOWN_FUND, c.code());
        assertMoney("100.00", c.applicationAmount());
        assertEquals(2, c.applicationAmount().scale());
        assertMoney("0", c.applicationVol());
        assertEquals(2, c.applicationVol().scale());
        assertRefusedWithNothing(UNKNOWN_FUND, c);
    }

    @Test
    void refusalsLeaveTheBookAlone() {
        FundTerms f = navFund("1.0000", "0", "0", "5");
        PositionBook b = book(f, "100.00");
        buy(f, b, "10.00");
        TradeRules.confirm(R, NO_AMOUNT, NO_VOL, f, b);
        sell(f, b, "100.01");
        assertMoney("100.00", b.holding());
        assertMoney("100.00", b.available());
        assertMoney("0", b.purchased());
        assertMoney("0", b.redeemed());
    }
}
