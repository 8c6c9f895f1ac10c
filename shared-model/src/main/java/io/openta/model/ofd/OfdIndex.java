package io.openta.model.ofd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Index files (spec 1.7): the check of a distributor's {@code OFI_<distributor>_<TA>_<T>.TXT}, the INDEX verdicts
 * for its data files (check 9 of spec 1.5), and the writer of the TA's own index files.
 *
 * <p>Layout, all versions: {@code OFDCFIDX}, version (20, 21 or 22), sender, receiver, date, file count, one
 * file name a line, {@code OFDCFEND}. Lines are read as in data files (CRLF or LF, trailing spaces trimmed), so
 * the padding of version 22 (codes to 20, count in 8 digits) does not matter and the count is read as a decimal
 * number of any width.
 */
public final class OfdIndex {

    private static final String MARKER = "OFDCFIDX";
    private static final String TRAILER = "OFDCFEND";
    private static final int KEEP = 64 * 1024;

    private OfdIndex() {
    }

    /**
     * Checks an index file of the inbox. Rejections (reason {@code INDEX}), first failure wins, in this order:
     * <ol>
     *   <li>not valid GBK (control characters are not checked);</li>
     *   <li>the name does not parse as {@code OFI_<Sender>_<Receiver>_<Date>.TXT};</li>
     *   <li>header line 3, 4 or 5 (those the file has) disagrees with the name's sender, receiver, date;</li>
     *   <li>fewer than the 6 header lines; marker not {@code OFDCFIDX}; version not 20, 21 or 22; receiver not
     *       the TA code; date not the business date;</li>
     *   <li>the last line is not {@code OFDCFEND} (checked before the count, as for data files, so that the names
     *       are exactly the lines between line 6 and the trailer);</li>
     *   <li>the count is not digits, or not the number of names;</li>
     *   <li>per listed name in order: not a file of the inbox (compared without regard to case), listed twice
     *       (without regard to case), or not a name that parses as a data file of that sender with type 01 or 03
     *       (the inbox's actual name is parsed).</li>
     * </ol>
     *
     * @param inboxFileNames the names of the regular files of the inbox
     */
    public static IndexCheck check(Path indexFile, String taCode, String businessDate,
                                   Collection<String> inboxFileNames) throws IOException {
        String fileName = indexFile.getFileName().toString();
        List<String> lines = new ArrayList<>();
        try (LineScanner sc = new LineScanner(Files.newInputStream(indexFile), LineScanner.Mode.GBK, KEEP)) {
            while (sc.next()) {
                lines.add(sc.trimmedString());
            }
            if (sc.encodingError()) {
                return rejected(indexFile, OfiFileName.parse(fileName).map(OfiFileName::sender).orElse(null),
                        "not valid GBK: " + sc.encodingDetail());
            }
        }
        Optional<OfiFileName> parsed = OfiFileName.parse(fileName);
        if (parsed.isEmpty()) {
            return rejected(indexFile, null, "name does not parse: " + fileName);
        }
        OfiFileName name = parsed.get();
        String sender = name.sender();
        int total = lines.size();
        String[] fromName = {name.sender(), name.receiver(), name.date()};
        String[] what = {"sender", "receiver", "date"};
        for (int i = 0; i < 3; i++) {
            int ln = 3 + i;
            if (ln <= total && !fromName[i].equals(lines.get(ln - 1))) {
                return rejected(indexFile, sender, "header line " + ln + " disagrees with the name: " + what[i]
                        + " " + OfdReader.quote(lines.get(ln - 1)) + ", the name's " + OfdReader.quote(fromName[i]));
            }
        }
        if (total < 6) {
            return rejected(indexFile, sender, "header: the file has " + total + " line" + (total == 1 ? "" : "s")
                    + ", fewer than the 6 header lines");
        }
        if (!MARKER.equals(lines.get(0))) {
            return rejected(indexFile, sender, "marker: line 1 " + OfdReader.quote(lines.get(0)) + " is not "
                    + MARKER);
        }
        if (FieldDictionary.forVersion(lines.get(1)).isEmpty()) {
            return rejected(indexFile, sender, "version: line 2 " + OfdReader.quote(lines.get(1))
                    + " is not 20, 21 or 22");
        }
        if (!lines.get(3).equals(taCode)) {
            return rejected(indexFile, sender, "receiver is not the TA: line 4 " + OfdReader.quote(lines.get(3))
                    + ", the TA code " + OfdReader.quote(taCode));
        }
        if (!lines.get(4).equals(businessDate)) {
            return rejected(indexFile, sender, "date: line 5 " + OfdReader.quote(lines.get(4))
                    + " is not the business date " + OfdReader.quote(businessDate));
        }
        if (total < 7 || !TRAILER.equals(lines.get(total - 1))) {
            return rejected(indexFile, sender, "last line is not OFDCFEND: line " + total + " is "
                    + OfdReader.quote(lines.get(total - 1)));
        }
        String countText = lines.get(5);
        if (!OfdReader.isDigits(countText)) {
            return rejected(indexFile, sender, "file count: line 6 " + OfdReader.quote(countText)
                    + " is not digits");
        }
        long count = OfdReader.parseCount(countText);
        int names = total - 7;
        if (count != names) {
            return rejected(indexFile, sender, "file count: line 6 says " + OfdReader.quote(countText) + ", but "
                    + names + " file name" + (names == 1 ? " is" : "s are") + " listed");
        }
        Map<String, String> inbox = new HashMap<>();
        for (String n : inboxFileNames) {
            inbox.putIfAbsent(FieldDictionary.lower(n), n);
        }
        Set<String> seen = new HashSet<>();
        List<String> listed = new ArrayList<>(names);
        for (int i = 6; i < total - 1; i++) {
            int ln = i + 1;
            String n = lines.get(i);
            String key = FieldDictionary.lower(n);
            String actual = inbox.get(key);
            if (actual == null) {
                return rejected(indexFile, sender, "a listed file is not in the inbox: line " + ln + " "
                        + OfdReader.quote(n));
            }
            if (!seen.add(key)) {
                return rejected(indexFile, sender, "a file is listed twice: line " + ln + " " + OfdReader.quote(n));
            }
            Optional<OfdFileName> data = OfdFileName.parse(actual);
            if (data.isEmpty() || !data.get().sender().equals(sender)
                    || !(data.get().typeCode().equals("01") || data.get().typeCode().equals("03"))) {
                return rejected(indexFile, sender, "a listed file is not a 01 or 03 file of " + sender + ": line "
                        + ln + " " + OfdReader.quote(actual));
            }
            listed.add(actual);
        }
        return new IndexCheck(indexFile, sender, listed, null);
    }

