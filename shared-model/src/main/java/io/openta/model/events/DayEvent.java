package io.openta.model.events;

/**
 * Progress of a day, published by the scheduler on {@link Topics#DAY_EVENTS}.
 *
 * @param type      STAGE_COMPLETED, DAY_COMPLETED, DAY_FAILED (terminal), DAY_PAUSED, DAY_RESUMED, DAY_CANCELLED (terminal)
 * @param date      business date YYYYMMDD
 * @param stage     the stage id for STAGE_COMPLETED, else the stage the day was in
 * @param records   records the stage handled (STAGE_COMPLETED) or files written (DAY_COMPLETED)
 * @param shards    shard tasks the stage ran
 * @param millis    wall time of the stage (STAGE_COMPLETED) or the day (DAY_COMPLETED)
 * @param message   the cause for DAY_FAILED, else a human-readable summary
 * @param requestId the requestId of the START command that the day runs for
 * @param traffic   production or shadow (stress) day; absent (null) is production
 */
public record DayEvent(String type, String date, String stage, long records, int shards, long millis, String message,
        String requestId, Traffic traffic) {
    public static final String STAGE_COMPLETED = "STAGE_COMPLETED";
    public static final String DAY_COMPLETED = "DAY_COMPLETED";
    public static final String DAY_FAILED = "DAY_FAILED";
    public static final String DAY_PAUSED = "DAY_PAUSED";
    public static final String DAY_RESUMED = "DAY_RESUMED";
    public static final String DAY_CANCELLED = "DAY_CANCELLED";
    /** The answer to {@link DayCommand#CLEAN_SHADOW}: the shadow schemas were emptied (records = tables emptied). */
    public static final String SHADOW_CLEANED = "SHADOW_CLEANED";
    /**
     * The answer to {@link DayCommand#SEED_SHADOW}: the shadow set now holds a copy of production's last close
     * (records = rows copied).
     */
    public static final String SHADOW_SEEDED = "SHADOW_SEEDED";

    public DayEvent {
        traffic = Traffic.orProduction(traffic);
    }

    /** A production event (the form senders used before the traffic mark). */
    public DayEvent(String type, String date, String stage, long records, int shards, long millis, String message,
            String requestId) {
        this(type, date, stage, records, shards, millis, message, requestId, Traffic.PRODUCTION);
    }

    public boolean terminal() {
        return DAY_COMPLETED.equals(type) || DAY_FAILED.equals(type) || DAY_CANCELLED.equals(type)
                || SHADOW_CLEANED.equals(type) || SHADOW_SEEDED.equals(type);
    }
}
