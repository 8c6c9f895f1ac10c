package io.openta.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What a folder holds on disk: the sizes of its regular files, summed. */
final class DiskUse {
    private DiskUse() {
    }

    /** The bytes of the regular files under {@code dir}; 0 when it does not exist. */
    static long bytes(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(DiskUse::size).sum();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A file's size; 0 for one deleted while the folder was walked (PostgreSQL and Kafka remove files). */
    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
