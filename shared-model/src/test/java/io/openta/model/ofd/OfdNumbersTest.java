package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class OfdNumbersTest {

    static final FieldDef AMOUNT = FieldDictionary.get("ApplicationAmount"); // N16,2
    static final FieldDef NAV = FieldDictionary.get("NAV");                 // N7,4
    static final FieldDef RATE = FieldDictionary.get("RateFee");            // N9,8

    @Test
    void parsesImpliedDecimals() {
        assertEquals(Optional.of(new BigDecimal("1234.50")), OfdNumbers.parse("0000000000123450", AMOUNT));
        assertEquals(2, OfdNumbers.parse("0000000000123450", AMOUNT).orElseThrow().scale());
        assertEquals(Optional.of(new BigDecimal("1.0000")), OfdNumbers.parse("0010000", NAV));
        assertEquals(Optional.of(new BigDecimal("0.00150000")), OfdNumbers.parse("000150000", RATE));
        assertEquals(Optional.of(new BigDecimal("99999999999999.99")), OfdNumbers.parse("9999999999999999", AMOUNT));
        assertEquals(Optional.of(new BigDecimal("0.00")), OfdNumbers.parse("0000000000000000", AMOUNT));
    }

    @Test
    void parseIsEmptyUnlessExactlyWidthDigits() {
        assertTrue(OfdNumbers.parse("XXXXXXXXXXXXXXXX", AMOUNT).isEmpty());
        assertTrue(OfdNumbers.parse("000000000012345", AMOUNT).isEmpty());   // 15
        assertTrue(OfdNumbers.parse("00000000001234500", AMOUNT).isEmpty()); // 17
        assertTrue(OfdNumbers.parse("000000000012345 ", AMOUNT).isEmpty());
        assertTrue(OfdNumbers.parse(" 000000000012345", AMOUNT).isEmpty());
        assertTrue(OfdNumbers.parse("-000000000012345", AMOUNT).isEmpty());
        assertTrue(OfdNumbers.parse("+000000000012345", AMOUNT).isEmpty());
        assertTrue(OfdNumbers.parse("0000000000123.45", AMOUNT).isEmpty());
        assertTrue(OfdNumbers.parse("", AMOUNT).isEmpty());
        assertTrue(OfdNumbers.parse(null, AMOUNT).isEmpty());
        assertTrue(OfdNumbers.parse("\u0660000000", NAV).isEmpty(), "only ASCII digits");
    }

    @Test
    void formatsExactly() {
        assertEquals("0000000000123450", OfdNumbers.format(new BigDecimal("1234.5"), AMOUNT));
        assertEquals("0000000000123450", OfdNumbers.format(new BigDecimal("1234.50"), AMOUNT));
        assertEquals("0000000000123450", OfdNumbers.format(new BigDecimal("1234.5000"), AMOUNT), "trailing zeros");
        assertEquals("0000000000000000", OfdNumbers.format(BigDecimal.ZERO, AMOUNT));
        assertEquals("0000000000000000", OfdNumbers.format(new BigDecimal("0E+3"), AMOUNT));
        assertEquals("0000000100000000", OfdNumbers.format(new BigDecimal("1E+6"), AMOUNT));
        assertEquals("9999999999999999", OfdNumbers.format(new BigDecimal("99999999999999.99"), AMOUNT));
        assertEquals("0010000", OfdNumbers.format(BigDecimal.ONE, NAV));
        assertEquals("000150000", OfdNumbers.format(new BigDecimal("0.0015"), RATE));
    }

    @Test
    void formatThrowsInsteadOfRounding() {
        assertThrows(ArithmeticException.class, () -> OfdNumbers.format(new BigDecimal("-0.01"), AMOUNT));
        assertThrows(ArithmeticException.class, () -> OfdNumbers.format(new BigDecimal("1.005"), AMOUNT));
        assertThrows(ArithmeticException.class, () -> OfdNumbers.format(new BigDecimal("0.00001"), NAV));
        assertThrows(ArithmeticException.class, () -> OfdNumbers.format(new BigDecimal("100000000000000.00"), AMOUNT));
        assertThrows(ArithmeticException.class, () -> OfdNumbers.format(new BigDecimal("1000"), NAV));
        assertThrows(ArithmeticException.class, () -> OfdNumbers.format(new BigDecimal("1E+40"), AMOUNT));
        assertFalse(OfdNumbers.fits(new BigDecimal("-0.01"), AMOUNT));
        assertFalse(OfdNumbers.fits(new BigDecimal("1.005"), AMOUNT));
        assertFalse(OfdNumbers.fits(new BigDecimal("100000000000000"), AMOUNT));
        assertFalse(OfdNumbers.fits(new BigDecimal("1E+40"), AMOUNT));
        assertTrue(OfdNumbers.fits(new BigDecimal("99999999999999.99"), AMOUNT));
        assertTrue(OfdNumbers.fits(new BigDecimal("999.9999"), NAV));
        assertFalse(OfdNumbers.fits(new BigDecimal("1000.0000"), NAV));
        assertTrue(OfdNumbers.fits(new BigDecimal("1.0500"), AMOUNT));
        assertFalse(OfdNumbers.fits(new BigDecimal("1.0050"), AMOUNT));
        assertFalse(OfdNumbers.fits(null, AMOUNT));
    }

    @Test
    void nonNumericFieldsAreRefused() {
        FieldDef a = FieldDictionary.get("AppSheetSerialNo");
        assertThrows(IllegalArgumentException.class, () -> OfdNumbers.parse("1", a));
        assertThrows(IllegalArgumentException.class, () -> OfdNumbers.format(BigDecimal.ONE, a));
    }

    @Provide
    Arbitrary<Tuple.Tuple2<FieldDef, BigDecimal>> fitting() {
        return Arbitraries.of(FieldDictionary.v21().all().stream().filter(FieldDef::numeric).toList())
                .flatMap(d -> Arbitraries.longs().between(0, (long) Math.pow(10, d.width()) - 1)
                        .map(u -> Tuple.of(d, BigDecimal.valueOf(u, d.decimals()))));
    }

    @Property(tries = 300)
    void formatThenParseIsIdentity(@ForAll("fitting") Tuple.Tuple2<FieldDef, BigDecimal> t) {
        FieldDef d = t.get1();
        String s = OfdNumbers.format(t.get2(), d);
        assertEquals(d.width(), s.length());
        assertTrue(OfdNumbers.fits(t.get2(), d));
        assertEquals(t.get2(), OfdNumbers.parse(s, d).orElseThrow());
    }

    @Property(tries = 300)
    void fitsAgreesWithFormat(@ForAll("fitting") Tuple.Tuple2<FieldDef, BigDecimal> t,
                              @ForAll @net.jqwik.api.constraints.IntRange(min = -3, max = 3) int shift,
                              @ForAll boolean negate) {
        BigDecimal v = t.get2().movePointRight(shift);
        if (negate) {
            v = v.negate();
        }
        boolean fits = OfdNumbers.fits(v, t.get1());
        try {
            OfdNumbers.format(v, t.get1());
            assertTrue(fits, v.toPlainString());
        } catch (ArithmeticException e) {
            assertFalse(fits, v.toPlainString());
        }
    }
}
