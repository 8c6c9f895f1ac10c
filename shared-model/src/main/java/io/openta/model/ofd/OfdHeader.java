package io.openta.model.ofd;

import java.util.List;
import java.util.Objects;

/**
 * The header of an accepted file: lines 3-7 (trimmed) and the declared fields in the file's own order
 * (which may differ from {@link FileType#layout()} and may contain extra dictionary fields).
 */
public record OfdHeader(String sender, String receiver, String date, String batch, FileType type,
                        List<FieldDef> fields) {

    public OfdHeader {
        Objects.requireNonNull(type, "type");
        fields = List.copyOf(fields);
    }

    /** Sum of the declared fields' widths: the length of every record of the file. */
    public int recordWidth() {
        int w = 0;
        for (FieldDef f : fields) {
            w += f.width();
        }
        return w;
    }

    /** The file name this header agrees with. */
    public OfdFileName fileName() {
        return new OfdFileName(sender, receiver, date, type, batch);
    }
}
