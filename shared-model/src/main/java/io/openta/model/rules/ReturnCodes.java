package io.openta.model.rules;

/** The ReturnCodes of spec 2.2 and 2.3 (JR/T 0017). */
public final class ReturnCodes {
    public static final String OK = "0000";
    public static final String INSUFFICIENT_SHARES = "0001";
    public static final String FUND_ISSUING = "0004";
    public static final String FUND_CLOSED = "0005";
    public static final String NO_ACCOUNT = "0009";
    public static final String BAD_BUSINESS_CODE = "0103";
    public static final String BAD_TXN_ACCOUNT = "0104";
    public static final String WRONG_DISTRIBUTOR = "0105";
    public static final String BAD_INDIVIDUAL_FLAG = "0107";
    public static final String BAD_SERIAL = "0139";
    public static final String UNKNOWN_FUND = "0200";
    public static final String BAD_TXN_DATE = "0201";
    public static final String BAD_TXN_TIME = "0202";
    public static final String BAD_VOLUME = "0206";
    public static final String BAD_AMOUNT = "0207";
    public static final String PURCHASE_OVERFLOW = "0307";
    public static final String SUSPENDED = "0380";
    public static final String PURCHASE_SUSPENDED = "0381";
    public static final String REDEMPTION_SUSPENDED = "0382";
    public static final String FUND_TERMINATED = "0376";
    public static final String ACCOUNT_EXISTS = "0392";
    public static final String REDEMPTION_OVERFLOW = "0401";
    public static final String ZERO_VOLUME = "0402";
    public static final String DUPLICATE_SERIAL = "0496";
    public static final String ACCOUNT_MISMATCH = "0518";
    public static final String ZERO_AMOUNT = "0352";

    private ReturnCodes() {
    }
}
