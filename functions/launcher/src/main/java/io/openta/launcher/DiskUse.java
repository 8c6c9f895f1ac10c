package io.openta.launcher;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

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
        long[] total = { 0 };
        // a walk, not Files.walk: a running broker or database renames and deletes files as they are listed (Kafka's
        // checkpoint .tmp files), and Files.walk fails on an entry gone before it is read
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                Object key = a.fileKey() == null ? file.toAbsolutePath() : a.fileKey();
                if (a.isRegularFile() && seen.add(key)) {
                    total[0] += a.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                return goneIsFine(e);
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                return e == null ? FileVisitResult.CONTINUE : goneIsFine(e);
            }
        });
        return total[0];
    }

    /** An entry deleted while the folder was walked is skipped; any other failure is the caller's. */
    private static FileVisitResult goneIsFine(IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
        }
        throw e;
    }
}
