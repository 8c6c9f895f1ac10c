package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arguments of {@code infra} and of {@code serve} against it; bad ones exit 2 and start nothing. */
class InfraServeArgsTest {
    @TempDir
    Path tmp;

    @Test
    void badInfraAndServeArgumentsExitTwoWithOneReason() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        assertUsage("--partitions '0' is not a whole number from 1 to 1024", "infra", "--partitions", "0");
        assertUsage("unknown option --inbox for infra", "infra", "--inbox", in.toString());
        assertUsage("--staging", "serve", "--inbox", in.toString(), "--outbox", tmp.resolve("out").toString(),
                "--staging", Files.writeString(tmp.resolve("f"), "x").toString());
        assertUsage("is not a jdbc:postgresql:// URL", "serve", "--inbox", in.toString(), "--outbox",
                tmp.resolve("out").toString(), "--db-url", "postgres://h/db");
        assertUsage("--zone 'c' is not one of the known zones a,b (OPENTA_ZONES_KNOWN)", "serve", "--inbox",
                in.toString(), "--outbox", tmp.resolve("out").toString(), "--zone", "c");
        assertUsage("--track 'beta' is not one of stable, canary (OPENTA_TRACK)", "serve", "--inbox",
                in.toString(), "--outbox", tmp.resolve("out").toString(), "--track", "beta");
    }

    @Test
    void credentialsComeFromTheUrlAsInfraPrintsIt() {
        String url = "jdbc:postgresql://127.0.0.1:5432/postgres?user=alice&password=s3cret";
        assertEquals("alice", OpenTa.urlParameter(url, "user"));
        assertEquals("s3cret", OpenTa.urlParameter(url, "password"));
        assertEquals("", OpenTa.urlParameter("jdbc:postgresql://h/db", "user"));
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
