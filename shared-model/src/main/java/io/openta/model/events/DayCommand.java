package io.openta.model.events;

/**
 * An operator's command for one business day, sent on {@link Topics#DAY_COMMANDS}.
 *
 * @param type      START, PAUSE, RESUME or CANCEL
 * @param date      business date YYYYMMDD
 * @param inbox     absolute path of the inbox (START only)
 * @param outbox    absolute path of the outbox (START only)
 * @param requestId chosen by the sender; echoed on the {@link DayEvent}s the command causes
 * @param traffic   production or shadow (stress) day; absent (null) is production
 */
public record DayCommand(String type, String date, String inbox, String outbox, String requestId, Traffic traffic) {
    public static final String START = "START";
    public static final String PAUSE = "PAUSE";
    public static final String RESUME = "RESUME";
    public static final String CANCEL = "CANCEL";

    public DayCommand {
        traffic = Traffic.orProduction(traffic);
    }

    /** A production command (the form senders used before the traffic mark). */
    public DayCommand(String type, String date, String inbox, String outbox, String requestId) {
        this(type, date, inbox, outbox, requestId, Traffic.PRODUCTION);
    }
}
