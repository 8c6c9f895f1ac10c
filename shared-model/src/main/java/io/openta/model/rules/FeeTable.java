package io.openta.model.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * A fund's C5 fee table for one confirmation code ({@code 122} purchase, {@code 124} redemption), records in table
 * order (file name, then record order), and the fee rule of spec 2.3.
 */
public record FeeTable(List<FeeRecord> records) {
    public static final FeeTable NONE = new FeeTable(List.of());

    public FeeTable {
        records = List.copyOf(records);
    }

    /**
     * The record that prices an application of amount x: of the records that cover x, the one with the largest
     * AmountLowerLimit, then the first in table order.
     */
    public Optional<FeeRecord> match(BigDecimal x) {
        FeeRecord best = null;
        for (FeeRecord r : records) {
            if (r.covers(x) && (best == null || r.lowerLimit().compareTo(best.lowerLimit()) > 0)) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The fee of a purchase of amount x (x includes the fee), and the RateFee to report. */
    public Fee purchaseFee(BigDecimal x) {
        Optional<FeeRecord> m = match(x);
        if (m.isEmpty()) {
            return Fee.none();
        }
        FeeRecord r = m.get();
        BigDecimal fee = FeeRecord.RATE.equals(r.method())
                ? x.subtract(x.divide(BigDecimal.ONE.add(r.rate()), 2, RoundingMode.HALF_UP))
                : r.constantFee();
        return limits(r, fee, x);
    }

    /** The fee of a redemption of gross amount x, and the RateFee to report. */
    public Fee redemptionFee(BigDecimal gross) {
        Optional<FeeRecord> m = match(gross);
        if (m.isEmpty()) {
            return Fee.none();
        }
        FeeRecord r = m.get();
        BigDecimal fee = FeeRecord.RATE.equals(r.method())
                ? gross.multiply(r.rate()).setScale(2, RoundingMode.HALF_UP)
                : r.constantFee();
        return limits(r, fee, gross);
    }

    /** MinFee raises, MaxFee caps (each where > 0), and a fee never exceeds the amount. */
    private static Fee limits(FeeRecord r, BigDecimal fee, BigDecimal x) {
        if (r.minFee().signum() > 0 && fee.compareTo(r.minFee()) < 0) {
            fee = r.minFee();
        }
        if (r.maxFee().signum() > 0 && fee.compareTo(r.maxFee()) > 0) {
            fee = r.maxFee();
        }
        if (fee.compareTo(x) > 0) {
            fee = x;
        }
        BigDecimal reported = FeeRecord.RATE.equals(r.method()) ? r.rate() : Fee.NO_RATE;
        return new Fee(fee.setScale(2, RoundingMode.UNNECESSARY), reported);
    }

    /** A computed fee: the Charge and the RateFee an 04 record reports. */
    public record Fee(BigDecimal charge, BigDecimal rateFee) {
        static final BigDecimal NO_RATE = BigDecimal.ZERO.setScale(8);

        static Fee none() {
            return new Fee(BigDecimal.ZERO.setScale(2), NO_RATE);
        }
    }
}
