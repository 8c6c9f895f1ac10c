package io.openta.scheduler.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.events.Traffic;
import io.openta.runtime.chaos.Failpoints;
import io.openta.runtime.staging.Staging;

/**
 * Sends a completed day's files: each staged file is copied beside its final name in the outbox and renamed, so the
 * outbox never holds a half-written file under a real name. Publishing again overwrites with the same bytes.
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
                Path target = outbox.resolve(file.getFileName().toString());
                Path temp = outbox.resolve("." + file.getFileName() + ".openta-tmp");
                Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                failpoints.publishFileDelay();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("publishing day " + date + " to " + outbox, e);
        }
        return files.stream().map(f -> f.getFileName().toString()).toList();
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
