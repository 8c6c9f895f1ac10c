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
 */
public record DayCommand(String type, String date, String inbox, String outbox, String requestId, String startedBy) {

    /** A command whose sender is not recorded (PAUSE, RESUME, CANCEL; a START from the local launcher). */
    public DayCommand(String type, String date, String inbox, String outbox, String requestId) {
        this(type, date, inbox, outbox, requestId, null);
    }

    public static final String START = "START";
    public static final String PAUSE = "PAUSE";
    public static final String RESUME = "RESUME";
    public static final String CANCEL = "CANCEL";
}
