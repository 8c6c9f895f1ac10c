package io.openta.verify;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes output files of the standard layouts as spec 1.2 and 1.6 say, for the tests. */
final class TestFiles {
    private TestFiles() {
    }

    /** A record of the type's layout: the given values (String or BigDecimal), blank or zero elsewhere. */
    static String record(String type, Map<String, Object> values) {
        StringBuilder sb = new StringBuilder();
        for (Layouts.Field f : Layouts.of(type).fields()) {
            Object v = values.get(f.name());
            if (f.numeric()) {
                BigDecimal n = v == null ? BigDecimal.ZERO : (BigDecimal) v;
                String digits = n.movePointRight(f.decimals()).setScale(0).toPlainString();
                sb.append("0".repeat(f.width() - digits.length())).append(digits);
            } else {
                sb.append(ByteText.field(v == null ? "" : (String) v, f.width()));
            }
        }
        return sb.toString();
    }

    /** The lines of a whole file. */
    static List<String> lines(String type, String sender, String receiver, String date, List<String> records) {
        List<String> l = new ArrayList<>();
        l.add("OFDCFDAT");
        l.add("21  ");
        l.add(ByteText.pad(sender, 9));
        l.add(ByteText.pad(receiver, 9));
        l.add(date);
        l.add("999");
        l.add(type);
        l.add(" ".repeat(8));
        l.add(" ".repeat(8));
        List<Layouts.Field> fields = Layouts.of(type).fields();
        l.add(String.format("%03d", fields.size()));
        fields.forEach(f -> l.add(f.name()));
        l.add(String.format("%08d", records.size()));
        l.addAll(records);
        l.add("OFDCFEND");
        return l;
    }

    static Path write(Path file, List<String> lines, String eol) throws IOException {
        Files.writeString(file, String.join(eol, lines) + eol, StandardCharsets.ISO_8859_1);
        return file;
    }
}
