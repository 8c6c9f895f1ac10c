package io.openta.verify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the files the TA writes (spec 1.1, 1.7): {@code OFD_<TA>_<distributor>_<D>_<type>.TXT}, with
 * {@code _<batch>} for a batch other than 000, and the index {@code OFI_<TA>_<distributor>_<D>.TXT}.
 *
 * @param type {@code 02} ... for a data file, {@link #INDEX} for an index file
 */
record OutputFileName(String sender, String receiver, String date, String type, String batch) {
    static final String INDEX = "OFI";

    private static final Pattern DATA = Pattern.compile(
            "OFD_([^_]{1,20})_([^_]{1,20})_([0-9]{8})_([0-9A-Z]{2})(?:_([0-9]{3}))?\\.(?i:TXT)");
    private static final Pattern IDX = Pattern.compile("OFI_([^_]{1,20})_([^_]{1,20})_([0-9]{8})\\.(?i:TXT)");

    static String data(String sender, String receiver, String date, String type, String batch) {
        return new OutputFileName(sender, receiver, date, type, batch).fileName();
    }

    static String index(String sender, String receiver, String date) {
        return new OutputFileName(sender, receiver, date, INDEX, "000").fileName();
    }

    boolean isIndex() {
        return INDEX.equals(type);
    }

    /** The name as the TA writes it. */
    String fileName() {
        if (isIndex()) {
            return "OFI_" + sender + "_" + receiver + "_" + date + ".TXT";
        }
        return "OFD_" + sender + "_" + receiver + "_" + date + "_" + type + ("000".equals(batch) ? "" : "_" + batch)
                + ".TXT";
    }

    /**
     * Reads a name found in an outbox, leniently (any extension case, a batch 000 suffix too), so that a file
     * written under a wrong name is still seen as a file of its day.
     */
    static Optional<OutputFileName> parse(String name) {
        Matcher m = DATA.matcher(name);
        if (m.matches()) {
            return Optional.of(new OutputFileName(m.group(1), m.group(2), m.group(3), m.group(4),
                    m.group(5) == null ? "000" : m.group(5)));
        }
        m = IDX.matcher(name);
        if (m.matches()) {
            return Optional.of(new OutputFileName(m.group(1), m.group(2), m.group(3), INDEX, "000"));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return fileName();
    }
}
