package io.openta.access.console.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.access.console.config.ConsoleConfig;
import io.openta.access.console.repository.ConsoleQueries;
import io.openta.access.console.repository.ConsoleRows.Day;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The live view of a day: the state read every {@code openta.access.console-refresh}, passed on only when it
 * differs from the last one sent (so a quiet day sends nothing). One reader per open console; it stops when the
 * browser disconnects.
 */
@ApplicationScoped
public class DayWatch {
    private final ConsoleQueries queries;
    private final Duration refresh;

    public DayWatch(ConsoleQueries queries, ConsoleConfig config) {
        this.queries = queries;
        this.refresh = config.consoleRefresh();
    }

    /** The snapshots of {@code date} (null: the days only, the latest day selected) as they change. */
    public Multi<ConsoleSnapshot> watch(String date) {
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(refresh)
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> snapshot(date))
                .skip().repetitions();
    }

    public Uni<ConsoleSnapshot> snapshot(String requested) {
        return queries.days().flatMap(days -> {
            String date = requested != null ? requested : days.isEmpty() ? null : days.get(0).date();
            if (date == null) {
                return Uni.createFrom().item(new ConsoleSnapshot(days, null, null, List.of(), List.of(), List.of(),
                        List.of()));
            }
            Day day = days.stream().filter(d -> d.date().equals(date)).findFirst().orElse(null);
            return Uni.combine().all().unis(queries.stages(date), queries.rejections(date), queries.arrivals(date),
                    queries.rollbacks(date)).with((stages, rejections, arrivals, rollbacks) -> new ConsoleSnapshot(
                            days, date, day, stages, rejections, arrivals, rollbacks));
        });
    }
}
