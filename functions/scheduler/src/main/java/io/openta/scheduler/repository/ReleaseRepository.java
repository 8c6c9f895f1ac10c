package io.openta.scheduler.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.openta.runtime.db.Sql;
import io.openta.runtime.release.Segment;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The release row ({@code sched.release}) and the segment each stage run was dispatched with. Segments go in as
 * {@code $n::text::jsonb}: a String bound straight to a jsonb parameter would be stored as one JSON string.
 */
public final class ReleaseRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReleaseRepository() {
    }

    /** The release as stored; {@code step} null when no step was ever set. */
    public record ReleaseRow(String step, Segment segment, boolean aborted, String updatedAt, String updatedBy) {
        /** The segment a stage starting now dispatches with: none without a step or once the canary is aborted. */
        public Segment activeSegment() {
            return step == null || aborted ? null : segment;
        }
    }

    public static ReleaseRow read(Sql sql) {
        Row r = sql.one("SELECT step, segment::text AS segment, aborted, updated_at::text AS at, updated_by "
                + "FROM sched.release");
        if (r == null) {
            return new ReleaseRow(null, null, false, null, null);
        }
        return new ReleaseRow(r.getString("step"), segment(r.getString("segment")), r.getBoolean("aborted"),
                r.getString("at"), r.getString("updated_by"));
    }

    /** Locks the release row (creating it) so that a step change and a stage start take turns. */
    public static ReleaseRow lock(Sql sql) {
        sql.update("INSERT INTO sched.release (id) VALUES (true) ON CONFLICT (id) DO NOTHING");
        sql.one("SELECT id FROM sched.release FOR UPDATE");
        return read(sql);
    }

    public static void setStep(Sql sql, Segment segment, String by) {
        lock(sql);
        sql.update("""
                UPDATE sched.release SET step = $1, segment = $2::text::jsonb, aborted = false, updated_at = now(),
                  updated_by = $3""", segment.step(), write(segment), by);
    }

    public static void abort(Sql sql, String by) {
        sql.update("UPDATE sched.release SET aborted = true, updated_at = now(), updated_by = $1", by);
    }

    /**
     * A stage of the day starts (again): its run records the release's step and segment as they are now, and all
     * the stage's steps are dispatched with them ({@link #stageSegment}).
     */
    public static void startStage(Sql sql, String date, String stage) {
        Segment segment = lock(sql).activeSegment();
        sql.update("""
                INSERT INTO sched.stage_run (biz_date, stage, release_step, segment)
                VALUES ($1, $2, $3, $4::text::jsonb)
                ON CONFLICT (biz_date, stage) DO UPDATE SET started_at = now(), finished_at = NULL,
                  release_step = EXCLUDED.release_step, segment = EXCLUDED.segment""", date, stage,
                segment == null ? null : segment.step(), segment == null ? null : write(segment));
    }

    /** The segment the stage run of {@code stage} was started with, or null (stable only). */
    public static Segment stageSegment(Sql sql, String date, String stage) {
        Row r = sql.one("SELECT segment::text AS segment FROM sched.stage_run WHERE biz_date = $1 AND stage = $2",
                date, stage);
        return r == null ? null : segment(r.getString("segment"));
    }

    private static Segment segment(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, Segment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sched segment does not read back: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Segment segment) {
        try {
            return JSON.writeValueAsString(segment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
