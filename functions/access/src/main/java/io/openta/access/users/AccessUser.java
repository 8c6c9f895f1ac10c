package io.openta.access.users;

import java.security.PublicKey;
import java.util.Optional;

/**
 * A user of the users file, checked: {@code code} is set (and a valid participant code) for the roles that transfer
 * files; {@code passwordHash} is a bcrypt hash; {@code password} a clear-text password (allowed for local use);
 * {@code publicKey} a parsed OpenSSH public key. A user may have any of the three, or none (no SFTP sign-in).
 */
public record AccessUser(String name, Role role, String code, Optional<String> password,
        Optional<String> passwordHash, Optional<PublicKey> publicKey) {

    @Override
    public String toString() {
        // never the secrets
        return name + " (" + role.id() + (code == null ? "" : " " + code) + ")";
    }
}
