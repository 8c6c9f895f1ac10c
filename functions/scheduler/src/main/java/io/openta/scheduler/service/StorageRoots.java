package io.openta.scheduler.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The inbox and outbox roots ({@link StorageConfig}), absolute and normalised: the day folders under them, and the
 * check that a folder an operator names lies under them.
 */
@ApplicationScoped
public class StorageRoots {
    private final Path inbox;
    private final Path outbox;

    public StorageRoots(StorageConfig config) {
        if (config.inboxRoot().isPresent() != config.outboxRoot().isPresent()) {
            throw new IllegalStateException("openta.storage.inbox-root and openta.storage.outbox-root "
                    + "(OPENTA_STORAGE_INBOX_ROOT, OPENTA_STORAGE_OUTBOX_ROOT) are set together or not at all");
        }
        this.inbox = config.inboxRoot().map(p -> p.toAbsolutePath().normalize()).orElse(null);
        this.outbox = config.outboxRoot().map(p -> p.toAbsolutePath().normalize()).orElse(null);
    }

    /** Whether roots are configured (otherwise days' folders come from the start request or the serve defaults). */
    public boolean configured() {
        return inbox != null;
    }

    /** The inbox folder of day {@code date}: {@code <inbox-root>/<date>}. */
    public String inboxOf(String date) {
        return inbox.resolve(date).toString();
    }

    /** The outbox folder of day {@code date}: {@code <outbox-root>/<date>}. */
    public String outboxOf(String date) {
        return outbox.resolve(date).toString();
    }

    /** {@code given} as an absolute, normalised folder under the inbox root; else an operator error (400). */
    public String confineInbox(String given) {
        return confine("inbox", given, inbox);
    }

    /** {@code given} as an absolute, normalised folder under the outbox root; else an operator error (400). */
    public String confineOutbox(String given) {
        return confine("outbox", given, outbox);
    }

    private static String confine(String what, String given, Path root) {
        Path p;
        try {
            p = Path.of(given);
        } catch (java.nio.file.InvalidPathException e) {
            throw new OperatorException(400, what + " '" + given + "' is not a path");
        }
        if (!p.isAbsolute()) {
            throw new OperatorException(400, what + " '" + given + "' is not an absolute path");
        }
        Path n = p.normalize();
        if (!n.startsWith(root) || n.equals(root) || !within(n, root)) {
            throw new OperatorException(400, what + " " + given + " is outside the " + what + " root " + root
                    + " (days' folders are " + root + "/YYYYMMDD)");
        }
        return n.toString();
    }

    /** Through links too: an existing folder must resolve to a place under the root's real place. */
    private static boolean within(Path p, Path root) {
        try {
            if (!Files.exists(p) || !Files.exists(root)) {
                return true;
            }
            return p.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