    private static IndexCheck rejected(Path file, String sender, String detail) {
        return new IndexCheck(file, sender, List.of(), new Rejection(Rejection.INDEX, detail));
    }

    /** The INDEX verdicts of a day's index checks. */
    public static IndexVerdicts verdicts(List<IndexCheck> checks) {
        return new IndexVerdicts(checks);
    }

    /**
     * Writes the TA's own index file (spec 1.7) in the version-21 layout: {@code OFDCFIDX}, {@code "21  "},
     * sender and receiver padded to 9, the date, the count in 3 digits, the names in the given order (callers
     * pass them in name order), {@code OFDCFEND}; CRLF after every line. Creates or truncates {@code file}.
     *
     * @throws IllegalArgumentException for a bad code or date, more than 999 names, or a name that is not
     *                                  printable ASCII
     */
    public static void write(Path file, String sender, String receiver, String date, List<String> names)
            throws IOException {
        if (!OfdFileName.validCode(sender) || !OfdFileName.validCode(receiver)) {
            throw new IllegalArgumentException("codes must be 1-9 characters of 0-9 A-Z: " + sender + ", "
                    + receiver);
        }
        if (!OfdFileName.validDate(date)) {
            throw new IllegalArgumentException("date is not a valid YYYYMMDD date: " + date);
        }
        if (names.size() > 999) {
            throw new IllegalArgumentException("more than 999 names");
        }
        StringBuilder sb = new StringBuilder(64 + names.size() * 32);
        sb.append(MARKER).append("\r\n").append("21  \r\n")
                .append(OfdFileWriter.pad9(sender)).append("\r\n")
                .append(OfdFileWriter.pad9(receiver)).append("\r\n")
                .append(date).append("\r\n")
                .append(String.format("%03d", names.size())).append("\r\n");
        for (String n : names) {
            for (int i = 0; i < n.length(); i++) {
                char c = n.charAt(i);
                if (c <= 0x20 || c > 0x7E) {
                    throw new IllegalArgumentException("file name is not printable ASCII: " + Rejection.ascii(n));
                }
            }
            sb.append(n).append("\r\n");
        }
        sb.append(TRAILER).append("\r\n");
        Files.write(file, sb.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
