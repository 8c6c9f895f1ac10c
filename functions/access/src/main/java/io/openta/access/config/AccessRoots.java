package io.openta.access.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The folders the access app reads and writes, all resolved once from {@link AccessConfig} to absolute, normalised
 * paths: nothing outside them is ever written.
 */
@ApplicationScoped
public class AccessRoots {
    private final Path dataRoot;
    private final Path inbox;
    private final Path outbox;

    public AccessRoots(AccessConfig config) {
        this.dataRoot = config.dataRoot().toAbsolutePath().normalize();
        this.inbox = config.inbox().orElse(dataRoot.resolve("inbox")).toAbsolutePath().normalize();
        this.outbox = config.outbox().orElse(dataRoot.resolve("outbox")).toAbsolutePath().normalize();
    }

    public Path dataRoot() {
        return dataRoot;
    }

    /** The inbox root. */
    public Path inbox() {
        return inbox;
    }

    /** The inbox folder of one business date, which {@code openta day --inbox} and the scheduler read. */
    public Path inboxOf(String date) {
        return inbox.resolve(date);
    }

    /** The outbox root. */
    public Path outbox() {
        return outbox;
    }

    /** The SFTP users' areas: one folder per user, each with {@code upload/} and {@code download/}. */
    public Path userAreas() {
        return dataRoot.resolve("access").resolve("users");
    }

    /** The generated host key, when none is configured. */
    public Path generatedHostKey() {
        return dataRoot.resolve("access").resolve("ssh_host_key");
    }

    /** Creates the roots if missing. */
    public void create() {
        try {
            Files.createDirectories(inbox);
            Files.createDirectories(outbox);
            Files.createDirectories(userAreas());
        } catch (IOException e) {
            throw new UncheckedIOException("creating the access roots under " + dataRoot, e);
        }
    }
}
