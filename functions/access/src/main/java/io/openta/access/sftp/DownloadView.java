package io.openta.access.sftp;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import io.openta.model.ofd.OfdFileName;
import io.openta.model.ofd.OfiFileName;

/**
 * Fills a user's {@code download/<YYYYMMDD>/} with that party's files of the outbox {@code <outbox>/<YYYYMMDD>/}:
 * files addressed to its code (02/04/05/06 and the TA's OFI index for it) and the {@code .ERR} of files it sent.
 * Files are hard links (a copy where the file system refuses a link) made when the user opens its download folders,
 * so the user's rooted view never needs a path into the outbox itself.
 */
final class DownloadView {
    private static final String ERR = ".ERR";

    private DownloadView() {
    }

    /** True when the outbox file {@code name} is for the party {@code code}. */
    static boolean belongsTo(String name, String code) {
        if (name.endsWith(ERR)) {
            String input = name.substring(0, name.length() - ERR.length());
            Optional<String> sender = OfdFileName.parse(input).map(OfdFileName::sender)
                    .or(() -> OfiFileName.parse(input).map(OfiFileName::sender));
            return sender.filter(code::equals).isPresent();
        }
        Optional<String> receiver = OfdFileName.parse(name).map(OfdFileName::receiver)
                .or(() -> OfiFileName.parse(name).map(OfiFileName::receiver));
        return receiver.filter(code::equals).isPresent();
    }

    /** Links every date folder of the outbox. */
    static void refreshAll(Path outbox, Path download, String code) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return;
        }
        try (DirectoryStream<Path> dates = Files.newDirectoryStream(outbox, "[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]")) {
            for (Path d : dates) {
                if (Files.isDirectory(d)) {
                    refresh(d, download.resolve(d.getFileName().toString()), code);
                }
            }
        }
    }

    /** Links the party's files of one outbox date folder into its download date folder. */
    static void refresh(Path outboxDay, Path downloadDay, String code) throws IOException {
        if (!Files.isDirectory(outboxDay)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(outboxDay)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !belongsTo(name, code)) {
                    continue;
                }
                Files.createDirectories(downloadDay);
                Path target = downloadDay.resolve(name);
                if (Files.exists(target) && Files.isSameFile(target, f)) {
                    continue;
                }
                // a day cleared again replaces its outbox files: link the new one under a temporary name, then
                // rename over the old, so a download never sees a missing or half-copied file
                // (a name of its own per refresh: two sessions of one user may refresh at once)
                Path temp = downloadDay.resolve("." + name + "." + java.util.UUID.randomUUID() + ".link");
                try {
                    Files.createLink(temp, f);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(f, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }
}
