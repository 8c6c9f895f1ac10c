package io.openta.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An OFI index the TA wrote (spec 1.7): {@code OFDCFIDX}, version {@code 21} padded to 4, sender and receiver
 * padded to 9, D, the count in 3 digits, the distributor's data files of D in name order, {@code OFDCFEND}; CRLF
 * after every line.
 */
final class IndexFileChecks {
    private final Day day;
    private final String ta;

    IndexFileChecks(Day day, String ta) {
        this.day = day;
        this.ta = ta;
    }

    /** The lines an index must hold. */
    static List<String> expectedLines(String ta, String distributor, String date, List<String> files) {
        List<String> want = new ArrayList<>();
        want.add("OFDCFIDX");
        want.add("21  ");
        want.add(ByteText.pad(ta, 9));
        want.add(ByteText.pad(distributor, 9));
        want.add(date);
        want.add(String.format("%03d", files.size()));
        want.addAll(files);
        want.add("OFDCFEND");
        return want;
    }

    void check(Path path, String distributor, List<String> files) throws IOException {
        VerifyReport report = day.report();
        String c = VerifyReport.FILES;
        String name = path.getFileName().toString();
        report.records(c, 1);
        boolean[] crlf = {true};
        List<String> got = OutputFile.allLines(path, crlf);
        List<String> want = expectedLines(ta, distributor, day.date(), files);
        int header = 6;
        for (int i = 0; i < Math.max(got.size(), want.size()); i++) {
            String w = i < want.size() ? want.get(i) : null;
            String g = i < got.size() ? got.get(i) : null;
            if (w != null && w.equals(g)) {
                continue;
            }
            String what = i < header ? "header line " + (i + 1)
                    : i < want.size() - 1 ? "listed file " + (i - header + 1)
                    : i == want.size() - 1 ? "last line" : "line " + (i + 1);
            report.mismatch(c, name, what, w == null ? "no line (" + want.size() + " lines)"
                    : "'" + w + "'" + (i >= header && i < want.size() - 1 ? " (" + distributor
                    + "'s data files of " + day.date() + " in name order)" : ""), g == null ? "none" : "'" + g + "'");
        }
        if (!crlf[0]) {
            report.mismatch(c, name, "line endings", "CRLF after every line, the last included", "LF only or none");
        }
    }
}
