package io.openta.access.sftp;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * Refuses every SFTP path with a {@code ..} segment, whatever the command. MINA's rooted file system would already
 * keep such a path inside the user's folder; refusing it says plainly that climbing out is not allowed, rather than
 * quietly resolving {@code /upload/../x} to {@code /x}.
 */
final class TraversalGuard implements SftpFileSystemAccessor {
    @Override
    public Path resolveLocalFilePath(SftpSubsystemProxy subsystem, Path rootDir, String remotePath)
            throws IOException {
        if (remotePath != null) {
            for (String segment : remotePath.split("[/\\\\]")) {
                if (segment.equals("..")) {
                    throw new Refusal("refused " + remotePath + ": '..' (leaving your area) is not allowed");
                }
            }
        }
        return SftpFileSystemAccessor.super.resolveLocalFilePath(subsystem, rootDir, remotePath);
    }
}
