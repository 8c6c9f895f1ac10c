package io.openta.scheduler.service;

/** A scheduler write was refused: this process does not hold the leadership lease (or its epoch is outdated). */
public class NotLeaderException extends RuntimeException {
    public NotLeaderException(String message) {
        super(message);
    }
}
