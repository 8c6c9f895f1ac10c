package io.openta.access.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import at.favre.lib.crypto.bcrypt.BCrypt;

/** Password checks: bcrypt hashes, or a clear-text password compared in constant time. */
public final class Passwords {
    private Passwords() {
    }

    public static boolean isBcrypt(String hash) {
        return hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    }

    /** True when {@code given} matches the user's bcrypt hash or clear-text password (either one suffices). */
    public static boolean matches(AccessUser user, String given) {
        if (given == null) {
            return false;
        }
        boolean ok = false;
        if (user.passwordHash().isPresent()) {
            ok = BCrypt.verifyer().verify(given.toCharArray(), user.passwordHash().get()).verified;
        }
        if (!ok && user.password().isPresent()) {
            ok = MessageDigest.isEqual(user.password().get().getBytes(StandardCharsets.UTF_8),
                    given.getBytes(StandardCharsets.UTF_8));
        }
        return ok;
    }

    /** A bcrypt hash (cost 10) of a password, for writing users files and for tests. */
    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(10, password.toCharArray());
    }
}
