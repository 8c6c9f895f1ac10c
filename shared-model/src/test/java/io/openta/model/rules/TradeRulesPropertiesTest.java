package io.openta.model.rules;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of confirming purchases and redemptions, over generated funds and sequences. */
class TradeRulesPropertiesTest {

    /** One application: purchase or redemption, with amount or volume in cents. */
    record App(boolean purchase, long cents) {
        String amountText() {
            return purchase ? String.format("%016d", cents) : "0000000000000000";
        }

        String volText() {
            return purchase ? "0000000000000000" : String.format("%016d", cents);
        }
    }

    @Provide
    Arbitrary<FundTerms> funds() {
        Arbitrary<Boolean> mm = Arbitraries.of(true, false);
        Arbitrary<BigDecimal> nav = Arbitraries.integers().between(1, 9_999_999).map(n -> BigDecimal.valueOf(n, 4));
        Arbitrary<BigDecimal> rate = Arbitraries.integers().between(0, 10_000_000).map(n -> BigDecimal.valueOf(n, 8));
        Arbitrary<BigDecimal> u = Arbitraries.integers().between(-99_999_999, 99_999_999)
                .map(n -> BigDecimal.valueOf(n, 5));
        Arbitrary<String> status = Arbitraries.of("0", "0", "0", "1", "4", "5", "6", "8", "9");
        return Combinators.combine(mm, nav, rate, rate, status, u).as((m, n, pr, rr, s, inc) -> m
                ? new FundTerms(true, new BigDecimal("1.0000"), FeeTable.NONE, Fees.flat(rr), s, inc)
                : new FundTerms(false, n, Fees.flat(pr), Fees.flat(rr), s, inc));
    }

    @Provide
    Arbitrary<List<App>> sequences() {
        Arbitrary<App> app = Combinators.combine(Arbitraries.of(true, false),
                Arbitraries.oneOf(Arbitraries.longs().between(0, 100_000), Arbitraries.longs().between(0, 10_000_000_000L),
                        Arbitraries.longs().between(0, 9_999_999_999_999_999L))).as(App::new);
        return app.list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<BigDecimal> closes() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.longs().between(0, 9_999_999_999_999_999L)).map(c -> BigDecimal.valueOf(c, 2));
    }

    @Property(tries = 500)
    void holdingAndAvailableNeverGoNegative(@ForAll("funds") FundTerms fund, @ForAll("closes") BigDecimal close,
            @ForAll("sequences") List<App> apps, @ForAll boolean secondary) {
        PositionBook book = secondary ? PositionBook.secondaryClearing(close) : PositionBook.mainClearing(close, fund);
        assertTrue(book.available().signum() >= 0 || close.signum() == 0 && book.available().signum() == 0);
        for (App a : apps) {
            Confirmation c = TradeRules.confirm(a.purchase() ? TradeRules.PURCHASE : TradeRules.REDEMPTION,
                    a.amountText(), a.volText(), fund, book);
            assertTrue(book.holding().signum() >= 0, "holding " + book.holding());
            assertTrue(book.available().signum() >= 0, "available " + book.available());
            assertTrue(book.available().compareTo(book.holding()) <= 0, "available within holding");
            assertTrue(book.holding().compareTo(TradeRules.MAX_POSITION) <= 0
                    || !c.ok() || !a.purchase(), "a purchase never leaves more than the maximum");
            if (!c.ok()) {
                assertEquals(0, c.amount().signum());
                assertEquals(0, c.vol().signum());
                assertEquals(0, c.charge().signum());
            }
        }
        assertEquals(0, close.add(book.purchased()).subtract(book.redeemed()).compareTo(book.holding()));
    }

    @Property(tries = 1000)
    void purchaseArithmetic(@ForAll("funds") FundTerms fund,
            @ForAll("amounts") long cents) {
        PositionBook book = PositionBook.mainClearing(BigDecimal.ZERO.setScale(2), fund);
        Confirmation c = TradeRules.confirm(TradeRules.PURCHASE, String.format("%016d", cents), "0000000000000000",
                fund, book);
        if (!c.ok()) {
            return;
        }
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        BigDecimal nav = fund.moneyMarket() ? BigDecimal.ONE : fund.nav();
        BigDecimal net = amount.divide(BigDecimal.ONE.add(Fees.rateOf(fund.purchaseFees())), 2, RoundingMode.HALF_UP);
        assertEquals(0, c.amount().compareTo(amount), "ConfirmedAmount = ApplicationAmount");
        assertEquals(0, c.charge().add(net).compareTo(amount), "charge + net = amount");
        assertTrue(c.charge().signum() >= 0);
        assertTrue(c.vol().signum() > 0);
        assertTrue(c.vol().multiply(nav).compareTo(net) <= 0, "ConfirmedVol x NAV <= net");
        assertTrue(c.vol().add(new BigDecimal("0.01")).multiply(nav).compareTo(net) > 0, "rounded down, not further");
        assertTrue(c.vol().scale() <= 2 && c.charge().scale() <= 2);
    }

    @Property(tries = 1000)
    void redemptionArithmetic(@ForAll("funds") FundTerms fund, @ForAll("amounts") long cents) {
        BigDecimal vol = BigDecimal.valueOf(cents, 2);
        PositionBook book = PositionBook.secondaryClearing(vol);
        Confirmation c = TradeRules.confirm(TradeRules.REDEMPTION, "0000000000000000", String.format("%016d", cents),
                fund, book);
        if (!c.ok()) {
            return;
        }
        BigDecimal nav = fund.moneyMarket() ? BigDecimal.ONE : fund.nav();
        BigDecimal gross = vol.multiply(nav).setScale(2, RoundingMode.HALF_UP);
        assertEquals(0, c.amount().add(c.charge()).compareTo(gross), "amount + charge = gross");
        assertEquals(0, c.charge().compareTo(gross.multiply(Fees.rateOf(fund.redemptionFees())).setScale(2, RoundingMode.HALF_UP)));
        assertEquals(0, c.vol().compareTo(vol));
        assertTrue(c.amount().signum() > 0);
        assertEquals(0, book.holding().signum());
    }

    @Provide
    Arbitrary<Long> amounts() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, 1_000_000), Arbitraries.longs().between(1, 100_000_000_000L),
                Arbitraries.longs().between(1, 9_999_999_999_999_999L));
    }

    @Property(tries = 500)
    void reserveCoversTheWorstLoss(@ForAll("closes") BigDecimal close,
            @ForAll("negativeIncome") BigDecimal u) {
        BigDecimal reserve = IncomeRules.negativeIncomeReserve(close, u);
        BigDecimal loss = IncomeRules.raw(close, u).abs();
        assertTrue(reserve.compareTo(loss) >= 0, "reserve >= |raw|");
        assertTrue(reserve.subtract(loss).compareTo(new BigDecimal("0.01")) < 0, "less than a cent more");
        assertEquals(2, reserve.scale());
        // the income a position can lose is at most the reserve: |raw| truncated plus one residue cent
        BigDecimal worstIncome = IncomeRules.raw(close, u).setScale(2, RoundingMode.DOWN).abs()
                .add(loss.signum() > 0 && loss.remainder(new BigDecimal("0.01")).signum() != 0
                        ? new BigDecimal("0.01") : BigDecimal.ZERO);
        assertTrue(worstIncome.compareTo(reserve) <= 0);
    }

    @Provide
    Arbitrary<BigDecimal> negativeIncome() {
        return Arbitraries.integers().between(-99_999_999, -1).map(n -> BigDecimal.valueOf(n, 5));
    }
}
