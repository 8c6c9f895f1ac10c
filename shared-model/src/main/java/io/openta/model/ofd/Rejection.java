package io.openta.model.ofd;

import java.util.Objects;

/**
 * Why a file was rejected whole (spec 1.5). {@code reason} is one of ENCODING NAME HEADER BATCH FIELDS
 * TRAILER COUNT LENGTH; {@code detail} names the line or record and the cause.
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

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@code "REJECTED " + reason + " " + detail}, without line terminator. */
    public String errLine() {
        return "REJECTED " + reason + " " + detail;
    }

    /** The whole content of the {@code .ERR} file: {@link #errLine()} followed by CRLF. */
    public String errFileText() {
        return errLine() + "\r\n";
    }
}
