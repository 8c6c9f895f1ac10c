package io.openta.access.sftp;

import java.nio.file.AccessDeniedException;

/**
 * A request the access policy refuses. SFTP answers it with status PERMISSION_DENIED and the reason as the status
 * message ({@link RefusalMessages}), so that the sender sees why.
 */
public final class Refusal extends AccessDeniedException {
    private static final long serialVersionUID = 1L;

    public Refusal(String reason) {
        // no file: FileSystemException.getMessage() is then the reason alone
        super(null, null, reason);
    }
}
