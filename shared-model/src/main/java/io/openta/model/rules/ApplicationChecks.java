package io.openta.model.rules;

import static io.openta.model.rules.ReturnCodes.*;

/**
 * The record-local checks of spec 2.2 and 2.3: those that need nothing but the record, the file's sender and the
 * business date. The checks that need other records or the state (0496, 0392, 0200, 0009/0518 and after) are made
 * set-based in the database, in the order the spec gives; a record's code is the first failing check.
 */
public final class ApplicationChecks {
    private ApplicationChecks() {
    }

    /** 0139, the first check of both tables: null when the serial is fine. */
    public static String serialCode(String appSheetSerialNo) {
        return Texts.lettersAndDigits(appSheetSerialNo) ? null : BAD_SERIAL;
    }

    /** Account application (01) checks after 0496 and before 0392; null when all pass. */
    public static String accountLocalCode(String sender, String date, String distributorCode, String transactionDate,
            String transactionTime, String transactionAccountId, String businessCode, String individualOrInstitution) {
        String common = commonCode(sender, date, distributorCode, transactionDate, transactionTime);
        if (common != null) {
            return common;
        }
        if (!Texts.lettersAndDigits(transactionAccountId)) {
            return BAD_TXN_ACCOUNT;
        }
        if (!"001".equals(Texts.rtrim(businessCode))) {
            return BAD_BUSINESS_CODE;
        }
        String io = Texts.rtrim(individualOrInstitution);
        if (!"0".equals(io) && !"1".equals(io)) {
            return BAD_INDIVIDUAL_FLAG;
        }
        return null;
    }

    /** Trade application (03) checks after 0496 and before 0200; null when all pass. */
    public static String tradeLocalCode(String sender, String date, String distributorCode, String transactionDate,
            String transactionTime, String businessCode) {
        String common = commonCode(sender, date, distributorCode, transactionDate, transactionTime);
        if (common != null) {
            return common;
        }
        String bc = Texts.rtrim(businessCode);
        if (!TradeRules.PURCHASE.equals(bc) && !TradeRules.REDEMPTION.equals(bc)) {
            return BAD_BUSINESS_CODE;
        }
        return null;
    }

    private static String commonCode(String sender, String date, String distributorCode, String transactionDate,
            String transactionTime) {
        if (!sender.equals(Texts.rtrim(distributorCode))) {
            return WRONG_DISTRIBUTOR;
        }
        if (!Texts.validDate(transactionDate) || !date.equals(Texts.rtrim(transactionDate))) {
            return BAD_TXN_DATE;
        }
        if (!Texts.validTime(transactionTime)) {
            return BAD_TXN_TIME;
        }
        return null;
    }

    /** A confirmation's BusinessCode: the application's with its first character replaced by 1. */
    public static String confirmationBusinessCode(String applicationBusinessCode) {
        return applicationBusinessCode.isEmpty() ? "1" : "1" + applicationBusinessCode.substring(1);
    }
}
