package io.openta.model.ofd;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/** {@code N(w,d)} text: exactly {@code w} digits, zero-padded on the left, {@code d} implied decimals. */
public final class OfdNumbers {

    private static final BigInteger LONG_LIMIT = BigInteger.valueOf(Long.MAX_VALUE);

    private OfdNumbers() {
    }

    /**
     * {@code N(w,d)} text to a value of scale {@code d}; empty when the text is not exactly {@code w} ASCII
     * digits (spaces, signs and points are not digits).
     *
     * @throws IllegalArgumentException if {@code def} is not an {@code N} field
     */
    public static Optional<BigDecimal> parse(String text, FieldDef def) {
        requireN(def);
        int w = def.width();
        if (text == null || text.length() != w) {
            return Optional.empty();
        }
        if (w <= 18) {
            long v = 0;
            for (int i = 0; i < w; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return Optional.empty();
                }
                v = v * 10 + (c - '0');
            }
            return Optional.of(BigDecimal.valueOf(v, def.decimals()));
        }
        for (int i = 0; i < w; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(new BigDecimal(new BigInteger(text), def.decimals()));
    }

    /**
     * A value to exactly {@code w} digits with {@code d} implied decimals.
     *
     * @throws ArithmeticException if the value is negative, has more than {@code d} decimals (no silent
     *                             rounding; trailing zeros beyond {@code d} are fine) or does not fit {@code w} digits
     * @throws IllegalArgumentException if {@code def} is not an {@code N} field
     */
    public static String format(BigDecimal value, FieldDef def) {
        char[] out = new char[def.width()];
        formatInto(value, def, out, 0);
        return new String(out);
    }

    /** True when {@link #format} would succeed. */
    public static boolean fits(BigDecimal value, FieldDef def) {
        requireN(def);
        if (value == null || value.signum() < 0) {
            return false;
        }
        BigInteger unscaled = unscaledAt(value, def.decimals());
        return unscaled != null && digits(unscaled) <= def.width();
    }

    /** Writes the {@code w} digits into {@code out} at {@code offset} (used by the record builder). */
    static void formatInto(BigDecimal value, FieldDef def, char[] out, int offset) {
        requireN(def);
        if (value == null) {
            throw new NullPointerException("value of " + def.name());
        }
        if (value.signum() < 0) {
            throw new ArithmeticException(def.name() + ": negative value " + value.toPlainString());
        }
        BigInteger unscaled = unscaledAt(value, def.decimals());
        if (unscaled == null) {
            throw new ArithmeticException(def.name() + ": " + value.toPlainString() + " has more than "
                    + def.decimals() + " decimals");
        }
        int w = def.width();
        if (unscaled.compareTo(LONG_LIMIT) <= 0) {
            long v = unscaled.longValue();
            int i = offset + w - 1;
            while (v != 0) {
                if (i < offset) {
                    throw doesNotFit(value, def);
                }
                out[i--] = (char) ('0' + (int) (v % 10));
                v /= 10;
            }
            while (i >= offset) {
                out[i--] = '0';
            }
            return;
        }
        String s = unscaled.toString();
        if (s.length() > w) {
            throw doesNotFit(value, def);
        }
        int pad = w - s.length();
        for (int i = 0; i < pad; i++) {
            out[offset + i] = '0';
        }
        s.getChars(0, s.length(), out, offset + pad);
    }

    private static ArithmeticException doesNotFit(BigDecimal value, FieldDef def) {
        return new ArithmeticException(def.name() + ": " + value.toPlainString() + " does not fit N("
                + def.width() + "," + def.decimals() + ")");
    }

    /** The unscaled value at scale d, or null when that needs rounding. */
    private static BigInteger unscaledAt(BigDecimal value, int d) {
        int scale = value.scale();
        if (scale == d) {
            return value.unscaledValue();
        }
        if (scale < d) {
            return value.setScale(d).unscaledValue();
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > d) {
            return null;
        }
        return stripped.setScale(d).unscaledValue();
    }

    private static int digits(BigInteger v) {
        return v.signum() == 0 ? 1 : v.toString().length();
    }

    private static void requireN(FieldDef def) {
        if (def.type() != FieldType.N) {
            throw new IllegalArgumentException("field " + def.name() + " is " + def.type() + ", not N");
        }
    }
}
