package io.openta.model.ofd;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An index-file name (spec 1.1, 1.7): {@code OFI_<Sender>_<Receiver>_<Date>.TXT}; codes 1-9 characters of
 * {@code 0-9 A-Z}, the date 8 digits (not checked as a calendar date, as for {@link OfdFileName}), the extension
 * matched without regard to case. {@link #fileName()} writes {@code .TXT}.
 */
public record OfiFileName(String sender, String receiver, String date) {

    private static final Pattern NAME =
            Pattern.compile("OFI_([0-9A-Z]{1,9})_([0-9A-Z]{1,9})_([0-9]{8})\\.(?i:TXT)");

    public OfiFileName {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(date, "date");
    }

    /** Parses a bare file name; empty when it is not an index-file name. */
    public static Optional<OfiFileName> parse(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(fileName);
        return m.matches() ? Optional.of(new OfiFileName(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /**
     * True when an inbox file of that name is treated as an index file: its name starts with {@code OFI_}
     * (exactly, upper case), whether or not it parses.
     */
    public static boolean isIndexName(String fileName) {
        return fileName != null && fileName.startsWith("OFI_");
    }

    /** {@code OFI_<sender>_<receiver>_<date>.TXT}. */
    public String fileName() {
        return "OFI_" + sender + '_' + receiver + '_' + date + ".TXT";
    }

    @Override
    public String toString() {
        return fileName();
    }
}
