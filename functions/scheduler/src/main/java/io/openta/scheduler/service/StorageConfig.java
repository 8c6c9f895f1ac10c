package io.openta.scheduler.service;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Where days' files live ({@code OPENTA_STORAGE_INBOX_ROOT}, {@code OPENTA_STORAGE_OUTBOX_ROOT}): day D reads
 * {@code <inbox-root>/D/} and writes {@code <outbox-root>/D/}, the folders the access app fills and serves. Both or
 * neither; when set, a start naming a folder outside them is refused.
 */
@ConfigMapping(prefix = "openta.storage")
public interface StorageConfig {
    /** The inbox root: one folder per business date. */
    Optional<Path> inboxRoot();

    /** The outbox root: one folder per business date. */
    Optional<Path> outboxRoot();
}
