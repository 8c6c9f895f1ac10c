package io.openta.model.rules;

import java.math.BigDecimal;
import java.util.List;

/** Fee tables for tests: a flat rate is one method-1 record over every amount, which gives v1's fee rule. */
final class Fees {
    private static final BigDecimal Z2 = BigDecimal.ZERO.setScale(2);

    private Fees() {
    }

    static FeeTable flat(BigDecimal rate) {
        return rate.signum() == 0 ? FeeTable.NONE
                : new FeeTable(List.of(new FeeRecord("1", Z2, Z2, rate, Z2, Z2, Z2)));
    }

    /** The rate of a {@link #flat} table (0 for none). */
    static BigDecimal rateOf(FeeTable table) {
        return table.records().isEmpty() ? BigDecimal.ZERO : table.records().get(0).rate();
    }

    static FeeRecord rate(String lower, String upper, String rate, String min, String max) {
        return new FeeRecord("1", new BigDecimal(lower), new BigDecimal(upper), new BigDecimal(rate), Z2,
                new BigDecimal(min), new BigDecimal(max));
    }

    static FeeRecord fixed(String lower, String upper, String fee) {
        return new FeeRecord("0", new BigDecimal(lower), new BigDecimal(upper), BigDecimal.ZERO.setScale(8),
                new BigDecimal(fee), Z2, Z2);
    }
}
