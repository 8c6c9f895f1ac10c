package io.openta.model.ofd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the contract's data files, byte-identical copies of {@code spec/v2/*.tsv} kept as class-path resources
 * under {@code io/openta/model/ofd/v2/}: UTF-8, tab-separated, one header row.
 */
final class SpecData {

    static final String DIR = "v2/";
    static final String FIELDS_21 = "fields-21.tsv";
    static final String FIELDS_22 = "fields-22.tsv";
    static final String LAYOUTS_21 = "layouts-21.tsv";
    static final String RETURN_CODES = "return-codes.tsv";

    private SpecData() {
    }

    /** The raw bytes of a data file. */
    static byte[] bytes(String name) {
        try (InputStream in = SpecData.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/openta/model/ofd/" + DIR + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + DIR + name, e);
        }
    }

    /** The rows of a data file without its header row, split at tabs; blank lines are skipped. */
    static List<String[]> rows(String name) {
        String text = new String(bytes(name), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(lines[i].split("\t", -1));
            }
        }
        return rows;
    }
}
