package io.openta.launcher;

/** A bad command line: the message is one line that says what is wrong. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
