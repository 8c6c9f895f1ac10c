package io.openta.access.sftp;

import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpSubsystemEnvironment;

/**
 * SFTP status messages: a {@link Refusal}'s reason is sent as it is; any other failure keeps MINA's generic text for
 * its status (no server paths or exception details leak to the client).
 */
final class RefusalMessages implements SftpErrorStatusDataHandler {
    @Override
    public String resolveErrorMessage(SftpSubsystemEnvironment sftpSubsystem, int id, Throwable e, int subStatus,
            int cmd, Object... args) {
        if (e instanceof Refusal r) {
            return r.getReason();
        }
        return SftpErrorStatusDataHandler.super.resolveErrorMessage(sftpSubsystem, id, e, subStatus, cmd, args);
    }
}
