package io.openta.scheduler.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** How a staged file reaches the outbox: a hard link on one file system, a copy across two. */
class PublisherPlaceTest {
    @TempDir
    Path tmp;

    @Test
    void onOneFileSystemTheOutboxSharesTheStagedBytes() throws IOException {
        Path staged = write(tmp.resolve("staging/20270104/export/OFD_99_D01_20270104_04.TXT"), "first");
        Path outboxFile = tmp.resolve("out/.OFD_99_D01_20270104_04.TXT.openta-tmp");
        Files.createDirectories(outboxFile.getParent());
        Publisher.placeAs(staged, outboxFile);
        assertTrue(Files.isSameFile(staged, outboxFile), "a hard link, not a copy");
        assertEquals(2, (Integer) Files.getAttribute(staged, "unix:nlink"));

        // a stage that writes the file again renames a new file over it: the published bytes stay as they were
        Path temp = write(staged.resolveSibling(".OFD_99_D01_20270104_04.TXT.tmp"), "second");
        Files.move(temp, staged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals("first", Files.readString(outboxFile));

        // placing again (a second publish) replaces what the temporary name held
        Publisher.placeAs(staged, outboxFile);
        assertEquals("second", Files.readString(outboxFile));
    }

    @Test
    void publishingAnUnchangedFileAgainLeavesNoHiddenName() throws IOException {
        // a leader killed after publishing, and its successor publishing the same staged files again
        Path staged = write(tmp.resolve("staging/20270104/export/OFD_99_A01_20270104_04.TXT"), "bytes");
        Path outbox = Files.createDirectories(tmp.resolve("out"));
        Publisher.sendFile(staged, outbox);
        Publisher.sendFile(staged, outbox);
        try (var names = Files.list(outbox)) {
            assertEquals(java.util.List.of("OFD_99_A01_20270104_04.TXT"),
                    names.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(Files.isSameFile(staged, outbox.resolve("OFD_99_A01_20270104_04.TXT")));
    }

    @Test
    void acrossFileSystemsTheFileIsCopied() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getFileStore(shm).equals(Files.getFileStore(tmp)), "needs a second file system");
        Path staged = write(tmp.resolve("staged.TXT"), "bytes");
        Path other = Files.createTempDirectory(shm, "openta-publish");
        try {
            Path outboxFile = other.resolve("staged.TXT");
            Publisher.placeAs(staged, outboxFile);
            assertFalse(Files.isSameFile(staged, outboxFile));
            assertEquals("bytes", Files.readString(outboxFile));
        } finally {
            try (var files = Files.list(other)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(other);
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
