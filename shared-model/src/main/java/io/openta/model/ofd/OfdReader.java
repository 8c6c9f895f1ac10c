package io.openta.model.ofd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads exchange files: the whole-file check of spec 1.5 and a streaming record reader. Both read the file in
 * one buffered streaming pass (memory does not grow with the number of records).
 *
 * <p>Lines: a line ends at LF, a CR right before it is part of the terminator (so CRLF and LF are both
 * accepted; a CR right before the end of the file is treated the same way), and a final terminator does not
 * open an extra empty line. Header, field-name, count and trailer lines are compared after removing trailing
 * spaces; record lines are never trimmed.
 */
public final class OfdReader {

    private static final int KEEP = 256;
    private static final String MARKER = "OFDCFDAT";
    private static final String TRAILER = "OFDCFEND";
    private static final Pattern QUOTE_OR_PARAMETERS_NAME = Pattern.compile(".*_(07|C1)(_[0-9]{3})?\\.TXT");

    private OfdReader() {
    }

    /**
     * One streaming pass over the file: every whole-file check of spec 1.5 in its order (ENCODING, NAME,
     * HEADER, BATCH, FIELDS, TRAILER, COUNT, LENGTH); the first failure is the rejection.
     *
     * @param taCode       the TA code the file must be addressed to (header line 4)
     * @param businessDate the day being cleared, YYYYMMDD (header line 5)
     */
    public static OfdCheck check(Path file, String taCode, String businessDate) throws IOException {
        return check(file, taCode, businessDate, true);
    }

    /**
     * {@link #check} for a file of any of the eight types (e.g. an output file 02, 04, 05 or 06 read back by a
     * test or a distributor): identical except that the HEADER check accepts every type code. {@code receiver}
     * is what header line 4 must say.
     */
    public static OfdCheck checkAnyType(Path file, String receiver, String businessDate) throws IOException {
        return check(file, receiver, businessDate, false);
    }

