package io.openta.scheduler.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.events.Traffic;
import io.openta.runtime.chaos.Failpoints;
import io.openta.runtime.staging.Staging;

/**
 * Sends a completed day's files: each staged file is placed beside its final name in the outbox and renamed, so the
 * outbox never holds a half-written file under a real name. Publishing again overwrites with the same bytes.
 *
 * <p>A staged file is never written again once staged (a stage that writes it again writes a new file and renames it
 * over), so the outbox shares its bytes through a hard link where both are on one file system: no copy to wait for,
 * and no second copy on disk while the staged files stay (the latest day's do, for a rollback to re-publish them;
 * at 10,000,000 accounts a day's files are 18 GB). Elsewhere, or where links are refused, the file is copied.
 */
@ApplicationScoped
public class Publisher {
    private final Staging staging;
    private final Failpoints failpoints;

    public Publisher(Staging staging, Failpoints failpoints) {
        this.staging = staging;
        this.failpoints = failpoints;
    }

    /** Copies the day's staged files to the outbox; returns their names (to be recorded as published). */
    public List<String> publish(String date, Path outbox) {
        return publish(date, outbox, Traffic.PRODUCTION);
    }

    /** As {@link #publish(String, Path)}, from the staging area of {@code traffic}'s days (a stress day's own). */
    public List<String> publish(String date, Path outbox, Traffic traffic) {
        List<Path> files = staging.of(traffic).stagedFiles(date);
        try {
            Files.createDirectories(outbox);
            removeLeftovers(outbox);
            for (Path file : files) {
                sendFile(file, outbox);
                failpoints.publishFileDelay();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("publishing day " + date + " to " + outbox, e);
        }
        return files.stream().map(f -> f.getFileName().toString()).toList();
    }

    /** Puts {@code file} in {@code outbox} under its own name: placed beside it under a hidden name, then renamed. */
    static void sendFile(Path file, Path outbox) throws IOException {
        Path target = outbox.resolve(file.getFileName().toString());
        Path temp = outbox.resolve("." + file.getFileName() + ".openta-tmp");
        placeAs(file, temp);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // renaming a link over another link to the same file does nothing (rename(2)), leaving the hidden name: a
        // second publish of an unchanged staged file (after a takeover, or the same START again) finds it so
        Files.deleteIfExists(temp);
    }

    /** {@code temp} holds {@code file}'s bytes afterwards: a hard link to it, else a copy. */
    static void placeAs(Path file, Path temp) throws IOException {
        Files.deleteIfExists(temp);
        try {
            Files.createLink(temp, file);
        } catch (UnsupportedOperationException | FileSystemException e) {
            // another file system (EXDEV), or one without hard links
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A publish killed mid-copy leaves a hidden temporary; the next publish clears it before writing. */
    private static void removeLeftovers(Path outbox) throws IOException {
        try (var entries = Files.newDirectoryStream(outbox, ".*.openta-tmp")) {
            for (Path leftover : entries) {
                Files.deleteIfExists(leftover);
            }
        }
    }
}
