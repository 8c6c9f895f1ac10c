package io.openta.runtime.task;

/** The day's input makes the day fail (spec 2.1): the scheduler rolls the day back and reports the message. */
public class DayFailure extends RuntimeException {
    public DayFailure(String message) {
        super(message);
    }
}
