package io.openta.access.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.jboss.logging.Logger;

import io.openta.access.arrivals.ArrivalService;
import io.openta.access.config.AccessConfig;
import io.openta.access.config.AccessRoots;
import io.openta.access.users.Users;
import io.openta.runtime.config.OpenTaConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The SFTP server (Apache MINA SSHD): starts with the app on {@code openta.access.sftp-port} (0: a free port) and
 * logs the port it listens on. SFTP only: no shell, no commands, no port forwarding; sign-in by password or public
 * key of the users file; each user rooted in its own area ({@link UserAreas}) under {@link AreaPolicy}.
 */
@Singleton
public class SftpServer {
    private static final Logger LOG = Logger.getLogger(SftpServer.class);

    private final AccessConfig config;
    private final AccessRoots roots;
    private final Users users;
    private final OpenTaConfig openTa;
    private final ArrivalService arrivals;
    private SshServer sshd;

    public SftpServer(AccessConfig config, AccessRoots roots, Users users, OpenTaConfig openTa,
            ArrivalService arrivals) {
        this.config = config;
        this.roots = roots;
        this.users = users;
        this.openTa = openTa;
        this.arrivals = arrivals;
    }

    void start(@Observes StartupEvent event) {
        roots.create();
        try {
            UserAreas areas = new UserAreas(roots);
            SshServer s = SshServer.setUpDefaultServer();
            s.setHost(config.sftpHost());
            s.setPort(config.sftpPort());
            s.setKeyPairProvider(HostKeys.provider(config.hostKey(), roots.generatedHostKey()));
            SftpLogins logins = new SftpLogins(users);
            s.setPasswordAuthenticator(logins);
            s.setPublickeyAuthenticator(logins);
            s.setKeyboardInteractiveAuthenticator(null);
            s.setHostBasedAuthenticator(null);
            s.setGSSAuthenticator(null);
            s.setShellFactory(null);
            s.setCommandFactory(null);
            s.setFileSystemFactory(areas.fileSystems(users));
            SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder()
                    .withFileSystemAccessor(new AreaResolver(roots, areas))
                    .withSftpErrorStatusDataHandler(new RefusalMessages())
                    .build();
            sftp.addSftpEventListener(new AreaPolicy(roots, areas, openTa.taCode(), arrivals));
            s.setSubsystemFactories(List.of(sftp));
            s.start();
            sshd = s;
        } catch (IOException e) {
            throw new UncheckedIOException("starting the SFTP server", e);
        }
        LOG.infof("SFTP server listening on %s:%d (data root %s, TA %s)", config.sftpHost(), port(),
                roots.dataRoot(), openTa.taCode());
    }

    /** The port the server listens on (the free port taken when configured with 0). */
    public int port() {
        return sshd == null ? -1 : sshd.getPort();
    }

    void stop(@Observes ShutdownEvent event) throws IOException {
        if (sshd != null) {
            sshd.stop(true);
            sshd = null;
        }
    }
}
