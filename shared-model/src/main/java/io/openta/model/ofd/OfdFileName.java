package io.openta.model.ofd;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exchange-file name (spec 1.1): {@code OFD_<Sender>_<Receiver>_<Date>_<Type>.TXT} for batch 000 and
 * {@code OFD_<Sender>_<Receiver>_<Date>_<Type>_<Batch>.TXT} for batches 001-999.
 *
 * <p>Parsing is exact and case-sensitive: sender and receiver are 1-9 printable ASCII characters other than
 * space and {@code _}; the date is a valid calendar date {@code YYYYMMDD}; the type is one of the eight codes
 * of {@link FileType}; a batch suffix is 3 digits other than {@code 000} ({@code _000.TXT} does not parse).
 */
public record OfdFileName(String sender, String receiver, String date, FileType type, String batch) {

    private static final Pattern NAME = Pattern.compile(
            "OFD_([!-~&&[^_]]{1,9})_([!-~&&[^_]]{1,9})_([0-9]{8})_(0[1-7]|C1)(?:_([0-9]{3}))?\\.TXT");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    public OfdFileName {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(batch, "batch");
    }

    /** Parses a bare file name (no directory); empty when it is not an exchange-file name. */
    public static Optional<OfdFileName> parse(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        String date = m.group(3);
        if (!validDate(date)) {
            return Optional.empty();
        }
        String batch = m.group(5);
        if ("000".equals(batch)) {
            return Optional.empty();
        }
        FileType type = FileType.byCode(m.group(4)).orElseThrow();
        return Optional.of(new OfdFileName(m.group(1), m.group(2), date, type, batch == null ? "000" : batch));
    }

    /** The name: batch 000 without suffix, any other batch with {@code _<batch>}. */
    public String fileName() {
        StringBuilder sb = new StringBuilder(40);
        sb.append("OFD_").append(sender).append('_').append(receiver).append('_').append(date).append('_')
                .append(type.code());
        if (!"000".equals(batch)) {
            sb.append('_').append(batch);
        }
        return sb.append(".TXT").toString();
    }

    /** True when {@code yyyymmdd} is 8 digits forming a valid calendar date. */
    public static boolean validDate(String yyyymmdd) {
        if (yyyymmdd == null || yyyymmdd.length() != 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            char c = yyyymmdd.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        try {
            LocalDate.parse(yyyymmdd, DATE);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return fileName();
    }
}
