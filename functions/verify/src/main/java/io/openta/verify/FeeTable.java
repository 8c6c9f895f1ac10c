package io.openta.verify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The C5 fee tables in force on D (clr.fee_rate, spec 2.1) and the fee of spec 2.3, computed again: for every
 * (fund, confirmation code) the records of its latest effective date on or before D, in table order.
 */
final class FeeTable {
    /** One fee record. */
    record Rate(String method, BigDecimal lower, BigDecimal upper, BigDecimal rate, BigDecimal constant,
                BigDecimal min, BigDecimal max) {
    }

    /** A fee and the RateFee an 04 record shows with it. */
    record Fee(BigDecimal charge, BigDecimal rateFee, String how) {
    }

    private final Map<String, List<Rate>> tables = new HashMap<>();

    static FeeTable of(Db db) throws SQLException {
        FeeTable t = new FeeTable();
        db.query("""
                SELECT r.fund_code, r.business_code, r.method, r.lower_limit, r.upper_limit, r.rate, r.constant_fee,
                  r.min_fee, r.max_fee
                FROM clr.fee_rate r JOIN (SELECT fund_code, business_code, max(effective_date) AS e FROM clr.fee_rate
                  WHERE effective_date <= :d GROUP BY fund_code, business_code) m
                  ON m.fund_code = r.fund_code AND m.business_code = r.business_code AND m.e = r.effective_date
                ORDER BY r.fund_code, r.business_code, r.seq""", rs -> t.tables.computeIfAbsent(
                rs.getString("fund_code") + "/" + rs.getString("business_code").trim(), k -> new ArrayList<>())
                .add(new Rate(rs.getString("method").trim(), rs.getBigDecimal("lower_limit"),
                        rs.getBigDecimal("upper_limit"), rs.getBigDecimal("rate"), rs.getBigDecimal("constant_fee"),
                        rs.getBigDecimal("min_fee"), rs.getBigDecimal("max_fee"))));
        return t;
    }

    static FeeTable of(Map<String, List<Rate>> tables) {
        FeeTable t = new FeeTable();
        t.tables.putAll(tables);
        return t;
    }

    /** The record of spec 2.3 for amount {@code x}: method 0 or 1, in its bounds, largest lower limit, first. */
    Rate match(String fund, String code, BigDecimal x) {
        Rate best = null;
        for (Rate r : tables.getOrDefault(fund + "/" + code, List.of())) {
            if (!r.method().equals("0") && !r.method().equals("1")) {
                continue;
            }
            if (r.lower().compareTo(x) <= 0 && (r.upper().signum() == 0 || x.compareTo(r.upper()) <= 0)
                    && (best == null || r.lower().compareTo(best.lower()) > 0)) {
                best = r;
            }
        }
        return best;
    }

    /**
     * The fee of a purchase ({@code 122}, x = ApplicationAmount) or a redemption ({@code 124}, x = gross), with
     * MinFee, MaxFee and x applied.
     */
    Fee fee(String fund, String code, BigDecimal x) {
        Rate r = match(fund, code, x);
        BigDecimal fee;
        BigDecimal rateFee = BigDecimal.ZERO;
        String how;
        if (r == null) {
            return new Fee(BigDecimal.ZERO.setScale(2), rateFee, "no fee record of " + code);
        } else if (r.method().equals("1")) {
            rateFee = r.rate();
            if (code.equals("122")) {
                BigDecimal net = x.divide(BigDecimal.ONE.add(r.rate()), 2, RoundingMode.HALF_UP);
                fee = x.subtract(net);
            } else {
                fee = x.multiply(r.rate()).setScale(2, RoundingMode.HALF_UP);
            }
            how = "rate " + r.rate().stripTrailingZeros().toPlainString() + " of the " + code + " record from "
                    + r.lower().toPlainString();
        } else {
            fee = r.constant();
            how = "fixed fee of the " + code + " record from " + r.lower().toPlainString();
        }
        if (r.min().signum() > 0 && fee.compareTo(r.min()) < 0) {
            fee = r.min();
            how += ", MinFee";
        }
        if (r.max().signum() > 0 && fee.compareTo(r.max()) > 0) {
            fee = r.max();
            how += ", MaxFee";
        }
        if (fee.compareTo(x) > 0) {
            fee = x;
            how += ", at most the amount";
        }
        return new Fee(fee, rateFee, how);
    }
}
