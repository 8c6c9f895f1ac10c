package io.openta.access.sftp;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.DirectoryHandle;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.jboss.logging.Logger;

import io.openta.access.arrivals.ArrivalService;
import io.openta.access.config.AccessRoots;
import io.openta.access.users.AccessUser;

/**
 * What a signed-in user may do in its own area, enforced on MINA's SFTP events (an exception vetoes the request and
 * its {@link Refusal} reason goes back to the client):
 * <ul>
 *   <li>list {@code /}, {@code upload/}, {@code download/} and {@code download/<YYYYMMDD>/};</li>
 *   <li>write a new file into {@code upload/} under a name {@link UploadRules} accepts (no append or resume);</li>
 *   <li>read files under {@code download/};</li>
 *   <li>nothing else: no folders made, nothing renamed, removed or linked, attributes only on its uploads.</li>
 * </ul>
 * An upload is written under {@code upload/}, outside the inbox. When the client closes the file, it is renamed
 * (atomically: same file system) into the inbox of its business date and the arrival is recorded; an upload whose
 * session ends before the client closed it is deleted and never reaches the inbox.
 */
final class AreaPolicy implements SftpEventListener {
    private static final Logger LOG = Logger.getLogger(AreaPolicy.class);
    private static final AttributeKey<Pending> PENDING = new AttributeKey<>();

    /** An upload in progress: who, what, and where it is written. */
    private record Pending(AccessUser user, UploadRules.Upload upload, Path file) {
    }

    private final AccessRoots roots;
    private final UserAreas areas;
    private final String taCode;
    private final ArrivalService arrivals;
    /**
     * Uploads open now, by local file: a second writer of the same file would interleave with the first. An entry
     * whose handle is closed is stale (its open failed after this listener let it through) and is replaced.
     */
    private final Map<Path, Handle> inProgress = new ConcurrentHashMap<>();

    AreaPolicy(AccessRoots roots, UserAreas areas, String taCode, ArrivalService arrivals) {
        this.roots = roots;
        this.areas = areas;
        this.taCode = taCode;
        this.arrivals = arrivals;
    }

    @Override
    public void opening(ServerSession session, String remoteHandle, Handle localHandle) throws IOException {
        AccessUser user = SftpLogins.user(session);
        AreaPath where = AreaPath.of(localHandle.getFile());
        if (localHandle instanceof DirectoryHandle) {
            openingDirectory(where);
        } else if (localHandle instanceof FileHandle fh) {
            openingFile(user, where, fh);
        } else {
            throw new Refusal("refused: unknown handle");
        }
    }

    private static void openingDirectory(AreaPath where) throws IOException {
        switch (where.kind()) {
            case ROOT, UPLOAD_DIR, DOWNLOAD_DIR, DOWNLOAD_DATE_DIR -> {
                // download/ was brought up to date when the path was resolved (AreaResolver)
            }
            default -> throw new Refusal("refused: your area has only upload/ and download/<YYYYMMDD>/");
        }
    }

    private void openingFile(AccessUser user, AreaPath where, FileHandle fh) throws IOException {
        Set<StandardOpenOption> options = fh.getOpenOptions();
        boolean writing = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        if (!writing) {
            if (where.kind() != AreaPath.Kind.DOWNLOAD_FILE) {
                throw new Refusal("refused: only files under download/ can be read");
            }
            return;
        }
        if (where.kind() != AreaPath.Kind.UPLOAD_FILE) {
            throw new Refusal("refused: files are uploaded into upload/ only");
        }
        UploadRules.Upload upload = UploadRules.check(user, taCode, where.name());
        if (options.contains(StandardOpenOption.APPEND) || !options.contains(StandardOpenOption.CREATE)
                && !options.contains(StandardOpenOption.CREATE_NEW)) {
            // an upload is a whole new file: appending to (or resuming) one would hand clearing a file made of parts
            throw new Refusal("refused " + where.name() + ": upload the whole file (no append or resume)");
        }
        Path file = areas.upload(user).resolve(upload.fileName());
        if (inProgress.compute(file, (k, other) -> other != null && other.isOpen() ? other : fh) != fh) {
            throw new Refusal("refused " + where.name() + ": an upload of this file is in progress");
        }
        fh.setAttribute(PENDING, new Pending(user, upload, file));
    }

    @Override
    public void closed(ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown)
            throws IOException {
        Pending p = localHandle.getAttribute(PENDING);
        if (p == null) {
            return;
        }
        try {
            promote(p, thrown);
        } finally {
            inProgress.remove(p.file(), localHandle);
        }
    }

    private void promote(Pending p, Throwable thrown) throws IOException {
        if (thrown != null) {
            Files.deleteIfExists(p.file());
            return;
        }
        Path day = roots.inboxOf(p.upload().date());
        Files.createDirectories(day);
        Path target = day.resolve(p.upload().fileName());
        Files.move(p.file(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LOG.infof("%s uploaded %s into %s", p.user(), p.upload().fileName(), day);
        try {
            arrivals.arrived(p.user().name(), p.upload().sender(), p.upload().date(), p.upload().type(), target);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s is in the inbox, but its arrival was not recorded", target);
            throw new IOException("the file is stored, but its arrival could not be recorded: upload it again", e);
        }
    }

    @Override
    public void exiting(ServerSession session, Handle handle) throws IOException {
        // the session ended with the file still open: the client never said the upload was complete
        Pending p = handle.getAttribute(PENDING);
        if (p != null) {
            Files.deleteIfExists(p.file());
            inProgress.remove(p.file(), handle);
            LOG.infof("%s: unfinished upload of %s discarded (session ended)", p.user(), p.upload().fileName());
        }
    }

    @Override
    public void creating(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
        throw new Refusal("refused: folders cannot be made in your area");
    }

    @Override
    public void moving(ServerSession session, Path srcPath, Path dstPath, Collection<CopyOption> opts)
            throws IOException {
        throw new Refusal("refused: files cannot be renamed; upload under the final name");
    }

    @Override
    public void removing(ServerSession session, Path path, boolean isDirectory) throws IOException {
        throw new Refusal("refused: files cannot be removed");
    }

    @Override
    public void linking(ServerSession session, Path source, Path target, boolean symLink) throws IOException {
        throw new Refusal("refused: links cannot be made");
    }

    @Override
    public void modifyingAttributes(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
        if (AreaPath.of(path).kind() != AreaPath.Kind.UPLOAD_FILE) {
            throw new Refusal("refused: attributes can be set only on your uploads");
        }
    }
}
