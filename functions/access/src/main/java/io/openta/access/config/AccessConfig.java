package io.openta.access.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The access app's settings ({@code openta.access.*}; each can be set by environment variable, e.g.
 * {@code OPENTA_ACCESS_DATA_ROOT}, {@code OPENTA_ACCESS_SFTP_PORT}, {@code OPENTA_ACCESS_CONFIG}). There is no default
 * data root and no default user: the app refuses to start without a data root, and without a users file nobody can
 * sign in.
 */
@ConfigMapping(prefix = "openta.access")
public interface AccessConfig {

    /** The root of the inbox, the outbox and the SFTP users' areas. */
    Path dataRoot();

    /** The inbox root: one folder per business date ({@code <inbox>/<YYYYMMDD>/}); default {@code <data-root>/inbox}. */
    Optional<Path> inbox();

    /** The outbox root: one folder per business date; default {@code <data-root>/outbox}. */
    Optional<Path> outbox();

    /** The SFTP port; 0 takes a free port (logged at start). */
    @WithDefault("2222")
    int sftpPort();

    /** The address the SFTP server listens on. */
    @WithDefault("0.0.0.0")
    String sftpHost();

    /**
     * The SSH host key file (OpenSSH or PEM private key). When not set, a key is generated on first start and kept at
     * {@code <data-root>/access/ssh_host_key}.
     */
    Optional<Path> hostKey();

    /** The users file (YAML, {@code users: - {name, role, code, password | passwordHash | publicKey}}). */
    Optional<Path> config();

    /**
     * The distributors whose files a day waits for (their codes). When not set: the codes of the users file's
     * distributors.
     */
    Optional<List<String>> expectedDistributors();

    /**
     * The code of the fund manager whose quote (07) file a day waits for. When not set: the code of the users file's
     * fund-manager user, if there is exactly one.
     */
    Optional<String> quoteSender();

    /**
     * The fund manager's file types a day waits for (of {@code 07}, {@code C1}, {@code C5}), each from the quote
     * sender; e.g. {@code 07,C1,C5} when the fund manager sends fund parameters and fee rates every day.
     */
    @WithDefault("07")
    List<String> fundManagerFiles();

    /** Publish a DAY_FILES_COMPLETE event when an arrival completes a day's expected files. */
    @WithDefault("true")
    boolean announceComplete();
}
