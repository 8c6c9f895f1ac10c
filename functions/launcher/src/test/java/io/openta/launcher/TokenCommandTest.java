package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code openta token} without a cluster: the key pair made on first use (owner-only), the token's signature and
 * claims, and the refusals. That the functions app accepts such a token is {@link AuthTest}'s part.
 */
class TokenCommandTest {
    @TempDir
    Path work;

    @Test
    void printsAnRs256TokenSignedWithTheDataFoldersKey() throws Exception {
        Path data = work.resolve("data");
        Result r = cli(Map.of(), "token", "--user", "alice", "--role", "operator", "--data", data.toString(), "--ttl",
                "30m");
        assertEquals(0, r.code, r.err);
        String[] parts = r.out.trim().split("\\.");
        assertEquals(3, parts.length, r.out);

        Path keys = data.resolve("auth");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                keys.resolve(LocalAuth.PRIVATE_KEY))));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(LocalAuth.open(keys).publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])), "signed with the key in " + keys);

        JsonNode header = json(parts[0]);
        JsonNode claims = json(parts[1]);
        assertEquals("RS256", header.path("alg").asText());
        assertEquals(LocalAuth.ISSUER, claims.path("iss").asText());
        assertEquals("alice", claims.path("sub").asText());
        assertEquals("alice", claims.path("upn").asText());
        assertEquals("operator", claims.path("groups").get(0).asText());
        long ttl = claims.path("exp").asLong() - Instant.now().getEpochSecond();
        assertTrue(ttl > 1700 && ttl <= 1800, "30 minutes: " + ttl);

        // the same key the next time (a token made before serve starts stays valid), also through OPENTA_AUTH_DIR
        String before = Files.readString(keys.resolve(LocalAuth.PUBLIC_KEY));
        assertEquals(0, cli(Map.of("OPENTA_AUTH_DIR", keys.toString()), "token", "--user", "bob", "--role", "admin")
                .code);
        assertEquals(before, Files.readString(keys.resolve(LocalAuth.PUBLIC_KEY)));
    }

    @Test
    void refusesAnUnknownRoleABadNameOrTtlWithOneLine() {
        Result role = cli(Map.of(), "token", "--user", "alice", "--role", "root", "--data", work.toString());
        assertEquals(2, role.code);
        assertEquals("openta: --role 'root' is not a role (viewer, operator, admin)", role.err.lines().findFirst()
                .orElseThrow());
        assertTrue(role.out.isEmpty(), "no token printed: " + role.out);
        Result user = cli(Map.of(), "token", "--user", "a b", "--role", "viewer", "--data", work.toString());
        assertEquals(2, user.code);
        assertTrue(user.err.startsWith("openta: --user 'a b' is not a user name"), user.err);
        Result ttl = cli(Map.of(), "token", "--user", "alice", "--role", "viewer", "--ttl", "forever");
        assertEquals(2, ttl.code);
        assertTrue(ttl.err.startsWith("openta: --ttl 'forever' is not a duration"), ttl.err);
    }

    private static JsonNode json(String part) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(part));
    }

    record Result(int code, String out, String err) {
    }

    static Result cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new OpenTa(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
