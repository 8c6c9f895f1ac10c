package io.openta.verify;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the records of one readable output file with the records the state says it must hold: the count,
 * every field of the standard layout (the values spec 1.6 gives, blank or zero for the others), the order, and
 * for 04 the sums of ConfirmedAmount, ConfirmedVol and Charge. Records are matched by key (AppSheetSerialNo and
 * its occurrence; TAAccountID and FundCode), so one missing or extra record is named once, not as a shift of all
 * the records after it.
 */
final class RecordComparer {
    static final String[] SUMMED = {"ConfirmedAmount", "ConfirmedVol", "Charge"};

    private final VerifyReport report;
    private final String file;
    private final Layouts.Layout layout;
    private long mismatches;
    private long unknown;
    private final BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};

    RecordComparer(VerifyReport report, String file, Layouts.Layout layout) {
        this.report = report;
        this.file = file;
        this.layout = layout;
    }

    /** How many mismatches the comparison found in the file's records. */
    long mismatches() {
        return mismatches;
    }

    /** How many expected records had values the state could not give (a missing row, named by another check). */
    long unknown() {
        return unknown;
    }

    /** Σ of {@link #SUMMED} over the file's records (04 only). */
    BigDecimal[] sums() {
        return sums;
    }

    void compare(Path path, long records, List<ExpectedRecord> expected, String source) throws IOException {
        String c = VerifyReport.FILES;
        report.records(c, records);
        if (records != expected.size()) {
            mismatch("record count", expected.size() + " records (" + source + ")", records);
        }
        Map<String, Integer> ordinal = new HashMap<>();
        Map<String, ExpectedRecord> left = new LinkedHashMap<>();
        Map<String, Integer> seenExpected = new HashMap<>();
        int i = 0;
        for (ExpectedRecord e : expected) {
            if (e.values.containsValue(ExpectedRecord.UNKNOWN)) {
                unknown++;
            }
            String k = e.key + "#" + seenExpected.merge(e.key, 1, Integer::sum);
            left.put(k, e);
            ordinal.put(k, i++);
        }
        Map<String, Integer> seen = new HashMap<>();
        int[] previous = {-1};
        boolean[] orderReported = {false};
        boolean sum = "04".equals(layout.type());
        OutputFile.forEachRecord(path, layout, records, (no, line) -> {
            String key = keyOf(line);
            int occurrence = seen.merge(key, 1, Integer::sum);
            String k = key + "#" + occurrence;
            String label = "record " + no + " (" + nameOf(line) + (occurrence > 1 ? ", occurrence " + occurrence
                    : "") + ")";
            if (sum) {
                for (int s = 0; s < SUMMED.length; s++) {
                    BigDecimal v = number(line, layout.field(SUMMED[s]));
                    sums[s] = sums[s].add(v == null ? BigDecimal.ZERO : v);
                }
            }
            ExpectedRecord e = left.remove(k);
            if (e == null) {
                mismatch(label, "no such record (" + source + ")", "a record");
                return;
            }
            int o = ordinal.get(k);
            if (o < previous[0] && !orderReported[0]) {
                orderReported[0] = true;
                mismatch(label, "records in the order of spec 2.7 (" + order() + ")", "out of order");
            }
            previous[0] = Math.max(previous[0], o);
            compareFields(label, line, e);
        });
        for (Map.Entry<String, ExpectedRecord> e : left.entrySet()) {
            String k = e.getKey();
            String occ = k.substring(k.lastIndexOf('#') + 1);
            mismatch(e.getValue().name + ("1".equals(occ) ? "" : " (occurrence " + occ + ")"),
                    "a record (" + e.getValue().source + ")", "none");
        }
    }

    private void compareFields(String label, String line, ExpectedRecord e) {
        for (Layouts.Field f : layout.fields()) {
            Object want = e.values.get(f.name());
            if (want == ExpectedRecord.UNKNOWN) {
                continue;
            }
            String source = e.source;
            if (want == null) {
                want = f.numeric() ? BigDecimal.ZERO : "";
                source = (f.numeric() ? "zero" : "blank") + ": not given for " + layout.type() + " by spec 1.6";
            }
            String text = layout.text(line, f.name());
            if (f.numeric()) {
                BigDecimal got = number(line, f);
                BigDecimal w = (BigDecimal) want;
                if (got == null || got.compareTo(w) != 0) {
                    mismatch(label, f.name() + " " + w.toPlainString() + " (" + source + ")",
                            f.name() + " " + (got == null ? "'" + text + "'" : got.toPlainString()));
                }
            } else {
                String w = ByteText.rtrim(ByteText.cut(String.valueOf(want), f.width()));
                String got = ByteText.rtrim(text);
                if (!w.equals(got)) {
                    mismatch(label, f.name() + " " + Labels.show(w) + " (" + source + ")",
                            f.name() + " " + Labels.show(got));
                }
            }
        }
    }

    /** An N field's value, null when its text is not all digits. */
    static BigDecimal number(String line, Layouts.Layout layout, String field) {
        return numberOf(layout.text(line, field), layout.field(field));
    }

    private BigDecimal number(String line, Layouts.Field f) {
        return numberOf(layout.text(line, f.name()), f);
    }

    static BigDecimal numberOf(String text, Layouts.Field f) {
        return ByteText.digits(text) ? new BigDecimal(new BigInteger(text), f.decimals()) : null;
    }

    /** The key of a file record, as {@link ExpectedRecord} makes it. */
    String keyOf(String line) {
        switch (layout.type()) {
            case "02":
                return "S:" + layout.text(line, "AppSheetSerialNo");
            case "04":
                if ("1".equals(ByteText.rtrim(layout.text(line, "FromTAFlag")))) {
                    return "R:" + position(line);
                }
                return "S:" + layout.text(line, "AppSheetSerialNo");
            default:
                return "P:" + position(line);
        }
    }

    private String position(String line) {
        return ByteText.rtrim(layout.text(line, "TAAccountID")) + "/" + ByteText.rtrim(layout.text(line, "FundCode"));
    }

    private String nameOf(String line) {
        String k = keyOf(line);
        if (k.startsWith("S:")) {
            return "AppSheetSerialNo '" + Labels.readable(ByteText.rtrim(k.substring(2))) + "'";
        }
        return (k.startsWith("R:") ? "income reduction " : "") + Labels.position(
                layout.text(line, "TAAccountID"), layout.text(line, "FundCode"));
    }

    private String order() {
        return switch (layout.type()) {
            case "02" -> "AppSheetSerialNo, then record order";
            case "04" -> "AppSheetSerialNo, then record order; then income reductions by TAAccountID, FundCode";
            default -> "TAAccountID, then FundCode";
        };
    }

    private void mismatch(String record, Object expected, Object found) {
        mismatches++;
        report.mismatch(VerifyReport.FILES, file, record, expected, found);
    }
}
