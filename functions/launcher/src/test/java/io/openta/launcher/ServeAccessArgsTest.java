package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access app's arguments of {@code serve}: bad ones exit 2 with one reason and start nothing; the environment
 * the access app gets names the users file, ports and roots, and the functions app's database and broker.
 */
class ServeAccessArgsTest {
    @TempDir
    Path tmp;

    @Test
    void badAccessArgumentsExitTwoWithOneReason() throws Exception {
        Path users = Files.writeString(tmp.resolve("users.yaml"), "users: []\n");
        assertUsage("is not an existing file", "serve", "--access-config", tmp.resolve("none.yaml").toString());
        assertUsage("'70000' is not a port from 0 (any free one) to 65535", "serve", "--access-config",
                users.toString(), "--sftp-port", "70000");
        assertUsage("--access-port needs --access-config", "serve", "--inbox", tmp.toString(), "--outbox",
                tmp.resolve("out").toString(), "--access-port", "9000");
        assertUsage("--inbox " + tmp.resolve("missing") + " is not an existing directory", "serve", "--inbox",
                tmp.resolve("missing").toString(), "--outbox", tmp.resolve("out").toString());
        assertFalse(Files.exists(tmp.resolve("d")), "nothing is started or created on a usage error");
    }

    @Test
    void theAccessAppRunsOnTheFunctionsAppsDatabaseAndBrokerWithTheRoots() {
        FunctionsProcess.Settings f = new FunctionsProcess.Settings(tmp.resolve("f.jar"), "jdbc:postgresql://h:1/db",
                "postgresql://h:1/db", "u", "p", "h:9092", "99", 8, tmp.resolve("staging"), tmp.resolve("f.log"), 8080,
                Map.of("MP_JWT_VERIFY_ISSUER", "openta-local", "OPENTA_FAILPOINTS", "x"));
        AccessProcess.Settings s = new AccessProcess.Settings(tmp.resolve("a.jar"), tmp.resolve("users.yaml"), 0,
                0, tmp.resolve("files"), tmp.resolve("files/inbox"), tmp.resolve("files/outbox"),
                tmp.resolve("a.log"), f);
        Map<String, String> env = AccessProcess.environment(s, 2222, 8081);
        assertEquals("2222", env.get("OPENTA_ACCESS_SFTP_PORT"));
        assertEquals("8081", env.get("QUARKUS_HTTP_PORT"));
        assertEquals(tmp.resolve("users.yaml").toString(), env.get("OPENTA_ACCESS_CONFIG"));
        assertEquals(tmp.resolve("files/inbox").toString(), env.get("OPENTA_ACCESS_INBOX"));
        assertEquals(tmp.resolve("files/outbox").toString(), env.get("OPENTA_ACCESS_OUTBOX"));
        assertEquals("jdbc:postgresql://h:1/db", env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("h:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("openta-local", env.get("MP_JWT_VERIFY_ISSUER"), "the token key, for the console");
        assertTrue(!env.containsKey("OPENTA_FAILPOINTS"), "the functions app's own settings stay its own");
    }

    private static void assertUsage(String reason, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new OpenTa(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(OpenTa.USAGE, code, e);
        assertTrue(e.lines().findFirst().orElse("").contains(reason), e);
    }
}
