package io.openta.model.ofd;

import java.util.Objects;

/**
 * Why a file was rejected whole (spec 1.5, 1.7). {@code reason} is one of {@link #ENCODING} {@link #NAME}
 * {@link #HEADER} {@link #BATCH} {@link #FIELDS} {@link #TRAILER} {@link #COUNT} {@link #LENGTH} {@link #INDEX};
 * {@code detail} names the line or record and the cause. The detail is always ASCII: the constructor replaces
 * every char outside 0x20-0x7E by {@code \xHH} (its byte value; chars above 0xFF by {@code \\uHHHH}).
 */
public record Rejection(String reason, String detail) {

    public static final String ENCODING = "ENCODING";
    public static final String NAME = "NAME";
    public static final String HEADER = "HEADER";
    public static final String BATCH = "BATCH";
    public static final String FIELDS = "FIELDS";
    public static final String TRAILER = "TRAILER";
    public static final String COUNT = "COUNT";
    public static final String LENGTH = "LENGTH";
    public static final String INDEX = "INDEX";

    /** Detail of an {@code INDEX} rejection of a data file whose sender's index was rejected. */
    public static final String INDEX_REJECTED = "index rejected";
    /** Detail of an {@code INDEX} rejection of a data file that no accepted index lists. */
    public static final String NOT_LISTED = "not listed";

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        detail = ascii(detail);
    }

    /** {@code s} with every char outside 0x20-0x7E escaped as {@code \xHH} (or {@code \\uHHHH} above 0xFF). */
    public static String ascii(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) >= 0x20 && s.charAt(i) <= 0x7E) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c <= 0x7E) {
                sb.append(c);
            } else if (c <= 0xFF) {
                sb.append(String.format("\\x%02X", (int) c));
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.toString();
    }

    /** {@code "REJECTED " + reason + " " + detail}, without line terminator. */
    public String errLine() {
        return "REJECTED " + reason + " " + detail;
    }

    /** The whole content of the {@code .ERR} file: {@link #errLine()} followed by CRLF (ASCII). */
    public String errFileText() {
        return errLine() + "\r\n";
    }
}
