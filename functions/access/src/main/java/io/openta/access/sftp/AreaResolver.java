package io.openta.access.sftp;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

import io.openta.access.config.AccessRoots;
import io.openta.access.users.AccessUser;

/**
 * Resolves every SFTP path of a request, whatever the command:
 * <ul>
 *   <li>refuses a path with a {@code ..} segment. MINA's rooted file system would already keep such a path inside
 *       the user's folder; refusing it says plainly that climbing out is not allowed, rather than quietly resolving
 *       {@code /upload/../x} to {@code /x};</li>
 *   <li>brings {@code download/} up to date with the outbox before a path under it is used (listed, read or
 *       looked up), so that a file the TA has published is there on the first request that names it.</li>
 * </ul>
 */
final class AreaResolver implements SftpFileSystemAccessor {
    private final AccessRoots roots;
    private final UserAreas areas;

    AreaResolver(AccessRoots roots, UserAreas areas) {
        this.roots = roots;
        this.areas = areas;
    }

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
        Path path = SftpFileSystemAccessor.super.resolveLocalFilePath(subsystem, rootDir, remotePath);
        AreaPath where = AreaPath.of(path);
        switch (where.kind()) {
            case DOWNLOAD_DIR, DOWNLOAD_DATE_DIR, DOWNLOAD_FILE -> {
                AccessUser user = SftpLogins.user(subsystem.getServerSession());
                if (where.date() == null) {
                    DownloadView.refreshAll(roots.outbox(), areas.download(user), user.code());
                } else {
                    DownloadView.refresh(roots.outbox().resolve(where.date()),
                            areas.download(user).resolve(where.date()), user.code());
                }
            }
            default -> {
            }
        }
        return path;
    }

    // The SFTP extensions that copy or link files server-side: refused here as well, whether or not MINA announces
    // them to the listener (AreaPolicy refuses links and renames; nothing of a user's area needs a copy).

    @Override
    public void copyFile(SftpSubsystemProxy subsystem, Path src, Path dst, java.util.Collection<java.nio.file.CopyOption> opts)
            throws IOException {
        throw new Refusal("refused: files cannot be copied on the server");
    }

    @Override
    public void createLink(SftpSubsystemProxy subsystem, Path link, Path existing, boolean symLink)
            throws IOException {
        throw new Refusal("refused: links cannot be made");
    }
}
