package io.openta.model.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money-market income (spec 2.4). The allocation itself (fund total, truncation, residue cents) runs set-based in the
 * profit stage's SQL; what Java needs is the exact raw income and the reserve that negative income puts on shares.
 */
public final class IncomeRules {
    private static final BigDecimal TEN_THOUSANDTH = new BigDecimal("0.0001");

    private IncomeRules() {
    }

    /** raw = e x u / 10000, exactly. */
    public static BigDecimal raw(BigDecimal eligible, BigDecimal incomePer10k) {
        return eligible.multiply(incomePer10k).multiply(TEN_THOUSANDTH);
    }

    /** ceil_to_0.01(|e x u / 10000|) where u is negative, else 0 (spec 2.5). */
    public static BigDecimal negativeIncomeReserve(BigDecimal eligible, BigDecimal incomePer10k) {
        if (incomePer10k.signum() >= 0 || eligible.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return raw(eligible, incomePer10k).abs().setScale(2, RoundingMode.CEILING);
    }
}
