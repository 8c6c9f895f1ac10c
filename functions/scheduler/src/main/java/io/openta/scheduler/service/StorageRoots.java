package io.openta.scheduler.service;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The inbox and outbox roots ({@link StorageConfig}), absolute and normalised: day D reads {@code <inbox root>/D} and
 * writes {@code <outbox root>/D}, always; the API takes no folder. Without roots no day can start through the API or
 * on arrival (the start is refused with {@link #missing()}).
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

    /** Whether roots are configured; without them days start only from a day command naming its folders. */
    public boolean configured() {
        return inbox != null;
    }

    /** Why nothing can start here: the roots are not configured. */
    public static String missing() {
        return "no storage roots are configured (OPENTA_STORAGE_INBOX_ROOT, OPENTA_STORAGE_OUTBOX_ROOT): "
                + "days cannot start through the API";
    }

    /** The inbox folder of day {@code date}: {@code <inbox-root>/<date>}. */
    public String inboxOf(String date) {
        return inbox.resolve(date).toString();
    }

    /** The outbox folder of day {@code date}: {@code <outbox-root>/<date>}. */
    public String outboxOf(String date) {
        return outbox.resolve(date).toString();
    }

    /** The refusal of a request naming a folder: where day {@code date}'s files are instead. */
    public String pathsNotTaken(String date) {
        return "paths are not taken: " + (configured() ? "day " + date + " reads " + inboxOf(date) + " and writes "
                + outboxOf(date) : missing());
    }
}
