package io.openta.model.events;

/**
 * An operator's command for one business day, sent on {@link Topics#DAY_COMMANDS}.
 *
 * @param type      START, PAUSE, RESUME or CANCEL
 * @param date      business date YYYYMMDD
 * @param inbox     absolute path of the inbox (START only)
 * @param outbox    absolute path of the outbox (START only)
 * @param requestId chosen by the sender; echoed on the {@link DayEvent}s the command causes
 * @param startedBy who starts the day (START only): the operator's authenticated principal, {@code arrivals} when
 *                  its expected files came in, {@code cut-off} at the configured cut-off time; null when unknown
 * @param traffic   production or shadow (stress) day; absent (null) is production
 */
public record DayCommand(String type, String date, String inbox, String outbox, String requestId, String startedBy,
        Traffic traffic) {
    public static final String START = "START";
    public static final String PAUSE = "PAUSE";
    public static final String RESUME = "RESUME";
    public static final String CANCEL = "CANCEL";
    /**
     * Empties the shadow schemas and the shadow staging area ({@code ./openta stress clean}); only with the
     * {@link Traffic#SHADOW} mark. Answered by {@link DayEvent#SHADOW_CLEANED} (or DAY_FAILED).
     */
    public static final String CLEAN_SHADOW = "CLEAN_SHADOW";
    /**
     * Empties the shadow set as {@link #CLEAN_SHADOW} does, then fills it with a copy of production's last close
     * ({@code ./openta stress --from-production}, sent before the stress day's START); only with the
     * {@link Traffic#SHADOW} mark, {@code date} the stress day to come. Answered by {@link DayEvent#SHADOW_SEEDED}
     * (or DAY_FAILED, having changed nothing).
     */
    public static final String SEED_SHADOW = "SEED_SHADOW";

    public DayCommand {
        traffic = Traffic.orProduction(traffic);
    }

    /** A production command whose sender is not recorded (PAUSE, RESUME, CANCEL; a START from the local launcher). */
    public DayCommand(String type, String date, String inbox, String outbox, String requestId) {
        this(type, date, inbox, outbox, requestId, null, Traffic.PRODUCTION);
    }

    /** A production command with its sender. */
    public DayCommand(String type, String date, String inbox, String outbox, String requestId, String startedBy) {
        this(type, date, inbox, outbox, requestId, startedBy, Traffic.PRODUCTION);
    }

    /** A command of the given traffic whose sender is not recorded. */
    public DayCommand(String type, String date, String inbox, String outbox, String requestId, Traffic traffic) {
        this(type, date, inbox, outbox, requestId, null, traffic);
    }
}
