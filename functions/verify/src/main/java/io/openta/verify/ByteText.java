package io.openta.verify;

/**
 * Byte strings (each char one byte of a GBK file, as read with ISO-8859-1 and as kept in the state): cutting to a
 * width without splitting a two-byte character (spec 1.6), padding, trimming, the rules of 2.2 on serials.
 */
final class ByteText {
    private ByteText() {
    }

    /** Lead byte of a two-byte GBK character. */
    static boolean isLead(int b) {
        return b >= 0x81 && b <= 0xFE;
    }

    /** Trail byte of a two-byte GBK character. */
    static boolean isTrail(int b) {
        return (b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFE);
    }

    /**
     * At most {@code width} bytes of {@code s}, never ending between the two bytes of a character (walking from the
     * start, a lead byte followed by a trail byte is one character, any other byte one).
     */
    static String cut(String s, int width) {
        if (s.length() <= width) {
            return s;
        }
        int i = 0;
        while (i < width) {
            int step = isLead(s.charAt(i)) && i + 1 < s.length() && isTrail(s.charAt(i + 1)) ? 2 : 1;
            if (i + step > width) {
                break;
            }
            i += step;
        }
        return s.substring(0, i);
    }

    /** {@code s} padded with spaces on the right to {@code width} (longer text is left as it is). */
    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** {@code s} cut and padded to exactly {@code width}: how a text is written into a field of that width. */
    static String field(String s, int width) {
        return pad(cut(s, width), width);
    }

    /** Without trailing spaces. */
    static String rtrim(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Non-empty (trailing spaces removed) and only ASCII letters and digits: v2's rule for 0139 and 0104. */
    static boolean lettersAndDigits(String s) {
        if (s == null) {
            return false;
        }
        String t = rtrim(s);
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** True when every char is a digit (and there is at least one). */
    static boolean digits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
