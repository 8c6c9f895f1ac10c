package io.openta.model.rules;

import static io.openta.model.rules.ReturnCodes.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The record-local checks of spec 2.2 and 2.3, each code and the order in which they are made. */
class ApplicationChecksTest {
    static final String T = "20270104";
    static final String SENDER = "K10";

    private static String account(String dist, String date, String time, String acct, String bc, String io) {
        return ApplicationChecks.accountLocalCode(SENDER, T, dist, date, time, acct, bc, io);
    }

    private static String trade(String dist, String date, String time, String bc) {
        return ApplicationChecks.tradeLocalCode(SENDER, T, dist, date, time, bc);
    }

    @Test
    void serial0139() {
        assertNull(ApplicationChecks.serialCode("1                       "));
        assertNull(ApplicationChecks.serialCode("01                      "));
        assertEquals(BAD_SERIAL, ApplicationChecks.serialCode("                        "));
        assertEquals(BAD_SERIAL, ApplicationChecks.serialCode(""));
        assertNull(ApplicationChecks.serialCode("12A                     "), "v2: letters are allowed");
        assertNull(ApplicationChecks.serialCode("abcXYZ09"), "v2: letters are allowed");
        assertEquals(BAD_SERIAL, ApplicationChecks.serialCode("12-4                    "));
        assertEquals(BAD_SERIAL, ApplicationChecks.serialCode("12\u00b3\u00c9             "), "a GBK character");
        assertEquals(BAD_SERIAL, ApplicationChecks.serialCode(" 1                      "));
    }

    @Test
    void accountApplicationThatPasses() {
        assertNull(account("K10      ", T, "093000", "3100000001       ", "001", "1"));
        assertNull(account("K10      ", T, "000000", "1                ", "001", "0"));
    }

    @Test
    void accountCodesEachAlone() {
        assertEquals(WRONG_DISTRIBUTOR, account("K2       ", T, "093000", "3100000001", "001", "1"));
        assertEquals(WRONG_DISTRIBUTOR, account("K1       ", T, "093000", "3100000001", "001", "1"));
        assertEquals(WRONG_DISTRIBUTOR, account("         ", T, "093000", "3100000001", "001", "1"));
        assertEquals(BAD_TXN_DATE, account("K10", "20270105", "093000", "3100000001", "001", "1"), "valid but not T");
        assertEquals(BAD_TXN_DATE, account("K10", "20270230", "093000", "3100000001", "001", "1"), "no such date");
        assertEquals(BAD_TXN_DATE, account("K10", "        ", "093000", "3100000001", "001", "1"));
        assertEquals(BAD_TXN_TIME, account("K10", T, "240000", "3100000001", "001", "1"));
        assertEquals(BAD_TXN_TIME, account("K10", T, "0930  ", "3100000001", "001", "1"));
        assertNull(account("K10", T, "093000", "31000A0004       ", "001", "1"), "v2: letters are allowed");
        assertEquals(BAD_TXN_ACCOUNT, account("K10", T, "093000", "31000_0004       ", "001", "1"));
        assertEquals(BAD_TXN_ACCOUNT, account("K10", T, "093000", "                 ", "001", "1"));
        assertEquals(BAD_BUSINESS_CODE, account("K10", T, "093000", "3100000001", "002", "1"));
        assertEquals(BAD_BUSINESS_CODE, account("K10", T, "093000", "3100000001", "022", "1"));
        assertEquals(BAD_BUSINESS_CODE, account("K10", T, "093000", "3100000001", "   ", "1"));
        assertEquals(BAD_INDIVIDUAL_FLAG, account("K10", T, "093000", "3100000001", "001", "2"));
        assertEquals(BAD_INDIVIDUAL_FLAG, account("K10", T, "093000", "3100000001", "001", " "));
    }

