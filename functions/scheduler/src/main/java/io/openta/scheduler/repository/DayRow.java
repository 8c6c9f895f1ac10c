package io.openta.scheduler.repository;

import io.vertx.mutiny.sqlclient.Row;

/** A day as {@code sched.day} holds it. */
public record DayRow(String date, String status, String stage, String step, String inbox, String outbox,
        String requestId) {

    public static DayRow of(Row r) {
        return new DayRow(r.getString("biz_date"), r.getString("status"), r.getString("stage"), r.getString("step"),
                r.getString("inbox"), r.getString("outbox"), r.getString("request_id"));
    }

    public boolean open() {
        return switch (status) {
            case "RUNNING", "PAUSED", "STOPPED", "PUBLISHING" -> true;
            default -> false;
        };
    }
}
