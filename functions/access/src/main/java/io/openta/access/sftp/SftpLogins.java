package io.openta.access.sftp;

import java.security.PublicKey;
import java.util.Optional;

import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.jboss.logging.Logger;

import io.openta.access.users.AccessUser;
import io.openta.access.users.Passwords;
import io.openta.access.users.Users;

/**
 * SFTP sign-in by password (bcrypt hash or clear text of the users file) or public key. Only distributors and the
 * fund manager sign in; the signed-in user is kept on the session for the area policy.
 */
final class SftpLogins implements PasswordAuthenticator, PublickeyAuthenticator {
    private static final Logger LOG = Logger.getLogger(SftpLogins.class);

    static final AttributeKey<AccessUser> USER = new AttributeKey<>();

    private final Users users;

    SftpLogins(Users users) {
        this.users = users;
    }

    /** The signed-in user of a session (set by a successful sign-in). */
    static AccessUser user(Session session) throws Refusal {
        AccessUser u = session == null ? null : session.getAttribute(USER);
        if (u == null) {
            throw new Refusal("not signed in");
        }
        return u;
    }

    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        Optional<AccessUser> u = transferUser(username);
        boolean ok = u.isPresent() && Passwords.matches(u.get(), password);
        return signedIn(session, username, u, ok, "password");
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        Optional<AccessUser> u = transferUser(username);
        boolean ok = u.isPresent() && u.get().publicKey().filter(k -> KeyUtils.compareKeys(k, key)).isPresent();
        return signedIn(session, username, u, ok, "public key");
    }

    private Optional<AccessUser> transferUser(String username) {
        return users.byName(username).filter(u -> u.role().transfersFiles());
    }

    private static boolean signedIn(ServerSession session, String username, Optional<AccessUser> u, boolean ok,
            String how) {
        if (ok) {
            session.setAttribute(USER, u.get());
            LOG.infof("SFTP sign-in: %s by %s from %s", u.get(), how, session.getClientAddress());
        } else {
            LOG.infof("SFTP sign-in refused: user '%s' by %s from %s", username, how, session.getClientAddress());
        }
        return ok;
    }
}
