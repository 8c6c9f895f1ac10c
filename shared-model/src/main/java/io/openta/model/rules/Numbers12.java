package io.openta.model.rules;

/** TAAccountIDs and TASerialNO numbers are written as 12 digits, zero-padded (spec 2.2, 2.3). */
public final class Numbers12 {
    private static final String ZEROS = "000000000000";

    private Numbers12() {
    }

    /** {@code 1} gives {@code 000000000001}; the export loops call this a million times, hence no String.format. */
    public static String of(long n) {
        if (n < 0 || n > 999_999_999_999L) {
            throw new IllegalArgumentException("not a 12-digit number: " + n);
        }
        String s = Long.toString(n);
        return ZEROS.substring(s.length()) + s;
    }
}
