package io.openta.model.rules;

import static io.openta.model.rules.Fees.fixed;
import static io.openta.model.rules.Fees.rate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The C5 fee rule of spec v2 2.3: record selection, the two methods, MinFee, MaxFee and the cap at X. */
class FeeTableTest {
    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void tiersWithSharedBoundsTakeTheLargestLowerLimit() {
        FeeTable t = new FeeTable(List.of(rate("0", "1000000", "0.015", "0", "0"),
                rate("1000000", "5000000", "0.012", "0", "0"), fixed("5000000", "0", "1000.00")));
        assertEquals(d("0.01500000").stripTrailingZeros(), t.match(d("999999.99")).orElseThrow().rate()
                .stripTrailingZeros());
        // 1,000,000 is in both of the first two tiers: the larger lower limit wins
        assertEquals(0, t.match(d("1000000.00")).orElseThrow().rate().compareTo(d("0.012")));
        assertEquals(0, t.match(d("5000000.00")).orElseThrow().constantFee().compareTo(d("1000.00")));
        assertEquals(0, t.match(d("90000000.00")).orElseThrow().constantFee().compareTo(d("1000.00")),
                "AmountUpperLimit 0 has no upper limit");
    }

    @Test
    void equalLowerLimitsTakeTheFirstInTableOrder() {
        FeeTable t = new FeeTable(List.of(rate("0", "0", "0.01", "0", "0"), rate("0", "0", "0.02", "0", "0")));
        assertEquals(0, t.match(d("100.00")).orElseThrow().rate().compareTo(d("0.01")));
    }

    @Test
    void methodsTwoAndThreeNeverMatch() {
        FeeTable t = new FeeTable(List.of(new FeeRecord("2", d("0"), d("0"), d("0.5"), d("0"), d("0"), d("0"))));
        assertTrue(t.match(d("100.00")).isEmpty());
        assertEquals(0, t.purchaseFee(d("100.00")).charge().signum());
    }

    @Test
    void purchaseRateIsTakenOutOfTheAmount() {
        FeeTable t = new FeeTable(List.of(rate("0", "0", "0.015", "0", "0")));
        FeeTable.Fee f = t.purchaseFee(d("10000.00"));
        // net = round_half_up(10000 / 1.015, 2) = 9852.22, fee = 147.78
        assertEquals(d("147.78"), f.charge());
        assertEquals(0, f.rateFee().compareTo(d("0.015")));
    }

    @Test
    void redemptionRateIsOnTheGross() {
        FeeTable t = new FeeTable(List.of(rate("0", "0", "0.005", "0", "0")));
        assertEquals(d("5.06"), t.redemptionFee(d("1012.35")).charge(), "1012.35 x 0.005 = 5.06175");
    }

    @Test
    void minFeeRaisesMaxFeeCapsAndTheAmountCapsBoth() {
        FeeTable min = new FeeTable(List.of(rate("0", "0", "0.001", "5.00", "0")));
        assertEquals(d("5.00"), min.purchaseFee(d("100.00")).charge());
        assertEquals(d("3.00"), min.purchaseFee(d("3.00")).charge(), "never more than X");
        FeeTable max = new FeeTable(List.of(rate("0", "0", "0.05", "0", "20.00")));
        FeeTable.Fee capped = max.redemptionFee(d("10000.00"));
        assertEquals(d("20.00"), capped.charge());
        assertEquals(0, capped.rateFee().compareTo(d("0.05")), "RateFee is reported even when MaxFee sets the fee");
    }

    @Test
    void fixedFeeReportsNoRate() {
        FeeTable t = new FeeTable(List.of(fixed("0", "0", "1000.00")));
        FeeTable.Fee f = t.purchaseFee(d("6000000.00"));
        assertEquals(d("1000.00"), f.charge());
        assertEquals(0, f.rateFee().signum());
    }

    @Test
    void noRecordNoFee() {
        FeeTable t = new FeeTable(List.of(rate("1000", "0", "0.01", "0", "0")));
        assertEquals(0, t.purchaseFee(d("999.99")).charge().signum());
    }
}
