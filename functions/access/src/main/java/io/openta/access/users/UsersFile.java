package io.openta.access.users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.openta.model.ofd.OfdFileName;

/**
 * Reads the users file (issue 11 item 8):
 * <pre>
 * users:
 *   - {name: a01, role: distributor, code: A01, publicKey: "ecdsa-sha2-nistp256 AAAA..."}
 *   - {name: fm1, role: fund-manager, code: FM1, passwordHash: "$2a$10$..."}
 *   - {name: alice, role: viewer}
 * </pre>
 * Every problem fails the whole file with one message naming the user: a file that half loads would let some users
 * in with settings nobody checked.
 */
public final class UsersFile {
    private static final Set<String> FIELDS = Set.of("name", "role", "code", "password", "passwordHash", "publicKey");

    private UsersFile() {
    }

    public static List<AccessUser> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        if (root == null || !root.isObject() || !root.path("users").isArray()) {
            throw new IllegalArgumentException(file + ": expected a list under 'users:'");
        }
        List<AccessUser> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int i = 0;
        for (JsonNode u : root.get("users")) {
            i++;
            AccessUser user = user(u, "user " + i);
            if (!names.add(user.name())) {
                throw new IllegalArgumentException(file + ": user " + user.name() + " is listed twice");
            }
            users.add(user);
        }
        return users;
    }

    private static AccessUser user(JsonNode u, String where) {
        if (!u.isObject()) {
            throw new IllegalArgumentException(where + ": not a map");
        }
        for (Map.Entry<String, JsonNode> f : (Iterable<Map.Entry<String, JsonNode>>) u::fields) {
            if (!FIELDS.contains(f.getKey())) {
                throw new IllegalArgumentException(where + ": unknown field '" + f.getKey() + "' (known: " + FIELDS + ")");
            }
        }
        String name = text(u, "name").orElseThrow(() -> new IllegalArgumentException(where + ": no name"));
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            // the name becomes the user's folder: no separators, no dots first
            throw new IllegalArgumentException(where + ": name '" + name + "' is not 1-64 of A-Z a-z 0-9 . _ -");
        }
        String roleText = text(u, "role").orElseThrow(() -> new IllegalArgumentException("user " + name + ": no role"));
        Role role = Role.byId(roleText).orElseThrow(() -> new IllegalArgumentException(
                "user " + name + ": unknown role '" + roleText + "'"));
        String code = text(u, "code").orElse(null);
        if (role.transfersFiles() && !OfdFileName.validCode(code)) {
            throw new IllegalArgumentException("user " + name + ": a " + role.id()
                    + " needs a code of 1-9 characters 0-9 A-Z, got " + (code == null ? "none" : "'" + code + "'"));
        }
        Optional<String> password = text(u, "password");
        Optional<String> hash = text(u, "passwordHash");
        if (hash.isPresent() && !Passwords.isBcrypt(hash.get())) {
            throw new IllegalArgumentException("user " + name + ": passwordHash is not a bcrypt hash ($2a$/$2b$/$2y$)");
        }
        if (password.isPresent() && password.get().isEmpty()) {
            throw new IllegalArgumentException("user " + name + ": empty password");
        }
        Optional<PublicKey> key = text(u, "publicKey").map(k -> publicKey(name, k));
        return new AccessUser(name, role, code, password, hash, key);
    }

    private static PublicKey publicKey(String user, String line) {
        try {
            AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line.trim());
            PublicKey key = entry == null ? null : entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
            if (key == null) {
                throw new IllegalArgumentException("user " + user + ": publicKey is not an OpenSSH public key");
            }
            return key;
        } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("user " + user + ": publicKey cannot be read: " + e.getMessage(), e);
        }
    }

    private static Optional<String> text(JsonNode u, String field) {
        JsonNode n = u.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isValueNode()) {
            throw new IllegalArgumentException("field '" + field + "' is not a text value");
        }
        return Optional.of(n.asText());
    }
}
