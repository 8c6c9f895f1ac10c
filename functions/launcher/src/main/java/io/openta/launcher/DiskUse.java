package io.openta.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/** What a folder holds on disk: the sizes of its regular files, summed. */
final class DiskUse {
    private DiskUse() {
    }

    /** The bytes of the regular files under {@code dir}; 0 when it does not exist. */
    static long bytes(Path dir) throws IOException {
        return bytes(dir, new HashSet<>());
    }

    /**
     * As {@link #bytes(Path)}, leaving out files already in {@code seen} (by file key: a hard link to a file counted
     * before is not counted again, as it takes no more disk) and adding the others to it.
     */
    static long bytes(Path dir, Set<Object> seen) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.mapToLong(f -> size(f, seen)).sum();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A regular file's size if not seen before; 0 for others, and for one deleted while the folder was walked. */
    private static long size(Path file, Set<Object> seen) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            Object key = a.fileKey() == null ? file.toAbsolutePath() : a.fileKey();
            return a.isRegularFile() && seen.add(key) ? a.size() : 0;
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
