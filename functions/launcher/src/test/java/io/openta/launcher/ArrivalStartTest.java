package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 11 item 9, first half, with real processes and a real SFTP client: {@code openta infra}, then
 * {@code openta serve --access-config F --sftp-port 0} (the functions app and the access app as child processes);
 * distributors A01 (public key) and B02 (password) and fund manager FM1 (password) upload day 20261125 of golden
 * case-01 over SFTP (MINA's client), the quote file last. Nobody starts the day: it starts on the arrival of its
 * expected files, clears byte-identical to the golden outputs, and the status says it was started by "arrivals".
 * Each distributor then downloads exactly its own outputs, and A01 can neither list nor fetch B02's.
 */
class ArrivalStartTest {
    private static final String DAY = "20261125";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path work;

    @Test
    void aDayUploadedOverSftpStartsOnArrivalAndClearsToTheGoldenOutputs() throws Exception {
        long t0 = System.nanoTime();
        Path golden = TestCases.golden("case-01-basic").resolve(DAY);
        Path in = golden.resolve("in");
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair a01Key = g.generateKeyPair();
        Path users = work.resolve("users.yaml");
        Files.writeString(users, String.join("\n", "users:",
                "  - {name: a01, role: distributor, code: A01, publicKey: \""
                        + PublicKeyEntry.toString(a01Key.getPublic()) + "\"}",
                "  - {name: b02, role: distributor, code: B02, password: \"b02-secret\"}",
                "  - {name: fm1, role: fund-manager, code: FM1, password: \"fm1-secret\"}",
                "  - {name: vera, role: viewer}", ""));

        try (SharedInfra infra = SharedInfra.start(work)) {
            ServeProcess serve = infra.serveWith(Map.of(), "--access-config", users.toString(), "--sftp-port", "0",
                    "--access-port", "0");
            String sftpLine = awaitLine(serve, "SFTP on port ");
            int sftpPort = Integer.parseInt(sftpLine.substring("SFTP on port ".length()).split(" ")[0]);
            assertTrue(sftpLine.contains("console http://127.0.0.1:") && sftpLine.endsWith("/console/"), sftpLine);
            Path files = serve.data().resolve("files");
            System.out.printf("ArrivalStartTest: infra and serve with the access app up after %d s%n", secs(t0));

            SshClient client = SshClient.setUpDefaultClient();
            // the access app generated its host key on first start; a distributor would pin it (known_hosts)
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            try {
                upload(session(client, sftpPort, "a01", null, a01Key), in, "OFD_A01_99_20261125_01.TXT",
                        "OFD_A01_99_20261125_03.TXT", "OFI_A01_99_20261125.TXT");
                upload(session(client, sftpPort, "b02", "b02-secret", null), in, "OFD_B02_99_20261125_01.TXT",
                        "OFD_B02_99_20261125_03.TXT", "OFI_B02_99_20261125.TXT");
                // the tracker waits for the indexes' files and the quote (07) file, not for C1/C5: those go first
                upload(session(client, sftpPort, "fm1", "fm1-secret", null), in, "OFD_FM1_99_20261125_C1.TXT",
                        "OFD_FM1_99_20261125_C5.TXT", "OFD_FM1_99_20261125_07.TXT");
                long uploaded = System.nanoTime();

                JsonNode done = SharedInfra.awaitStatus(serve, DAY, "COMPLETED", Duration.ofMinutes(2));
                System.out.printf("ArrivalStartTest: day %s started on arrival and completed %d s after the last "
                        + "upload%n", DAY, secs(uploaded));
                assertEquals("arrivals", done.path("startedBy").asText(), done.toString());
                assertEquals(files.resolve("inbox").resolve(DAY).toString(), done.path("inbox").asText());
                assertEquals(files.resolve("outbox").resolve(DAY).toString(), done.path("outbox").asText());
                TestCases.assertSameOutbox(golden.resolve("out"), files.resolve("outbox").resolve(DAY),
                        "the day started on arrival");

                try (ClientSession s = session(client, sftpPort, "a01", null, a01Key);
                        SftpClient sftp = SftpClientFactory.instance().createSftpClient(s)) {
                    assertDownloadsExactly(sftp, golden.resolve("out"), "A01");
                    // B02's area has no path from A01's, and B02's files are not in A01's download/
                    assertThrows(IOException.class, () -> list(sftp, "../b02/download/" + DAY));
                    assertThrows(IOException.class, () -> list(sftp, "/b02"));
                    assertThrows(IOException.class, () -> read(sftp, "download/" + DAY + "/OFD_99_B02_20261125_02.TXT"));
                    assertThrows(IOException.class, () -> read(sftp, "../b02/download/" + DAY
                            + "/OFD_99_B02_20261125_02.TXT"));
                }
                try (ClientSession s = session(client, sftpPort, "b02", "b02-secret", null);
                        SftpClient sftp = SftpClientFactory.instance().createSftpClient(s)) {
                    assertDownloadsExactly(sftp, golden.resolve("out"), "B02");
                }
                assertFalse(Files.exists(files.resolve("access/users/a01/download").resolve(DAY)
                        .resolve("OFD_99_B02_20261125_02.TXT")));
            } finally {
                client.stop();
            }
        }
        System.out.printf("ArrivalStartTest: %d s in all%n", secs(t0));
    }

    /** {@code download/DAY/} of the signed-in party holds its golden outputs, byte for byte, and nothing else. */
    private static void assertDownloadsExactly(SftpClient sftp, Path out, String code) throws IOException {
        List<String> expected;
        try (Stream<Path> s = Files.list(out)) {
            expected = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("OFD_99_" + code + "_")
                    || n.startsWith("OFI_99_" + code + "_")).sorted().toList();
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, list(sftp, "download/" + DAY), code + " sees exactly its own outputs");
        for (String name : expected) {
            assertArrayEquals(Files.readAllBytes(out.resolve(name)), read(sftp, "download/" + DAY + "/" + name),
                    name);
        }
    }

    private static ClientSession session(SshClient client, int port, String user, String password, KeyPair key)
            throws IOException {
        ClientSession s = client.connect(user, "127.0.0.1", port).verify(WAIT).getSession();
        try {
            if (password != null) {
                s.addPasswordIdentity(password);
            } else {
                s.addPublicKeyIdentity(key);
            }
            s.auth().verify(WAIT);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close(true);
            throw e;
        }
    }

    private static void upload(ClientSession s, Path dir, String... names) throws IOException {
        try (s; SftpClient sftp = SftpClientFactory.instance().createSftpClient(s)) {
            for (String name : names) {
                try (OutputStream out = sftp.write("upload/" + name)) {
                    out.write(Files.readAllBytes(dir.resolve(name)));
                }
            }
        }
    }

    private static List<String> list(SftpClient sftp, String dir) throws IOException {
        List<String> names = new ArrayList<>();
        try {
            for (SftpClient.DirEntry e : sftp.readDir(dir)) {
                if (!e.getFilename().startsWith(".")) {
                    names.add(e.getFilename());
                }
            }
        } catch (java.io.UncheckedIOException e) {
            // MINA's directory iterator wraps the server's refusal
            throw e.getCause();
        }
        names.sort(null);
        return names;
    }

    private static byte[] read(SftpClient sftp, String path) throws IOException {
        try (InputStream in = sftp.read(path)) {
            return in.readAllBytes();
        }
    }

    private static String awaitLine(ServeProcess serve, String start) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            // complete lines only: the process may be in the middle of writing the line looked for
            String printed = serve.output();
            var line = printed.substring(0, printed.lastIndexOf('\n') + 1).lines().filter(l -> l.startsWith(start))
                    .findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not print '" + start + "':\n" + serve.output());
    }

    private static long secs(long t0) {
        return (System.nanoTime() - t0) / 1_000_000_000L;
    }
}
