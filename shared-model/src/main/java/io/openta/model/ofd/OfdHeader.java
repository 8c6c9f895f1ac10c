package io.openta.model.ofd;

import java.util.List;
import java.util.Objects;

/**
 * The header of an accepted data file: the version of line 2 ({@code "20"}, {@code "21"} or {@code "22"}),
 * trimmed lines 3, 4, 5 and the type of line 7, the batch <b>of the file name</b> ({@code "000"} without a
 * suffix; line 6 is a summary-table number and carries no meaning), and the declared fields in file order with
 * their version's definitions (canonical names; the order may differ from any standard layout and may contain
 * fields the TA does not use).
 */
public record OfdHeader(String version, String sender, String receiver, String date, String batch, FileType type,
                        List<FieldDef> fields) {

    public OfdHeader {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(type, "type");
        fields = List.copyOf(fields);
    }

    /** Sum of the declared fields' widths: the length in bytes of every record of the file. */
    public int recordWidth() {
        int w = 0;
        for (FieldDef f : fields) {
            w += f.width();
        }
        return w;
    }

    /** True when the file declares the field ({@code name} compared without regard to case). */
    public boolean declares(String canonicalName) {
        for (FieldDef f : fields) {
            if (f.name().equalsIgnoreCase(canonicalName)) {
                return true;
            }
        }
        return false;
    }

    /** The dictionary of the header's version. */
    public FieldDictionary dictionary() {
        return FieldDictionary.forVersion(version).orElseThrow();
    }

    /** The canonical file name this header agrees with (extension {@code .TXT}). */
    public OfdFileName fileName() {
        return new OfdFileName(sender, receiver, date, type.code(), batch);
    }
}
