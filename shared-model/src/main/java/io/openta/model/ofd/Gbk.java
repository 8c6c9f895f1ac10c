package io.openta.model.ofd;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * GBK as the contract defines it (spec 1.1), on bytes and on byte strings (see the package documentation: a
 * byte string is a {@link String} whose chars are bytes 0x00-0xFF, decoded as ISO-8859-1).
 *
 * <p>Valid GBK, byte by byte: a byte 0x00-0x7F is a character; a <i>lead</i> byte 0x81-0xFE followed by a
 * <i>trail</i> byte 0x40-0x7E or 0x80-0xFE is a two-byte character; anything else (0x80, 0xFF, a lead byte
 * without a valid trail byte) is invalid. Two-byte characters are not checked further.
 */
public final class Gbk {

    /** The JDK's GBK charset, used to convert between Unicode text and byte strings. */
    public static final Charset CHARSET = Charset.forName("GBK");

    private Gbk() {
    }

    /** True for a lead byte 0x81-0xFE ({@code b} as 0-255). */
    public static boolean isLead(int b) {
        return b >= 0x81 && b <= 0xFE;
    }

    /** True for a trail byte 0x40-0x7E or 0x80-0xFE ({@code b} as 0-255). */
    public static boolean isTrail(int b) {
        return (b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFE);
    }

    /** True when {@code b[off, off+len)} is valid GBK by the byte rules above (control bytes are valid here). */
    public static boolean isValid(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        int end = off + len;
        int i = off;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
            } else if (isLead(c) && i + 1 < end && isTrail(b[i + 1] & 0xFF)) {
                i += 2;
            } else {
                return false;
            }
        }
        return true;
    }

    /** {@link #isValid(byte[], int, int)} over a byte string; false when it holds a char above 0xFF. */
    public static boolean isValid(String byteString) {
        int n = byteString.length();
        int i = 0;
        while (i < n) {
            int c = byteString.charAt(i);
            if (c < 0x80) {
                i++;
            } else if (isLead(c) && i + 1 < n && isTrail(byteString.charAt(i + 1))) {
                i += 2;
            } else {
                return false;
            }
        }
        return true;
    }

    /** The byte string of the GBK encoding of Unicode text (unmappable characters become {@code ?}). */
    public static String bytes(String unicode) {
        return new String(unicode.getBytes(CHARSET), StandardCharsets.ISO_8859_1);
    }

    /** The Unicode text of a GBK byte string. */
    public static String decode(String byteString) {
        return new String(byteString.getBytes(StandardCharsets.ISO_8859_1), CHARSET);
    }

    /**
     * At most {@code width} bytes of the byte string, never ending in the middle of a two-byte character: walking
     * from the start, a lead byte followed by a valid trail byte is one two-byte character; every other byte is
     * one character. Returns the string itself when it already fits.
     */
    public static String cut(String byteString, int width) {
        if (width < 0) {
            throw new IllegalArgumentException("width " + width);
        }
        int n = byteString.length();
        if (n <= width) {
            return byteString;
        }
        int i = 0;
        while (i < width) {
            int step = charLength(byteString, i);
            if (i + step > width) {
                break;
            }
            i += step;
        }
        return byteString.substring(0, i);
    }

    /**
     * True when {@code offset} (0 &lt; offset &lt; length) falls between the two bytes of a two-byte character,
     * walking from the start as {@link #cut} does. False for offsets 0 and {@code length} and beyond.
     */
    public static boolean boundaryInsideChar(String byteString, int offset) {
        int n = byteString.length();
        if (offset <= 0 || offset >= n) {
            return false;
        }
        int i = 0;
        while (i < offset) {
            i += charLength(byteString, i);
        }
        return i != offset;
    }

    /** 2 when a two-byte character starts at {@code i}, else 1. */
    private static int charLength(String s, int i) {
        return isLead(s.charAt(i)) && i + 1 < s.length() && isTrail(s.charAt(i + 1)) ? 2 : 1;
    }
}
