package io.openta.launcher;

import java.io.IOException;
import java.time.Duration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code openta token --user NAME --role ROLE [--data DIR] [--ttl 8h]}: prints a bearer token for the API of a serve
 * process on this machine, signed with the data folder's key ({@link LocalAuth}; made on first use, so the token and
 * the serve may come in either order). Whoever can read that folder can sign in as anyone: it is the local mode's
 * credential.
 */
@Command(name = "token", description = { "Prints a bearer token for the API of a serve process on this machine, "
        + "signed with the key in --data (made on first use; env OPENTA_AUTH_DIR names a shared key folder).",
    "Roles: viewer (status, verify, leader), operator (also start, pause, resume), admin (also cancel, rollback, "
            + "migrate). Use it as --token or env OPENTA_TOKEN." })
final class TokenCommand extends LauncherCommand {
    @Option(names = "--user", required = true, paramLabel = "NAME",
            description = "who signs in (recorded as the rollback log's \"by\")")
    String user;
    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, operator or admin")
    String role;
    @Mixin
    Options.Data data;
    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "8h", converter = Args.Ttl.class,
            description = "how long the token is valid (30m, 8h, 7d), default ${DEFAULT-VALUE}")
    Duration ttl;

    @Override
    public Integer call() throws UsageException {
        if (!LocalAuth.ROLES.contains(role)) {
            throw new UsageException("--role '" + role + "' is not a role (" + String.join(", ", LocalAuth.ROLES)
                    + ")");
        }
        if (!user.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")) {
            throw new UsageException("--user '" + user + "' is not a user name (1 to 64 letters, digits, . _ @ -)");
        }
        try {
            out().println(LocalAuth.open(LocalAuth.dir(data.dir, env())).mint(user, role, ttl));
            return OpenTa.OK;
        } catch (IOException e) {
            err().println("openta: token: " + e.getMessage());
            return OpenTa.FAILED;
        }
    }
}
