package io.openta.model.rules;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Checks on field texts as written (A and C fields are left-aligned: trailing spaces are padding). */
public final class Texts {
    private Texts() {
    }

    public static String rtrim(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Non-empty and digits only, padding aside. */
    public static boolean digits(String text) {
        String t = rtrim(text);
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Non-empty and ASCII letters and digits only, padding aside (spec v2 2.2: AppSheetSerialNo, TransactionAccountID). */
    public static boolean lettersAndDigits(String text) {
        String t = rtrim(text);
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    public static boolean blank(String text) {
        return rtrim(text).isEmpty();
    }

    /** A real calendar date written YYYYMMDD. */
    public static boolean validDate(String text) {
        String t = rtrim(text);
        if (t.length() != 8 || !digits(t)) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)),
                    Integer.parseInt(t.substring(6, 8)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** A time of day written HHMMSS. */
    public static boolean validTime(String text) {
        String t = rtrim(text);
        if (t.length() != 6 || !digits(t)) {
            return false;
        }
        int h = Integer.parseInt(t.substring(0, 2));
        int m = Integer.parseInt(t.substring(2, 4));
        int s = Integer.parseInt(t.substring(4, 6));
        return h < 24 && m < 60 && s < 60;
    }
}
