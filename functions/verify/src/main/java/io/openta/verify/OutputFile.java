package io.openta.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back a data file the TA wrote (02, 04, 05, 06): version 21, the standard layout of its type (spec 1.2,
 * 1.6). {@link #check} reads it as a reader would (trailing spaces of header lines ignored, LF accepted) and says
 * why it cannot be read, if it cannot; separately it lists every departure from the exact written form (header
 * lines padded as 1.2 says, CRLF after every line) that does not stop the reading. {@link #forEachRecord} then
 * streams the records. Text is handled as byte strings (ISO-8859-1), so widths are bytes.
 */
final class OutputFile {
    static final String MARKER = "OFDCFDAT";
    static final String TRAILER = "OFDCFEND";

    /** Why the file cannot be read: a REASON of spec 1.5 and a detail. */
    record Problem(String reason, String detail) {
        @Override
        public String toString() {
            return reason + " " + detail;
        }
    }

    /** A departure from the written form: {@code where} is e.g. {@code header line 2}. */
    record Deviation(String where, String expected, String found) {
    }

    /** What {@link #check} found: {@code problem} null when the file reads, then {@code records} is its count. */
    record Structure(Problem problem, long records, List<Deviation> deviations) {
        boolean readable() {
            return problem == null;
        }
    }

    interface RecordFn {
        void record(long no, String line) throws IOException;
    }

    private OutputFile() {
    }

    /** Checks {@code file} against {@code layout}, sent by {@code sender} to {@code receiver} for {@code date}. */
    static Structure check(Path file, Layouts.Layout layout, String sender, String receiver, String date)
            throws IOException {
        List<Deviation> dev = new ArrayList<>();
        try (Lines in = new Lines(Files.newInputStream(file))) {
            String[] h = new String[10];
            for (int i = 0; i < 10; i++) {
                h[i] = in.next();
                if (h[i] == null) {
                    return new Structure(new Problem("HEADER", "fewer than 10 header lines (" + i + ")"), 0, dev);
                }
            }
            String[][] header = {
                    {MARKER, MARKER, "marker"}, {"21", "21  ", "version"}, {sender, ByteText.pad(sender, 9), "sender"},
                    {receiver, ByteText.pad(receiver, 9), "receiver"}, {date, date, "date"}, {null, "999", ""},
                    {layout.type(), layout.type(), "file type"}, {null, " ".repeat(8), ""}, {null, " ".repeat(8), ""}};
            for (int i = 0; i < header.length; i++) {
                String[] e = header[i];
                if (e[0] != null && !ByteText.rtrim(h[i]).equals(e[0])) {
                    return new Structure(new Problem("HEADER", e[2] + " (line " + (i + 1) + ") '" + h[i]
                            + "', expected '" + e[0] + "'"), 0, dev);
                }
                if (!h[i].equals(e[1])) {
                    dev.add(new Deviation("header line " + (i + 1), "'" + e[1] + "'", "'" + h[i] + "'"));
                }
            }
            String fc = ByteText.rtrim(h[9]);
            if (!ByteText.digits(fc)) {
                return new Structure(new Problem("HEADER", "field count '" + h[9] + "' is not digits"), 0, dev);
            }
            int n = layout.fields().size();
            if (!h[9].equals(String.format("%03d", n))) {
                dev.add(new Deviation("header line 10 (field count)", "'" + String.format("%03d", n) + "'",
                        "'" + h[9] + "'"));
            }
            long declared = Long.parseLong(fc);
            if (declared != n) {
                return new Structure(new Problem("FIELDS", declared + " fields, the standard " + layout.type()
                        + " layout has " + n), 0, dev);
            }
            for (int i = 0; i < n; i++) {
                String f = in.next();
                if (f == null) {
                    return new Structure(new Problem("FIELDS", "the file ends inside the field list"), 0, dev);
                }
                String want = layout.fields().get(i).name();
                if (!ByteText.rtrim(f).equals(want)) {
                    return new Structure(new Problem("FIELDS", "field " + (i + 1) + " is '" + f + "', the standard "
                            + layout.type() + " layout has " + want), 0, dev);
                }
                if (!f.equals(want)) {
                    dev.add(new Deviation("field line " + (i + 1), "'" + want + "'", "'" + f + "'"));
                }
            }
            String countLine = in.next();
            if (countLine == null || !ByteText.digits(ByteText.rtrim(countLine))) {
                return new Structure(new Problem("COUNT", countLine == null ? "no record count line"
                        : "record count '" + countLine + "' is not digits"), 0, dev);
            }
            String trimmedCount = ByteText.rtrim(countLine);
            long count = trimmedCount.length() > 18 ? Long.MAX_VALUE : Long.parseLong(trimmedCount);
            if (count <= 99_999_999L && !countLine.equals(String.format("%08d", count))) {
                dev.add(new Deviation("record count line", "'" + String.format("%08d", count) + "'",
                        "'" + countLine + "'"));
            }
            long records = 0;
            String previous = null;
            String badLength = null;
            for (String line = in.next(); line != null; line = in.next()) {
                if (previous != null) {
                    records++;
                    if (badLength == null && previous.length() != layout.width()) {
                        badLength = "record " + records + " is " + previous.length() + " bytes, the " + layout.type()
                                + " layout " + layout.width();
                    }
                }
                previous = line;
            }
            if (previous == null || !ByteText.rtrim(previous).equals(TRAILER)) {
                return new Structure(new Problem("TRAILER", "the last line is "
                        + (previous == null ? "the record count" : "'" + cutForMessage(previous) + "'")
                        + ", not " + TRAILER), 0, dev);
            }
            if (!previous.equals(TRAILER)) {
                dev.add(new Deviation("last line", "'" + TRAILER + "'", "'" + previous + "'"));
            }
            if (records != count) {
                return new Structure(new Problem("COUNT", "the record count line says " + trimmedCount + ", the file "
                        + "has " + records + " records"), 0, dev);
            }
            if (badLength != null) {
                return new Structure(new Problem("LENGTH", badLength), 0, dev);
            }
            if (in.firstWithoutCrLf > 0) {
                dev.add(new Deviation("line " + in.firstWithoutCrLf, "CRLF at the end of every line, the last "
                        + "included", in.lastUnterminated ? "no line terminator" : "LF only"));
            }
            return new Structure(null, records, dev);
        }
    }

    /** Streams the records of a file that {@link #check} found readable. */
    static void forEachRecord(Path file, Layouts.Layout layout, long records, RecordFn fn) throws IOException {
        try (Lines in = new Lines(Files.newInputStream(file))) {
            for (int i = 0; i < 10 + layout.fields().size() + 1; i++) {
                in.next();
            }
            for (long no = 1; no <= records; no++) {
                fn.record(no, in.next());
            }
        }
    }

    /** Every line of a small file (an index), as byte strings, and whether each ended with CRLF. */
    static List<String> allLines(Path file, boolean[] allCrLf) throws IOException {
        List<String> out = new ArrayList<>();
        try (Lines in = new Lines(Files.newInputStream(file))) {
            for (String line = in.next(); line != null; line = in.next()) {
                out.add(line);
            }
            allCrLf[0] = in.firstWithoutCrLf == 0;
        }
        return out;
    }

    private static String cutForMessage(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** Lines split on LF (a CR before it removed); a final terminator does not start a line. */
    private static final class Lines implements AutoCloseable {
        private final InputStream in;
        private final byte[] chunk = new byte[1 << 16];
        private int pos;
        private int limit;
        private byte[] line = new byte[4096];
        private long lineNo;
        long firstWithoutCrLf;
        boolean lastUnterminated;

        Lines(InputStream in) {
            this.in = in;
        }

        String next() throws IOException {
            int len = 0;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    limit = in.read(chunk, 0, chunk.length);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        break;
                    }
                }
                any = true;
                int start = pos;
                while (pos < limit && chunk[pos] != '\n') {
                    pos++;
                }
                int n = pos - start;
                if (len + n > line.length) {
                    line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, len + n));
                }
                System.arraycopy(chunk, start, line, len, n);
                len += n;
                if (pos < limit) {   // at the LF
                    pos++;
                    lineNo++;
                    if (len > 0 && line[len - 1] == '\r') {
                        len--;
                    } else if (firstWithoutCrLf == 0) {
                        firstWithoutCrLf = lineNo;
                    }
                    return new String(line, 0, len, StandardCharsets.ISO_8859_1);
                }
            }
            if (!any) {
                return null;
            }
            lineNo++;
            if (firstWithoutCrLf == 0) {
                firstWithoutCrLf = lineNo;
                lastUnterminated = true;
            }
            return new String(line, 0, len, StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
