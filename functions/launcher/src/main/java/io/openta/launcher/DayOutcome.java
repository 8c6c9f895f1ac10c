package io.openta.launcher;

import io.openta.model.events.DayEvent;

import java.util.List;

/**
 * How a clearing day ended.
 *
 * @param date     business date
 * @param terminal the terminal event (DAY_COMPLETED, DAY_FAILED or DAY_CANCELLED); null when the launcher gave up
 * @param events   every event of the day, in order, the terminal one included
 * @param millis   wall time seen by the launcher, from sending START to the terminal event
 * @param message  the cause when the day did not complete, else the terminal event's message
 */
public record DayOutcome(String date, DayEvent terminal, List<DayEvent> events, long millis, String message) {

    public boolean completed() {
        return terminal != null && DayEvent.DAY_COMPLETED.equals(terminal.type());
    }

    public boolean failed() {
        return !completed();
    }

    /** The STAGE_COMPLETED events, in order. */
    public List<DayEvent> stages() {
        return events.stream().filter(e -> DayEvent.STAGE_COMPLETED.equals(e.type())).toList();
    }
}
