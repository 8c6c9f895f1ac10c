package io.openta.verify;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** ErrorDetail (spec 1.6): the ReturnCode's text of {@code v2/return-codes.tsv} in GBK, cut to the field. */
final class ReturnTexts {
    private static final Charset GBK = Charset.forName("GBK");
    private static final Map<String, String> TEXTS = new HashMap<>();

    static {
        for (String[] r : Layouts.table("return-codes.tsv")) {
            TEXTS.put(r[0].trim(), bytes(r.length > 1 ? r[1] : ""));
        }
    }

    private ReturnTexts() {
    }

    /** The GBK byte string of Unicode text. */
    static String bytes(String unicode) {
        return new String(unicode.getBytes(GBK), StandardCharsets.ISO_8859_1);
    }

    /** The Unicode text of a GBK byte string (for messages only). */
    static String unicode(String byteString) {
        return new String(byteString.getBytes(StandardCharsets.ISO_8859_1), GBK);
    }

    /** The code's text as a byte string, empty for a code the table does not know. */
    static String text(String code) {
        return code == null ? "" : TEXTS.getOrDefault(code.trim(), "");
    }

    /** ErrorDetail for the code: its text cut to {@code width} bytes without splitting a character. */
    static String errorDetail(String code, int width) {
        return ByteText.cut(text(code), width);
    }
}
