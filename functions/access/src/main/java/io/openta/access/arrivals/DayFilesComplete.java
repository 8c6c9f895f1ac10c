package io.openta.access.arrivals;

import java.util.List;

/**
 * The JSON event on {@code openta.file-arrivals} ({@code event} is {@code DAY_FILES_COMPLETE}) when an arrival makes
 * a day's expected files complete ({@link ArrivalTracker}): the date, the expected distributors, the quote sender
 * and the inbox files at that moment. The leading scheduler starts the day on it (its {@code ArrivalStarter}).
 */
public record DayFilesComplete(String event, String date, List<String> distributors, String quoteSender,
        List<String> files) {
    public static final String DAY_FILES_COMPLETE = "DAY_FILES_COMPLETE";
}
