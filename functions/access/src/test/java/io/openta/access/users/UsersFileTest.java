package io.openta.access.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {
    // an ssh-ed25519 key line as ssh-keygen writes it
    private static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHXyozbzKCx9ZetQ/wse4fpF689GUr3Depx6DHSsvLo7 test@host";

    @TempDir
    Path dir;

    private List<AccessUser> read(String yaml) throws Exception {
        Path f = dir.resolve("users.yaml");
        Files.writeString(f, yaml);
        return UsersFile.read(f);
    }

    @Test
    void readsTheFormatOfTheIssue() throws Exception {
        String hash = Passwords.hash("s3cret");
        List<AccessUser> users = read("users:\n"
                + "  - {name: a01, role: distributor, code: A01, publicKey: \"" + ED25519 + "\"}\n"
                + "  - {name: fm1, role: fund-manager, code: FM1, passwordHash: \"" + hash + "\"}\n"
                + "  - {name: alice, role: viewer}\n");
        assertEquals(3, users.size());
        assertTrue(users.get(0).publicKey().isPresent());
        assertTrue(Passwords.matches(users.get(1), "s3cret"));
        assertFalse(Passwords.matches(users.get(1), "s3cret "));
        assertFalse(Passwords.matches(users.get(2), ""), "no password: no sign-in");
        assertFalse(users.get(1).toString().contains(hash), "toString never shows secrets");
    }

    @Test
    void refusesTheWholeFileOnAnyMistake() {
        assertRefused("users:\n  - {name: a01, role: distributor}\n", "needs a code");
        assertRefused("users:\n  - {name: a01, role: boss, code: A01}\n", "unknown role 'boss'");
        assertRefused("users:\n  - {name: a01, role: distributor, code: A01, pasword: x}\n", "unknown field 'pasword'");
        assertRefused("users:\n  - {name: a01, role: distributor, code: A01, passwordHash: md5xyz}\n", "not a bcrypt");
        assertRefused("users:\n  - {name: a01, role: distributor, code: A01, publicKey: \"ssh-rsa nonsense\"}\n",
                "publicKey cannot be read");
        assertRefused("users:\n  - {name: ../x, role: viewer}\n", "is not 1-64 of");
        assertRefused("users:\n  - {name: a, role: viewer}\n  - {name: a, role: admin}\n", "listed twice");
        assertRefused("people: []\n", "expected a list under 'users:'");
    }

    private void assertRefused(String yaml, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(yaml));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
