package io.openta.register;

/** A register migration that cannot be made: the message names the file, the record and the cause. */
public final class MigrationFailure extends Exception {
    public MigrationFailure(String message) {
        super(message);
    }
}
