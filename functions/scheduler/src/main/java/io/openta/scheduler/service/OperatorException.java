package io.openta.scheduler.service;

/** An operator's request that cannot be carried out as asked; the message says why, in one line. */
public class OperatorException extends RuntimeException {
    private final int status;

    public OperatorException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status that fits: 400 bad request, 404 unknown, 409 not now. */
    public int status() {
        return status;
    }
}
