package io.openta.access.console.service;

import java.util.List;

import io.openta.access.console.repository.ConsoleRows.Arrivals;
import io.openta.access.console.repository.ConsoleRows.Day;
import io.openta.access.console.repository.ConsoleRows.Rejection;
import io.openta.access.console.repository.ConsoleRows.Rollback;
import io.openta.access.console.repository.ConsoleRows.StageProgress;

/**
 * What the console shows at one moment: every day (latest first) and, for the selected date, its state ({@code day},
 * null when the scheduler has no such day yet), stage progress, rejected files, file arrivals per sender and
 * rollback log. Sent as one server-sent event each time it changes.
 */
public record ConsoleSnapshot(List<Day> days, String date, Day day, List<StageProgress> stages,
        List<Rejection> rejections, List<Arrivals> arrivals, List<Rollback> rollbacks) {
}
