package io.openta.verify;

import java.math.BigDecimal;

/**
 * A confirmation as spec v2 2.3 and 1.6 make it from its application, computed again by {@link TradeRecompute}.
 *
 * @param returnCode      the first failing check's code, {@code 0000} on success
 * @param why             the rule that gave the return code, for mismatch messages
 * @param taAccountText   TAAccountID as the 04 record writes it: the resolved account where the account check was
 *                        reached and passed, else the application's text
 * @param businessCode    the application's with its first character replaced by {@code 1}
 * @param appAmount       ApplicationAmount echoed (0 when not all digits)
 * @param appVol          ApplicationVol echoed (0 when not all digits)
 * @param cfmAmount       ConfirmedAmount
 * @param cfmVol          ConfirmedVol
 * @param charge          Charge
 * @param chargeWhy       how the Charge follows from the C5 table, for mismatch messages
 * @param nav             the fund's NAV on D when the fund is in the catalogue, else 0
 * @param rateFee         the matched method-1 record's RateFee, else 0
 */
record RecomputedConfirmation(String returnCode, String why, String taAccountText, String businessCode,
                              BigDecimal appAmount, BigDecimal appVol, BigDecimal cfmAmount, BigDecimal cfmVol,
                              BigDecimal charge, String chargeWhy, BigDecimal nav, BigDecimal rateFee) {

    boolean ok() {
        return "0000".equals(returnCode);
    }
}
