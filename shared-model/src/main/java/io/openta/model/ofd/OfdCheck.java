package io.openta.model.ofd;

import java.nio.file.Path;

/**
 * Result of {@link OfdReader#check}, {@link OfdReader#checkRegister} and {@link OfdReader#checkAnyType}: for an
 * accepted file {@code header} is set, {@code recordCount} is the number of records and {@code rejection} is
 * null; for a rejected one {@code header} is null, {@code recordCount} is 0 and {@code rejection} is set.
 */
public record OfdCheck(Path file, OfdHeader header, long recordCount, Rejection rejection) {

    public static OfdCheck accepted(Path file, OfdHeader header, long recordCount) {
        return new OfdCheck(file, header, recordCount, null);
    }

    public static OfdCheck rejected(Path file, Rejection rejection) {
        return new OfdCheck(file, null, 0, rejection);
    }

    public boolean accepted() {
        return rejection == null;
    }

    /** The file's own name (as in the inbox). */
    public String fileName() {
        return file.getFileName().toString();
    }

    /** The name of the {@code .ERR} file for this input: {@code <input file name>.ERR}. */
    public String errFileName() {
        return fileName() + ".ERR";
    }
}