    private static OfdCheck check(Path file, String taCode, String businessDate, boolean inputOnly)
            throws IOException {
        String fileName = file.getFileName().toString();
        String[] head = new String[10];
        int declared = -1;                       // field count of line 10 when it is 3 digits
        List<String> fieldNames = new ArrayList<>();
        String countLine = null;
        int width = -2;                          // -2 not computed yet, -1 unknown (bad fields)
        long firstBadLine = -1;
        int firstBadLength = 0;
        long total = 0;
        boolean lastIsTrailer = false;
        String lastTrimmed = "";

        try (LineScanner sc = new LineScanner(Files.newInputStream(file), true, KEEP)) {
            while (sc.next()) {
                long ln = sc.lineNo();
                if (ln <= 10) {
                    head[(int) ln - 1] = sc.trimmedString();
                    if (ln == 10 && isDigits(head[9], 3)) {
                        declared = Integer.parseInt(head[9]);
                    }
                } else if (declared >= 0) {
                    if (ln <= 10 + declared) {
                        fieldNames.add(sc.trimmedString());
                    } else if (ln == 11 + declared) {
                        countLine = sc.trimmedString();
                    } else {
                        if (width == -2) {
                            width = widthOf(fieldNames);
                        }
                        if (width >= 0 && firstBadLine < 0 && sc.length() != width) {
                            firstBadLine = ln;
                            firstBadLength = sc.length();
                        }
                    }
                }
                total = ln;
                lastIsTrailer = sc.trimmedEquals(TRAILER);
                if (!lastIsTrailer && sc.trimmedLength() <= 40) {
                    lastTrimmed = sc.trimmedString();
                } else if (!lastIsTrailer) {
                    lastTrimmed = null;
                }
            }
            if (sc.encodingError()) {
                return reject(file, Rejection.ENCODING, sc.encodingDetail());
            }
        }

        // NAME
        Optional<OfdFileName> parsed = OfdFileName.parse(fileName);
        if (parsed.isEmpty()) {
            return reject(file, Rejection.NAME, fileName);
        }
        OfdFileName name = parsed.get();
        String[] fromName = {name.sender(), name.receiver(), name.date(), name.batch(), name.type().code()};
        String[] what = {"sender", "receiver", "date", "batch", "type"};
        for (int i = 0; i < 5; i++) {
            int ln = 3 + i;
            if (ln <= total && !fromName[i].equals(head[ln - 1])) {
                return reject(file, Rejection.NAME, "line " + ln + ": " + what[i] + " " + quote(head[ln - 1])
                        + " disagrees with the file name's " + quote(fromName[i]));
            }
        }

        // HEADER
        if (total < 10) {
            return reject(file, Rejection.HEADER, "file has " + total + " line" + (total == 1 ? "" : "s")
                    + ", fewer than the 10 header lines");
        }
        if (!MARKER.equals(head[0])) {
            return reject(file, Rejection.HEADER, "line 1: marker " + quote(head[0]) + " is not OFDCFDAT");
        }
        if (!"21".equals(head[1])) {
            return reject(file, Rejection.HEADER, "line 2: version " + quote(head[1]) + " is not 21");
        }
        if (!head[3].equals(taCode)) {
            return reject(file, Rejection.HEADER, "line 4: receiver " + quote(head[3]) + " is not the TA code "
                    + quote(taCode));
        }
        if (!head[4].equals(businessDate)) {
            return reject(file, Rejection.HEADER, "line 5: date " + quote(head[4])
                    + " is not the business date " + quote(businessDate));
        }
        if (!isDigits(head[5], 3)) {
            return reject(file, Rejection.HEADER, "line 6: batch " + quote(head[5]) + " is not 3 digits");
        }
        Optional<FileType> type = FileType.byCode(head[6]).filter(ft -> ft.input() || !inputOnly);
        if (type.isEmpty()) {
            return reject(file, Rejection.HEADER, "line 7: type " + quote(head[6])
                    + " is not an input type (01, 03, 07, C1)");
        }
        if (declared < 0) {
            return reject(file, Rejection.HEADER, "line 10: field count " + quote(head[9]) + " is not 3 digits");
        }

        // BATCH
        FileType t = type.get();
        if ((t == FileType.ACCOUNT_APPLICATIONS || t == FileType.FUND_QUOTES || t == FileType.FUND_PARAMETERS)
                && !"000".equals(head[5])) {
            return reject(file, Rejection.BATCH, "line 6: batch " + head[5] + " of a type " + t.code()
                    + " file, only 000 is allowed");
        }

        // FIELDS
        List<FieldDef> defs = new ArrayList<>(fieldNames.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fieldNames.size(); i++) {
            String f = fieldNames.get(i);
            int ln = 11 + i;
            Optional<FieldDef> d = FieldDictionary.find(f);
            if (d.isEmpty()) {
                return reject(file, Rejection.FIELDS, "line " + ln + ": " + quote(f) + " is not a dictionary field");
            }
            if (!seen.add(f)) {
                return reject(file, Rejection.FIELDS, "line " + ln + ": field " + f + " is declared twice");
            }
            defs.add(d.get());
        }
        if (fieldNames.size() < declared) {
            return reject(file, Rejection.FIELDS, "file ends at line " + total + " inside the field list ("
                    + declared + " fields declared, " + fieldNames.size() + " present)");
        }
        for (FieldDef f : t.layout()) {
            if (!seen.contains(f.name())) {
                return reject(file, Rejection.FIELDS, "field " + f.name() + " of type " + t.code()
                        + " is not declared");
            }
        }

        // TRAILER
        if (!lastIsTrailer) {
            return reject(file, Rejection.TRAILER, "last line " + total + " is "
                    + (lastTrimmed == null ? "a long line" : quote(lastTrimmed)) + ", not OFDCFEND");
        }

        // COUNT
        long countLineNo = 11L + declared;
        if (countLineNo >= total) {
            return reject(file, Rejection.COUNT, "no record count line before the trailer (line " + total + ")");
        }
        if (!isDigits(countLine, 8)) {
            return reject(file, Rejection.COUNT, "line " + countLineNo + ": record count " + quote(countLine)
                    + " is not 8 digits");
        }
        long count = Long.parseLong(countLine);
        long lines = total - countLineNo - 1;
        if (count != lines) {
            return reject(file, Rejection.COUNT, "line " + countLineNo + ": record count " + count + ", but "
                    + lines + " record line" + (lines == 1 ? "" : "s") + " before the trailer");
        }

        // LENGTH
        if (firstBadLine > 0 && firstBadLine < total) {
            return reject(file, Rejection.LENGTH, "record " + (firstBadLine - countLineNo) + " (line "
                    + firstBadLine + "): length " + firstBadLength + ", expected " + width);
        }

        OfdHeader header = new OfdHeader(head[2], head[3], head[4], head[5], t, defs);
        return OfdCheck.accepted(file, header, count);
    }

