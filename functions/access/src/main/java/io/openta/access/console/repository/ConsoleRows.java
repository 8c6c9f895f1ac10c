package io.openta.access.console.repository;

import java.util.List;

/** What the console reads from the database, one record per table view. */
public final class ConsoleRows {
    private ConsoleRows() {
    }

    /** A day of {@code sched.day}: {@code status} RUNNING PAUSED PUBLISHING COMPLETED FAILED STOPPED CANCELLED. */
    public record Day(String date, String status, String stage, String step, String message, String startedAt,
            String finishedAt) {
    }

    /**
     * One stage of a day: its shard tasks of the steps dispatched so far ({@code sched.task}: total, done, failed or
     * being retried, records) and its run ({@code sched.stage_run}); {@code millis} is the run's time, counted in
     * whole seconds while it runs, null for a stage a stopped or rolled-back day left unfinished.
     */
    public record StageProgress(String stage, long shards, long done, long failed, long records, Long millis,
            boolean running) {
    }

    /**
     * An input file clearing refused ({@code trd.inbox_file}, status REJECTED): the .ERR's reason and detail; the
     * sender as recorded, else from the file name.
     */
    public record Rejection(String file, String fileType, String sender, String reason, String detail) {
    }

    /** The files a sender uploaded over SFTP for a day ({@code access.file_arrival}), latest upload first. */
    public record Arrivals(String sender, List<Arrival> files) {
    }

    public record Arrival(String file, String type, String user, long bytes, String arrivedAt) {
    }

    /** A line of {@code sched.rollback_log}. */
    public record Rollback(String kind, String target, String by, String at, String detail) {
    }
}
