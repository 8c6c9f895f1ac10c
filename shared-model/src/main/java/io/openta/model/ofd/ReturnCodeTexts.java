package io.openta.model.ofd;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The standard texts of the ReturnCodes ({@code v2/return-codes.tsv}, UTF-8), as GBK byte strings for
 * ErrorDetail (spec 1.6). ErrorDetail is {@code C60}: callers cut with {@link Gbk#cut} or
 * {@link OfdRecordBuilder#textCut}.
 */
public final class ReturnCodeTexts {

    private static final Map<String, String> TEXTS;

    static {
        Map<String, String> m = new HashMap<>();
        for (String[] row : SpecData.rows(SpecData.RETURN_CODES)) {
            if (row.length >= 2) {
                m.put(row[0].trim(), Gbk.bytes(row[1]));
            }
        }
        TEXTS = Collections.unmodifiableMap(m);
    }

    private ReturnCodeTexts() {
    }

    /** The byte string of the GBK text of {@code code} (not cut), or the empty string for an unknown code. */
    public static String text(String code) {
        String t = code == null ? null : TEXTS.get(code);
        return t == null ? "" : t;
    }

    /** True when the table has the code. */
    public static boolean known(String code) {
        return code != null && TEXTS.containsKey(code);
    }

    /** All codes with their byte-string texts (unmodifiable). */
    public static Map<String, String> all() {
        return TEXTS;
    }
}
