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
 * A data-file name (spec 1.1): {@code OFD_<Sender>_<Receiver>_<Date>_<Type>.TXT}, and
 * {@code OFD_<Sender>_<Receiver>_<Date>_<Type>_<Batch>.TXT} for a supplementary batch 001-999.
 *
 * <p>Parsing: sender and receiver are 1-9 characters of {@code 0-9 A-Z}; the date is 8 digits (<b>not</b>
 * checked as a calendar date: the spec asks 8 digits, and a date that is not a real day can never equal the
 * business date, so HEADER rejects such a file); the type is 2 characters of {@code 0-9 A-Z} (known or not, see
 * {@link #fileType()}); a batch suffix is 3 digits other than {@code 000} ({@code _000.TXT} does not parse); the
 * extension {@code .TXT} is matched without regard to case, everything else exactly. {@code batch} is
 * {@code "000"} when the name has no suffix. {@link #fileName()} writes {@code .TXT}.
 */
public record OfdFileName(String sender, String receiver, String date, String typeCode, String batch) {

    private static final Pattern NAME = Pattern.compile(
            "OFD_([0-9A-Z]{1,9})_([0-9A-Z]{1,9})_([0-9]{8})_([0-9A-Z]{2})(?:_([0-9]{3}))?\\.(?i:TXT)");
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{1,9}");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    public OfdFileName {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(typeCode, "typeCode");
        Objects.requireNonNull(batch, "batch");
    }

    /** A name of a known type. */
    public OfdFileName(String sender, String receiver, String date, FileType type, String batch) {
        this(sender, receiver, date, type.code(), batch);
    }

    /** Parses a bare file name (no directory); empty when it is not a data-file name. */
    public static Optional<OfdFileName> parse(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        String batch = m.group(5);
        if ("000".equals(batch)) {
            return Optional.empty();
        }
        return Optional.of(new OfdFileName(m.group(1), m.group(2), m.group(3), m.group(4),
                batch == null ? "000" : batch));
    }

    /** The type of {@link #typeCode()}, empty when it is not one of {@link FileType}. */
    public Optional<FileType> fileType() {
        return FileType.byCode(typeCode);
    }

    /** True when the batch is not 000 (the name carries a {@code _<batch>} suffix). */
    public boolean supplementary() {
        return !"000".equals(batch);
    }

    /** The name, with {@code .TXT}: batch 000 without suffix, any other batch with {@code _<batch>}. */
    public String fileName() {
        StringBuilder sb = new StringBuilder(40);
        sb.append("OFD_").append(sender).append('_').append(receiver).append('_').append(date).append('_')
                .append(typeCode);
        if (supplementary()) {
            sb.append('_').append(batch);
        }
        return sb.append(".TXT").toString();
    }

    /** True when {@code yyyymmdd} is 8 digits forming a valid calendar date (for writers and callers). */
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

    /** True when {@code code} is a participant code of spec 1.1: 1-9 characters of {@code 0-9 A-Z}. */
    public static boolean validCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** Same as {@link OfiFileName#isIndexName(String)}: the name starts with {@code OFI_}. */
    public static boolean isIndexName(String fileName) {
        return OfiFileName.isIndexName(fileName);
    }

    @Override
    public String toString() {
        return fileName();
    }
}
