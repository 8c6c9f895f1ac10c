package io.openta.model.rules;

import java.math.BigDecimal;

/**
 * What clearing needs of a fund on day T: its catalogue entry, its quote and its fee tables.
 *
 * @param moneyMarket     FundType 04
 * @param nav             NAV on T (1.0000 for money-market funds)
 * @param purchaseFees    the C5 table of confirmation code 122 in force on T
 * @param redemptionFees  the C5 table of confirmation code 124 in force on T
 * @param status          FundStatus on T: 0 open, 1 issuing, 4 suspended, 5 purchase suspended, 6 redemption
 *                        suspended, 8 terminated, 9 closed
 * @param incomePer10k    u, income per 10,000 shares on T, signed (money-market funds)
 */
public record FundTerms(boolean moneyMarket, BigDecimal nav, FeeTable purchaseFees, FeeTable redemptionFees,
        String status, BigDecimal incomePer10k) {
    public static final String MONEY_MARKET = "04";
}
