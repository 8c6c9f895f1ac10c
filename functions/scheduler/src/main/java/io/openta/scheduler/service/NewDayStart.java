package io.openta.scheduler.service;

/** What {@link DayScheduler#startIfNew} did with a day. */
public enum NewDayStart {
    /** The day was never started before: it starts now. */
    STARTED,
    /** The day is known in some state (running, completed, cancelled, ...): left as it is. */
    KNOWN,
    /** Another day is still open: this one was not started. */
    OTHER_DAY_OPEN
}
