package io.openta.access.arrivals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.openta.access.config.AccessConfig;
import io.openta.access.messaging.ArrivalPublisher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Records a completed upload: a row in {@code access.file_arrival}, then a {@code FILE_ARRIVED} event on Kafka; then,
 * when the day's expected files have become complete ({@link ArrivalTracker}), one {@code DAY_FILES_COMPLETE} event
 * (once per date and process: a file uploaded again after that does not announce the day again).
 *
 * <p>Called on the SFTP thread of the upload, which waits: the client's close returns once the arrival is recorded.
 */
@Singleton
public class ArrivalService {
    private static final Logger LOG = Logger.getLogger(ArrivalService.class);

    private final ArrivalPublisher publisher;
    private final ArrivalTracker tracker;
    private final boolean announce;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    public ArrivalService(ArrivalPublisher publisher, ArrivalTracker tracker, AccessConfig config) {
        this.publisher = publisher;
        this.tracker = tracker;
        this.announce = config.announceComplete();
    }

    /** A file that has just been renamed into the inbox of {@code date}. */
    public void arrived(String user, String sender, String date, String type, Path inboxFile) {
        FileArrival a = new FileArrival();
        a.bizDate = date;
        a.sender = sender;
        a.userName = user;
        a.fileName = inboxFile.getFileName().toString();
        a.fileType = type;
        a.arrivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        digest(inboxFile, a);
        try {
            // Hibernate Reactive runs on a Vert.x context; this is an SFTP thread, which waits for the commit
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(a::persist));
        } catch (Throwable e) {
            throw new IllegalStateException("recording the arrival of " + a.fileName + ": " + e, e);
        }
        publisher.publish(date, new ArrivalEvent(ArrivalEvent.FILE_ARRIVED, date, sender, user, a.fileName, type,
                a.sizeBytes, a.sha256, a.arrivedAt.toString()));
        if (announce) {
            announceIfComplete(date);
        }
    }

    private void announceIfComplete(String date) {
        DayFiles day;
        try {
            day = tracker.status(date);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!day.complete()) {
            LOG.infof("day %s: still missing %s", date, day.missing());
            return;
        }
        if (announced.add(date)) {
            LOG.infof("day %s: expected files are in (%d files)", date, day.files().size());
            publisher.publish(date, new DayFilesComplete(DayFilesComplete.DAY_FILES_COMPLETE, date,
                    tracker.expectedDistributors(), tracker.quoteSender(), day.files()));
        }
    }

    private static void digest(Path file, FileArrival a) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            long size = 0;
            for (int n; (n = in.read(buf)) > 0;) {
                sha.update(buf, 0, n);
                size += n;
            }
            a.sizeBytes = size;
            a.sha256 = HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
