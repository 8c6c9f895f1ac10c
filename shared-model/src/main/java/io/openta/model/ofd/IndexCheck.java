package io.openta.model.ofd;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link OfdIndex#check}: {@code sender} is the sender of the index name (null when the name does not
 * parse); {@code listed} holds, for an accepted index, the listed files by their actual inbox names in listing
 * order (empty when rejected); {@code rejection} is null when accepted, else reason {@code INDEX}.
 */
public record IndexCheck(Path file, String sender, List<String> listed, Rejection rejection) {

    public IndexCheck {
        Objects.requireNonNull(file, "file");
        listed = List.copyOf(listed);
    }

    public boolean accepted() {
        return rejection == null;
    }

    /** {@code <index file name>.ERR}. */
    public String errFileName() {
        return file.getFileName().toString() + ".ERR";
    }
}
