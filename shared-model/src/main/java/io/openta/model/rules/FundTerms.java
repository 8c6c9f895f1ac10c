package io.openta.model.rules;

import java.math.BigDecimal;

/**
 * What clearing needs of a fund on day T: its catalogue entry and its quote.
 *
 * @param moneyMarket      FundType 01
 * @param nav              NAV on T (1.0000 for money-market funds)
 * @param purchaseFeeRate  r of a purchase
 * @param redemptionFeeRate r of a redemption
 * @param status           FundStatus on T: 0 open, 4 suspended, 5 purchase suspended, 6 redemption suspended
 * @param incomePer10k     u, income per 10,000 shares on T, signed (money-market funds)
 */
public record FundTerms(boolean moneyMarket, BigDecimal nav, BigDecimal purchaseFeeRate, BigDecimal redemptionFeeRate,
        String status, BigDecimal incomePer10k) {
}
