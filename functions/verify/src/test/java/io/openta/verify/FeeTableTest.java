package io.openta.verify;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Spec v2 2.3: the fee record and the fee. */
class FeeTableTest {
    private static FeeTable.Rate rate(String method, String lower, String upper, String r, String constant,
            String min, String max) {
        return new FeeTable.Rate(method, new BigDecimal(lower), new BigDecimal(upper), new BigDecimal(r),
                new BigDecimal(constant), new BigDecimal(min), new BigDecimal(max));
    }

    private static final FeeTable FEES = FeeTable.of(Map.of(
            "F1/122", List.of(rate("1", "0", "1000000", "0.015", "0", "0", "0"),
                    rate("1", "1000000", "5000000", "0.01", "0", "0", "0"),
                    rate("0", "5000000", "0", "0", "1000", "0", "0"),
                    rate("2", "0", "0", "0.5", "0", "0", "0")),
            "F1/124", List.of(rate("1", "0", "0", "0.005", "0", "5", "20")),
            "F2/122", List.of(rate("0", "0", "0", "0", "10", "0", "0"))));

    private static BigDecimal fee(String fund, String code, String x) {
        return FEES.fee(fund, code, new BigDecimal(x)).charge();
    }

    @Test
    void purchaseByRateTiersAndFixed() {
        // net = round_half_up(10000 / 1.015, 2) = 9852.22, fee = 147.78
        assertEquals(new BigDecimal("147.78"), fee("F1", "122", "10000.00"));
        assertEquals(new BigDecimal("0.015"), FEES.fee("F1", "122", new BigDecimal("10000.00")).rateFee());
        // a shared bound: the largest lower limit wins
        assertEquals(new BigDecimal("0.01"), FEES.fee("F1", "122", new BigDecimal("1000000")).rateFee());
        assertEquals(new BigDecimal("1000"), fee("F1", "122", "6000000.00"));
        assertEquals(BigDecimal.ZERO, FEES.fee("F1", "122", new BigDecimal("6000000.00")).rateFee());
        assertEquals(0, fee("F9", "122", "100.00").signum());
        // the fee is at most the amount
        assertEquals(new BigDecimal("5.00"), fee("F2", "122", "5.00"));
    }

    @Test
    void redemptionWithMinAndMax() {
        assertEquals(new BigDecimal("5"), fee("F1", "124", "100.00"));       // 0.50 -> MinFee 5
        assertEquals(new BigDecimal("10.00"), fee("F1", "124", "2000.00"));  // 10.00
        assertEquals(new BigDecimal("20"), fee("F1", "124", "9000.00"));     // 45.00 -> MaxFee 20
    }
}
