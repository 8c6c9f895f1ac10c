package io.openta.verify;

import java.math.BigDecimal;

/** How records and values are named in mismatches. */
final class Labels {
    private Labels() {
    }

    /** {@code TAAccountID <id> fund <fund>}, the ID and fund code without trailing spaces. */
    static String position(String account, String fund) {
        return "TAAccountID " + ByteText.rtrim(String.valueOf(account)) + " fund "
                + ByteText.rtrim(String.valueOf(fund));
    }

    static String plain(BigDecimal v) {
        return v == null ? "null" : v.toPlainString();
    }

    static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** A value as shown in a mismatch: numbers plain, text quoted (trailing spaces removed, bytes as chars). */
    static String show(Object v) {
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return "'" + readable(ByteText.rtrim(String.valueOf(v))) + "'";
    }

    /** A byte string with GBK bytes shown as the characters they encode (chars above 0xFF are left as they are). */
    static String readable(String s) {
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return s;
            }
            high |= c > 0x7F;
        }
        return high ? ReturnTexts.unicode(s) : s;
    }

    /** The text of a stored field without trailing spaces; null stays null. */
    static String trimmed(String s) {
        return s == null ? null : ByteText.rtrim(s);
    }
}
