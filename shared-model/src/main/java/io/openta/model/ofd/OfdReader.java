package io.openta.model.ofd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads data files: the whole-file check of spec 1.5 (checks 1-8; INDEX, check 9, is applied by the caller
 * with {@link OfdIndex#verdicts}), its migration variant of spec 2.9, and a streaming record reader. Each reads
 * the file in one buffered streaming pass over its bytes (memory does not grow with the number of records; no
 * charset decoding per record).
 *
 * <p>Lines: a line ends at LF, a CR right before it is part of the terminator (so CRLF and LF are both
 * accepted; a CR right before the end of the file is treated the same way), and a final terminator does not
 * open an extra empty line. Header, field-name, count and trailer lines are compared after removing trailing
 * spaces (so the wider padding of version 22 does not matter); record lines are never trimmed. Field names are
 * compared without regard to case. Field and record counts are decimal numbers of any width. Lines other than
 * records are examined on their first 64 KiB.
 */
public final class OfdReader {

    private static final int KEEP_HEADER = 64 * 1024;
    private static final int KEEP_RECORD = 64;
    private static final String MARKER = "OFDCFDAT";
    private static final String TRAILER = "OFDCFEND";
    private static final Pattern FAILS_THE_DAY_NAME = Pattern.compile(".*_(07|C1|C5)(_[0-9]{3})?\\.(?i:TXT)");
    private static final Set<FileType> NO_BATCH = EnumSet.of(FileType.ACCOUNT_APPLICATIONS, FileType.FUND_QUOTES,
            FileType.FUND_PARAMETERS, FileType.FEE_RATES);

    /** What a variant of the check expects: receiver (null: any), date, allowed types, the BATCH rule. */
    private record Expect(String receiver, String date, Set<FileType> types, String typesText, boolean batchRule) {
    }

    private OfdReader() {
    }

    /**
     * One streaming pass over a file of the inbox: the whole-file checks 1-8 of spec 1.5 in their order
     * (ENCODING, NAME, HEADER, BATCH, FIELDS, TRAILER, COUNT, LENGTH); the first failure is the rejection. The
     * INDEX check (9) is not done here: apply {@link IndexVerdicts#forDataFile} to accepted 01 and 03
     * files.
     *
     * @param taCode       the TA code the file must be addressed to (header line 4)
     * @param businessDate the day being cleared, YYYYMMDD (header line 5)
     */
    public static OfdCheck check(Path file, String taCode, String businessDate) throws IOException {
        EnumSet<FileType> types = EnumSet.noneOf(FileType.class);
        for (FileType t : FileType.values()) {
            if (t.input()) {
                types.add(t);
            }
        }
        return check(file, new Expect(taCode, businessDate, types, "an input type (01, 03, 07, C1, C5)", true));
    }

    /**
     * The check of a file of a register to migrate (spec 2.9): as {@link #check} except that the receiver may be
     * any code, the type must be 05 (else HEADER), the date is {@code date}, a batch in the name is allowed, the
     * required fields are {@link FileType#SHARE_BALANCES}' {@link FileType#requiredFields()}, and INDEX does not
     * apply.
     */
    public static OfdCheck checkRegister(Path file, String date) throws IOException {
        return check(file, new Expect(null, date, EnumSet.of(FileType.SHARE_BALANCES), "05", false));
    }

    /**
     * {@link #check} for a data file of any known type (e.g. an output file 02, 04, 05 or 06 read back by a test
     * or a verifier): the receiver must be {@code receiver} unless it is null, any type of {@link FileType} is
     * accepted, a batch is allowed, and the required fields are the type's {@link FileType#requiredFields()}.
     */
    public static OfdCheck checkAnyType(Path file, String receiver, String businessDate) throws IOException {
        return check(file, new Expect(receiver, businessDate, EnumSet.allOf(FileType.class), "a known type",
                false));
    }

    private static OfdCheck check(Path file, Expect expect) throws IOException {
        String fileName = file.getFileName().toString();
        String[] head = new String[10];
        FieldDictionary dict = null;
        long declared = -1;                      // field count of line 10 when it is digits
        long fieldLines = 0;
        List<FieldDef> defs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String fieldsError = null;
        String countLine = null;
        int width = -1;                          // record width, once the field list is known and valid
        int[] offsets = null;
        long firstBadLine = -1;
        String firstBadWhy = null;
        long total = 0;
        boolean lastIsTrailer = false;
        String lastTrimmed = "";

        try (LineScanner sc = new LineScanner(Files.newInputStream(file), LineScanner.Mode.STRICT, KEEP_HEADER)) {
            while (sc.next()) {
                long ln = sc.lineNo();
                if (ln <= 10) {
                    String t = sc.trimmedString();
                    head[(int) ln - 1] = t;
                    if (ln == 2) {
                        dict = FieldDictionary.forVersion(t).orElse(null);
                    } else if (ln == 10 && isDigits(t)) {
                        declared = Math.min(parseCount(t), Integer.MAX_VALUE);
                    }
                } else if (declared >= 0 && ln <= 10 + declared) {
                    fieldLines++;
                    if (fieldsError == null && dict != null) {
                        String f = sc.trimmedString();
                        FieldDef d = dict.def(f);
                        if (d == null) {
                            fieldsError = "line " + ln + ": " + quote(f) + " is not a field of the version "
                                    + head[1] + " dictionary";
                        } else if (!seen.add(d.name())) {
                            fieldsError = "line " + ln + ": field " + d.name() + " is declared twice";
                        } else {
                            defs.add(d);
                        }
                    }
                } else if (declared >= 0 && ln == 11 + declared) {
                    countLine = sc.trimmedString();
                    if (fieldsError == null && dict != null) {
                        offsets = new int[defs.size()];
                        int w = 0;
                        for (int i = 0; i < offsets.length; i++) {
                            offsets[i] = w;
                            w += defs.get(i).width();
                        }
                        boolean[] bnd = new boolean[w];
                        for (int i = 1; i < offsets.length; i++) {
                            if (offsets[i] < w) {
                                bnd[offsets[i]] = true;
                            }
                        }
                        width = w;
                        sc.boundaries(bnd);
                    }
                    sc.maxKeep(KEEP_RECORD);
                } else if (width >= 0 && firstBadLine < 0) {
                    if (sc.length() != width) {
                        firstBadLine = ln;
                        firstBadWhy = "length " + sc.length() + ", expected " + width;
                    } else if (sc.crossing() >= 0) {
                        firstBadLine = ln;
                        int col = sc.crossing();
                        int i = 0;
                        while (offsets[i] != col) {
                            i++;
                        }
                        firstBadWhy = "field " + defs.get(i).name() + " starts at byte " + (col + 1)
                                + ", inside a two-byte character (the end of " + defs.get(i - 1).name() + ")";
                    }
                }
                total = ln;
                lastIsTrailer = sc.trimmedEquals(TRAILER);
                if (!lastIsTrailer) {
                    lastTrimmed = sc.trimmedLength() <= 40 ? sc.trimmedString() : null;
                }
            }
            if (sc.encodingError()) {
                return reject(file, Rejection.ENCODING, sc.encodingDetail());
            }
        }

        // 2 NAME
        Optional<OfdFileName> parsed = OfdFileName.parse(fileName);
        if (parsed.isEmpty()) {
            return reject(file, Rejection.NAME, "name does not parse: " + fileName);
        }
        OfdFileName name = parsed.get();
        int[] nameLines = {3, 4, 5, 7};
        String[] fromName = {name.sender(), name.receiver(), name.date(), name.typeCode()};
        String[] what = {"sender", "receiver", "date", "type"};
        for (int i = 0; i < nameLines.length; i++) {
            int ln = nameLines[i];
            if (ln <= total && !fromName[i].equals(head[ln - 1])) {
                return reject(file, Rejection.NAME, "line " + ln + ": " + what[i] + " " + quote(head[ln - 1])
                        + " disagrees with the file name's " + quote(fromName[i]));
            }
        }

        // 3 HEADER
        if (total < 10) {
            return reject(file, Rejection.HEADER, "the file has " + total + " line" + (total == 1 ? "" : "s")
                    + ", fewer than the 10 header lines");
        }
        if (!MARKER.equals(head[0])) {
            return reject(file, Rejection.HEADER, "line 1: marker " + quote(head[0]) + " is not " + MARKER);
        }
        if (dict == null) {
            return reject(file, Rejection.HEADER, "line 2: version " + quote(head[1]) + " is not 20, 21 or 22");
        }
        if (expect.receiver() != null && !head[3].equals(expect.receiver())) {
            return reject(file, Rejection.HEADER, "line 4: receiver " + quote(head[3]) + " is not the TA code "
                    + quote(expect.receiver()));
        }
        if (!head[4].equals(expect.date())) {
            return reject(file, Rejection.HEADER, "line 5: date " + quote(head[4]) + " is not the date "
                    + quote(expect.date()));
        }
        Optional<FileType> type = FileType.byCode(head[6]).filter(expect.types()::contains);
        if (type.isEmpty()) {
            return reject(file, Rejection.HEADER, "line 7: type " + quote(head[6]) + " is not "
                    + expect.typesText());
        }
        if (declared < 0) {
            return reject(file, Rejection.HEADER, "line 10: field count " + quote(head[9]) + " is not digits");
        }
        FileType t = type.get();

        // 4 BATCH
        if (expect.batchRule() && NO_BATCH.contains(t) && name.supplementary()) {
            return reject(file, Rejection.BATCH, "the file name has batch " + name.batch() + ", but a type "
                    + t.code() + " file has no supplementary batches");
        }

        // 5 FIELDS (in the order of the spec: the list is complete, its names are known and unique, the
        // needed fields are there)
        if (fieldLines < declared) {
            return reject(file, Rejection.FIELDS, "the file ends at line " + total + " inside the field list ("
                    + declared + " fields declared, " + fieldLines + " lines after line 10)");
        }
        if (fieldsError != null) {
            return reject(file, Rejection.FIELDS, fieldsError);
        }
        for (String f : t.requiredFields()) {
            FieldDef need = dict.def(f);
            if (need == null || !seen.contains(need.name())) {
                return reject(file, Rejection.FIELDS, "field " + f + ", which a type " + t.code()
                        + " file needs, is not declared");
            }
        }

        // 6 TRAILER
        if (!lastIsTrailer) {
            return reject(file, Rejection.TRAILER, "last line " + total + " is "
                    + (lastTrimmed == null ? "a long line" : quote(lastTrimmed)) + ", not " + TRAILER);
        }

        // 7 COUNT
        long countLineNo = 11L + declared;
        if (countLineNo >= total) {
            return reject(file, Rejection.COUNT, "no record count line before the trailer (line " + total + ")");
        }
        if (!isDigits(countLine)) {
            return reject(file, Rejection.COUNT, "line " + countLineNo + ": record count " + quote(countLine)
                    + " is not digits");
        }
        long count = parseCount(countLine);
        long lines = total - countLineNo - 1;
        if (count != lines) {
            return reject(file, Rejection.COUNT, "line " + countLineNo + ": record count " + quote(countLine)
                    + ", but " + lines + " record line" + (lines == 1 ? "" : "s") + " before the trailer");
        }

        // 8 LENGTH
        if (firstBadLine > 0 && firstBadLine < total) {
            return reject(file, Rejection.LENGTH, "record " + (firstBadLine - countLineNo) + " (line "
                    + firstBadLine + "): " + firstBadWhy);
        }

        OfdHeader header = new OfdHeader(head[1], head[2], head[3], head[4], name.batch(), t, defs);
        return OfdCheck.accepted(file, header, count);
    }

    /**
     * Streams the records of an ACCEPTED file in file order; {@code recordNo} is 1-based. The {@link OfdRecord}
     * passed to the consumer is reused for every record (see {@link OfdRecord}). Bytes are not checked again.
     *
     * @throws IOException if the file does not match {@code header} any more (changed since it was checked)
     */
    public static void forEachRecord(Path file, OfdHeader header, RecordConsumer consumer) throws IOException {
        List<FieldDef> fields = header.fields();
        int width = header.recordWidth();
        try (LineScanner sc = new LineScanner(Files.newInputStream(file), LineScanner.Mode.LAX,
                Math.max(width, KEEP_HEADER))) {
            for (int ln = 1; ln <= 10; ln++) {
                need(sc, file);
            }
            for (FieldDef f : fields) {
                need(sc, file);
                if (!sc.trimmedString().equalsIgnoreCase(f.name())) {
                    throw changed(file, "line " + sc.lineNo() + " is not the declared field " + f.name());
                }
            }
            need(sc, file);
            String countLine = sc.trimmedString();
            if (!isDigits(countLine)) {
                throw changed(file, "line " + sc.lineNo() + " is not a record count");
            }
            long count = parseCount(countLine);
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
     * True when a rejected file of the inbox fails the day (spec 1.5, last paragraph): its name, even if it does
     * not fully parse, matches {@code .*_(07|C1|C5)(_ddd)?\.TXT} (extension without regard to case), or its
     * trimmed line 7 is {@code 07}, {@code C1} or {@code C5}. Bytes are not checked.
     */
    public static boolean failsTheDay(Path file) throws IOException {
        if (FAILS_THE_DAY_NAME.matcher(file.getFileName().toString()).matches()) {
            return true;
        }
        try (LineScanner sc = new LineScanner(Files.newInputStream(file), LineScanner.Mode.LAX, 256)) {
            while (sc.next()) {
                if (sc.lineNo() == 7) {
                    return sc.trimmedEquals("07") || sc.trimmedEquals("C1") || sc.trimmedEquals("C5");
                }
            }
        }
        return false;
    }

    private static void need(LineScanner sc, Path file) throws IOException {
        if (!sc.next()) {
            throw changed(file, "ends at line " + sc.lineNo());
        }
    }

    private static IOException changed(Path file, String what) {
        return new IOException(file + " does not match its checked header: " + what);
    }

    /** True for a non-empty string of ASCII digits. */
    static boolean isDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value of a digit string of any width; {@link Long#MAX_VALUE} when it does not fit a long. */
    static long parseCount(String digits) {
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                return Long.MAX_VALUE;
            }
            v = v * 10 + d;
        }
        return v;
    }

    static String quote(String s) {
        if (s == null) {
            return "''";
        }
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
    }

    private static OfdCheck reject(Path file, String reason, String detail) {
        return OfdCheck.rejected(file, new Rejection(reason, detail));
    }
}
