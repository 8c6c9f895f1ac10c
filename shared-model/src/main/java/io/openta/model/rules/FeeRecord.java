package io.openta.model.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One C5 fee-rate record of a fund's table for one confirmation code (spec 2.1, 2.3).
 *
 * @param method      GetFeeRateMethod: {@code 0} fixed fee (ConstantFee), {@code 1} rate by amount (RateFee);
 *                    {@code 2} and {@code 3} are kept but never match
 * @param lowerLimit  AmountLowerLimit
 * @param upperLimit  AmountUpperLimit, 0 = no upper limit
 * @param rate        RateFee (method 1)
 * @param constantFee ConstantFee (method 0)
 * @param minFee      MinFee, 0 = none
 * @param maxFee      MaxFee, 0 = none
 */
public record FeeRecord(String method, BigDecimal lowerLimit, BigDecimal upperLimit, BigDecimal rate,
        BigDecimal constantFee, BigDecimal minFee, BigDecimal maxFee) {
    public static final String FIXED = "0";
    public static final String RATE = "1";

    public FeeRecord {
        Objects.requireNonNull(method, "method");
    }

    /** Method 0 or 1, AmountLowerLimit <= x and (AmountUpperLimit = 0 or x <= AmountUpperLimit). */
    public boolean covers(BigDecimal x) {
        return (FIXED.equals(method) || RATE.equals(method)) && lowerLimit.compareTo(x) <= 0
                && (upperLimit.signum() == 0 || x.compareTo(upperLimit) <= 0);
    }
}