    /**
     * Streams the records of an ACCEPTED file in file order; {@code recordNo} is 1-based. The {@link OfdRecord}
     * passed to the consumer is reused for every record (see {@link OfdRecord}).
     *
     * @throws IOException if the file does not match {@code header} any more (changed since it was checked)
     */
    public static void forEachRecord(Path file, OfdHeader header, RecordConsumer consumer) throws IOException {
        List<FieldDef> fields = header.fields();
        int width = header.recordWidth();
        try (LineScanner sc = new LineScanner(Files.newInputStream(file), true, Math.max(width, KEEP))) {
            for (int ln = 1; ln <= 10; ln++) {
                need(sc, file);
            }
            for (FieldDef f : fields) {
                need(sc, file);
                if (!sc.trimmedEquals(f.name())) {
                    throw changed(file, "line " + sc.lineNo() + " is not the declared field " + f.name());
                }
            }
            need(sc, file);
            String countLine = sc.trimmedString();
            if (!isDigits(countLine, 8)) {
                throw changed(file, "line " + sc.lineNo() + " is not an 8-digit record count");
            }
            long count = Long.parseLong(countLine);
            OfdRecord record = new OfdRecord(header);
            for (long r = 1; r <= count; r++) {
                need(sc, file);
                if (sc.length() != width) {
                    throw changed(file, "record " + r + ": length " + sc.length() + ", expected " + width);
                }
                record.set(sc.lineString());
                consumer.accept(r, record);
            }
        }
    }

    /**
     * True when the file's name (even if it does not fully parse: it matches {@code .*_(07|C1)(_ddd)?\.TXT})
     * or its trimmed line 7 says 07 or C1: such a file, if rejected, fails the day (spec 1.5, 2.1).
     */
    public static boolean saysQuoteOrParameters(Path file) throws IOException {
        if (QUOTE_OR_PARAMETERS_NAME.matcher(file.getFileName().toString()).matches()) {
            return true;
        }
        try (LineScanner sc = new LineScanner(Files.newInputStream(file), false, KEEP)) {
            while (sc.next()) {
                if (sc.lineNo() == 7) {
                    return sc.trimmedEquals("07") || sc.trimmedEquals("C1");
                }
            }
        }
        return false;
    }

    private static void need(LineScanner sc, Path file) throws IOException {
        if (!sc.next()) {
            throw changed(file, sc.encodingError() ? sc.encodingDetail() : "ends at line " + sc.lineNo());
        }
    }

    private static IOException changed(Path file, String what) {
        return new IOException(file + " does not match its checked header: " + what);
    }

    private static int widthOf(List<String> fieldNames) {
        int w = 0;
        for (String f : fieldNames) {
            Optional<FieldDef> d = FieldDictionary.find(f);
            if (d.isEmpty()) {
                return -1;
            }
            w += d.get().width();
        }
        return w;
    }

    private static boolean isDigits(String s, int n) {
        if (s == null || s.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String quote(String s) {
        if (s == null) {
            return "''";
        }
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
    }

    private static OfdCheck reject(Path file, String reason, String detail) {
        return OfdCheck.rejected(file, new Rejection(reason, detail));
    }
}