    @Test
    void accountCodesComeInTableOrder() {
        // every check fails: the first (0105) wins; then each later one once the earlier are fixed
        assertEquals(WRONG_DISTRIBUTOR, account("K2", "20270230", "250000", "X", "002", "9"));
        assertEquals(BAD_TXN_DATE, account("K10", "20270230", "250000", "X", "002", "9"));
        assertEquals(BAD_TXN_TIME, account("K10", T, "250000", "X", "002", "9"));
        assertEquals(BAD_TXN_ACCOUNT, account("K10", T, "093000", "X.", "002", "9"));
        assertEquals(BAD_BUSINESS_CODE, account("K10", T, "093000", "1", "002", "9"));
        assertEquals(BAD_INDIVIDUAL_FLAG, account("K10", T, "093000", "1", "001", "9"));
    }

    @Test
    void tradeCodesEachAloneAndInOrder() {
        assertNull(trade("K10      ", T, "100000", "022"));
        assertNull(trade("K10      ", T, "100000", "024"));
        assertEquals(WRONG_DISTRIBUTOR, trade("K2", T, "100000", "022"));
        assertEquals(BAD_TXN_DATE, trade("K10", "20270103", "100000", "022"));
        assertEquals(BAD_TXN_DATE, trade("K10", "2027010A", "100000", "022"));
        assertEquals(BAD_TXN_TIME, trade("K10", T, "126000", "022"));
        assertEquals(BAD_TXN_TIME, trade("K10", T, "10000X", "022"));
        assertEquals(BAD_BUSINESS_CODE, trade("K10", T, "100000", "020"));
        assertEquals(BAD_BUSINESS_CODE, trade("K10", T, "100000", "001"));
        assertEquals(BAD_BUSINESS_CODE, trade("K10", T, "100000", "122"));

        assertEquals(WRONG_DISTRIBUTOR, trade("K2", "2027", "99", "9"));
        assertEquals(BAD_TXN_DATE, trade("K10", "2027", "99", "9"));
        assertEquals(BAD_TXN_TIME, trade("K10", T, "99", "9"));
        assertEquals(BAD_BUSINESS_CODE, trade("K10", T, "235959", "9"));
    }

    @Test
    void confirmationBusinessCodeReplacesTheFirstCharacter() {
        assertEquals("101", ApplicationChecks.confirmationBusinessCode("001"));
        assertEquals("102", ApplicationChecks.confirmationBusinessCode("002"));
        assertEquals("122", ApplicationChecks.confirmationBusinessCode("022"));
        assertEquals("124", ApplicationChecks.confirmationBusinessCode("024"));
        assertEquals("120", ApplicationChecks.confirmationBusinessCode("020"));
        assertEquals("1  ", ApplicationChecks.confirmationBusinessCode("   "));
        assertEquals("199", ApplicationChecks.confirmationBusinessCode("999"));
    }

    @Test
    void returnCodesAreTheSpecs() {
        assertEquals("0000", OK);
        assertEquals("0001", INSUFFICIENT_SHARES);
        assertEquals("0009", NO_ACCOUNT);
        assertEquals("0103", BAD_BUSINESS_CODE);
        assertEquals("0104", BAD_TXN_ACCOUNT);
        assertEquals("0105", WRONG_DISTRIBUTOR);
        assertEquals("0107", BAD_INDIVIDUAL_FLAG);
        assertEquals("0139", BAD_SERIAL);
        assertEquals("0200", UNKNOWN_FUND);
        assertEquals("0201", BAD_TXN_DATE);
        assertEquals("0202", BAD_TXN_TIME);
        assertEquals("0206", BAD_VOLUME);
        assertEquals("0207", BAD_AMOUNT);
        assertEquals("0307", PURCHASE_OVERFLOW);
        assertEquals("0352", ZERO_AMOUNT);
        assertEquals("0380", SUSPENDED);
        assertEquals("0381", PURCHASE_SUSPENDED);
        assertEquals("0382", REDEMPTION_SUSPENDED);
        assertEquals("0392", ACCOUNT_EXISTS);
        assertEquals("0401", REDEMPTION_OVERFLOW);
        assertEquals("0402", ZERO_VOLUME);
        assertEquals("0496", DUPLICATE_SERIAL);
        assertEquals("0518", ACCOUNT_MISMATCH);
    }
}
