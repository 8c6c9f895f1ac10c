package io.openta.scheduler.service;

import java.util.ArrayList;
import java.util.List;

import io.openta.model.events.DayEvent;
import io.openta.model.events.Traffic;
import io.openta.runtime.task.TaskMessage;
import io.openta.scheduler.repository.DayRow;

/**
 * What one scheduler transaction decided to send, sent by {@link DayScheduler} once the transaction has committed,
 * so that a worker never sees a task the database does not know.
 */
final class DayEffects {
    /** The day set the transaction decided on: everything sent carries it. */
    final Traffic traffic;
    final List<TaskMessage> tasks = new ArrayList<>();
    final List<DayEvent> events = new ArrayList<>();
    DayRow publish;
    String dropStaging;
    /** The canary's work this transaction undid ({@link CanaryGuard}). */
    CanaryGuard.Undo canaryUndone;
    /** The whole staging area of {@link #traffic} goes (a shadow clean). */
    boolean emptyStaging;
    /** The shadow topics' records go (a shadow clean or seed): no stale stress task or result is read after it. */
    boolean emptyShadowTopics;
    /** What {@link DayScheduler#startIfNew} did. */
    NewDayStart newDay = NewDayStart.STARTED;

    DayEffects(Traffic traffic) {
        this.traffic = traffic;
    }
}
