package io.openta.access.sftp;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;

import io.openta.access.config.AccessRoots;
import io.openta.access.users.AccessUser;
import io.openta.access.users.Users;

/**
 * Each SFTP user's own folder {@code <data-root>/access/users/<name>/} with {@code upload/} and {@code download/}:
 * the user's file system is rooted there (MINA's {@link VirtualFileSystemFactory}), so nothing outside it - another
 * user's folder, the inbox, the outbox - has a path the user can name.
 */
final class UserAreas {
    private final AccessRoots roots;

    UserAreas(AccessRoots roots) {
        this.roots = roots;
    }

    Path home(AccessUser user) {
        return roots.userAreas().resolve(user.name());
    }

    Path upload(AccessUser user) {
        return home(user).resolve(AreaPath.UPLOAD);
    }

    Path download(AccessUser user) {
        return home(user).resolve(AreaPath.DOWNLOAD);
    }

    /**
     * Creates the folders of every file-transferring user and the rooted file system factory. Files left in an
     * {@code upload/} folder are uploads that never completed (the app stopped during them): they are removed.
     */
    VirtualFileSystemFactory fileSystems(Users users) throws IOException {
        // no default home: a session without a known user has no file system at all
        VirtualFileSystemFactory factory = new VirtualFileSystemFactory();
        for (AccessUser u : users.all()) {
            if (!u.role().transfersFiles()) {
                continue;
            }
            Files.createDirectories(upload(u));
            Files.createDirectories(download(u));
            try (DirectoryStream<Path> left = Files.newDirectoryStream(upload(u))) {
                for (Path p : left) {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(p);
                    }
                }
            }
            factory.setUserHomeDir(u.name(), home(u));
        }
        return factory;
    }
}
