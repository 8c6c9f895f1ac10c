package io.openta.access.sftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.openta.access.AccessTestServices;
import io.openta.model.events.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The access app as a distributor meets it: a real SFTP client (MINA's) against the app's SFTP server, uploads
 * landing in the dated inbox, events on a real Kafka broker, rows in a real PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(value = AccessTestServices.class, restrictToAnnotatedClass = true)
class SftpAccessTest {
    private static final String DAY = "20270104";
    private static final Path EXAMPLES = Path.of("../../examples/mmf-two-distributors").toAbsolutePath().normalize();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SshClient client;

    @Inject
    SftpServer server;

    @ConfigProperty(name = "openta.access.data-root")
    Path dataRoot;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @BeforeAll
    static void client() {
        client = SshClient.setUpDefaultClient();
        // the test's server has a freshly generated host key; a distributor would pin it (known_hosts)
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
    }

    @AfterAll
    static void stopClient() throws IOException {
        client.stop();
    }

    @Test
    void twoDistributorsAndTheFundManagerUploadADay() throws Exception {
        Path in = EXAMPLES.resolve(DAY).resolve("in");
        try (KafkaConsumer<String, String> events = consumer()) {
            // a01 by bcrypt password, b02 by public key, fm1 by bcrypt password; the quote (07) last
            upload(password("a01", AccessTestServices.A01_PASSWORD), in, "OFD_A01_99_20270104_01.TXT",
                    "OFD_A01_99_20270104_03.TXT", "OFI_A01_99_20270104.TXT");
            upload(publicKey("b02"), in, "OFI_B02_99_20270104.TXT", "OFD_B02_99_20270104_01.TXT",
                    "OFD_B02_99_20270104_03.TXT");
            upload(password("fm1", AccessTestServices.FM1_PASSWORD), in, "OFD_FM1_99_20270104_C1.TXT",
                    "OFD_FM1_99_20270104_C5.TXT", "OFD_FM1_99_20270104_07.TXT");

            List<String> expected;
            try (Stream<Path> s = Files.list(in)) {
                expected = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            Path inbox = dataRoot.resolve("inbox").resolve(DAY);
            for (String name : expected) {
                assertArrayEquals(Files.readAllBytes(in.resolve(name)), Files.readAllBytes(inbox.resolve(name)), name);
            }
            try (Stream<Path> s = Files.list(inbox)) {
                assertEquals(expected, s.map(p -> p.getFileName().toString()).sorted().toList());
            }
            for (String user : List.of("a01", "b02", "fm1")) {
                try (Stream<Path> s = Files.list(dataRoot.resolve("access/users").resolve(user).resolve("upload"))) {
                    assertEquals(0, s.count(), user + "'s upload/ keeps nothing once files are in the inbox");
                }
            }

            // nine FILE_ARRIVED events with the files' size and SHA-256, then DAY_FILES_COMPLETE once
            List<JsonNode> got = poll(events, DAY, expected.size() + 1);
            Map<String, JsonNode> arrivals = new TreeMap<>();
            for (JsonNode e : got.subList(0, expected.size())) {
                assertEquals("FILE_ARRIVED", e.get("event").asText(), e.toString());
                arrivals.put(e.get("fileName").asText(), e);
            }
            assertEquals(expected, new ArrayList<>(arrivals.keySet()));
            for (String name : expected) {
                JsonNode e = arrivals.get(name);
                byte[] bytes = Files.readAllBytes(in.resolve(name));
                assertEquals(bytes.length, e.get("size").asLong(), name);
                assertEquals(sha256(bytes), e.get("sha256").asText(), name);
                assertEquals(name.substring(4, 7), e.get("sender").asText(), name);
                assertEquals(DAY, e.get("date").asText(), name);
            }
            assertEquals("IX", arrivals.get("OFI_A01_99_20270104.TXT").get("type").asText());
            assertEquals("07", arrivals.get("OFD_FM1_99_20270104_07.TXT").get("type").asText());
            JsonNode complete = got.get(expected.size());
            assertEquals("DAY_FILES_COMPLETE", complete.get("event").asText(), complete.toString());
            assertEquals(List.of("A01", "B02"), texts(complete.get("distributors")));
            assertEquals("FM1", complete.get("quoteSender").asText());
            assertEquals(expected, texts(complete.get("files")));

            // the table has one row per upload, with the same digests
            Map<String, String> rows = new HashMap<>();
            try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT file_name, sha256, sender, user_name, biz_date, size_bytes"
                            + " FROM access.file_arrival WHERE biz_date = '" + DAY + "'")) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getString(2));
                    assertEquals(rs.getString(3).toLowerCase(), rs.getString(4), "uploaded by its own user");
                    assertEquals(Files.size(in.resolve(rs.getString(1))), rs.getLong(6));
                }
            }
            assertEquals(expected, rows.keySet().stream().sorted().toList());
            for (String name : expected) {
                assertEquals(arrivals.get(name).get("sha256").asText(), rows.get(name), name);
            }
        }
    }

    @Test
    void aDistributorIsConfinedToItsOwnArea() throws Exception {
        // the TA's outputs for both distributors, as the scheduler publishes them
        Path outbox = Files.createDirectories(dataRoot.resolve("outbox").resolve(DAY));
        Path out = EXAMPLES.resolve(DAY).resolve("out");
        for (String name : List.of("OFD_99_A01_20270104_02.TXT", "OFD_99_B02_20270104_02.TXT",
                "OFI_99_A01_20270104.TXT", "OFI_99_B02_20270104.TXT")) {
            Files.copy(out.resolve(name), outbox.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(outbox.resolve("OFD_B02_99_20270104_03.TXT.ERR"), "REJECTED COUNT x\r\n");
        try (ClientSession s = password("a01", AccessTestServices.A01_PASSWORD);
                SftpClient sftp = SftpClientFactory.instance().createSftpClient(s)) {
            assertEquals(List.of("download", "upload"), list(sftp, "/"));
            assertEquals(List.of("OFD_99_A01_20270104_02.TXT", "OFI_99_A01_20270104.TXT"),
                    list(sftp, "download/" + DAY), "A01 sees only its own outputs, not B02's nor B02's .ERR");
            try (InputStream own = sftp.read("download/" + DAY + "/OFD_99_A01_20270104_02.TXT")) {
                assertArrayEquals(Files.readAllBytes(out.resolve("OFD_99_A01_20270104_02.TXT")), own.readAllBytes());
            }

            // B02's area: no path reaches it
            refused(() -> list(sftp, "../b02"), "'..'");
            refused(() -> list(sftp, "/../b02/download/" + DAY), "'..'");
            assertThrows(SftpException.class, () -> list(sftp, "/b02"), "no such folder in A01's area");
            assertThrows(SftpException.class, () -> sftp.read("download/" + DAY + "/OFD_99_B02_20270104_02.TXT")
                    .readAllBytes(), "B02's file is not in A01's download/");
            refused(() -> put(sftp, "../b02/upload/OFD_A01_99_20270104_01.TXT"), "'..'");

            // names and addresses
            refused(() -> put(sftp, "upload/../x"), "'..'");
            refused(() -> put(sftp, "upload/notes.txt"), "not an exchange file name");
            refused(() -> put(sftp, "upload/OFD_A01_88_20270104_01.TXT"), "addressed to 88, not to this TA (99)");
            refused(() -> put(sftp, "upload/OFD_B02_99_20270104_01.TXT"), "sender B02 is not your code (A01)");
            refused(() -> put(sftp, "upload/OFD_A01_99_20270104_07.TXT"), "a distributor sends types [01, 03]");
            refused(() -> put(sftp, "download/" + DAY + "/OFD_A01_99_20270104_01.TXT"), "upload/ only");
            refused(() -> sftp.mkdir("upload/sub"), "folders cannot be made");
            refused(() -> sftp.symLink("upload/OFD_A01_99_20270104_01.TXT", "/download"), "links cannot be made");
            refused(() -> sftp.rename("download/" + DAY + "/OFD_99_A01_20270104_02.TXT",
                    "upload/OFD_A01_99_20270104_01.TXT"), "cannot be renamed");
            refused(() -> sftp.remove("download/" + DAY + "/OFD_99_A01_20270104_02.TXT"), "cannot be removed");
        }
        assertFalse(Files.exists(dataRoot.resolve("x")));
        assertFalse(Files.exists(dataRoot.resolve("access/users/x")));
        assertFalse(Files.exists(dataRoot.resolve("access/users/b02/upload/OFD_A01_99_20270104_01.TXT")));
        try (Stream<Path> s = Files.list(dataRoot.resolve("access/users/b02/upload"))) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void anUploadCutOffMidWriteNeverReachesTheInbox() throws Exception {
        String name = "OFD_A01_99_20270105_03.TXT";
        byte[] bytes = Files.readAllBytes(EXAMPLES.resolve("20270105/in").resolve(name));
        Path partial = dataRoot.resolve("access/users/a01/upload").resolve(name);
        ClientSession s = password("a01", AccessTestServices.A01_PASSWORD);
        SftpClient sftp = SftpClientFactory.instance().createSftpClient(s);
        SftpClient.CloseableHandle h = sftp.open("upload/" + name, SftpClient.OpenMode.Write,
                SftpClient.OpenMode.Create, SftpClient.OpenMode.Truncate);
        sftp.write(h, 0, bytes, 0, bytes.length / 2);
        assertTrue(Files.exists(partial), "the half-written upload is outside the inbox, in a01's upload/");
        try (ClientSession other = password("a01", AccessTestServices.A01_PASSWORD);
                SftpClient second = SftpClientFactory.instance().createSftpClient(other)) {
            refused(() -> put(second, "upload/" + name), "an upload of this file is in progress");
        }
        // the connection drops: no SSH_FXP_CLOSE for the handle
        s.close(true);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Files.exists(partial) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(Files.exists(partial), "the unfinished upload is discarded when its session ends");
        assertFalse(Files.exists(dataRoot.resolve("inbox/20270105").resolve(name)));
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM access.file_arrival WHERE file_name = '"
                        + name + "'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }

        // sent again, whole, it arrives
        upload(password("a01", AccessTestServices.A01_PASSWORD), EXAMPLES.resolve("20270105/in"), name);
        assertArrayEquals(bytes, Files.readAllBytes(dataRoot.resolve("inbox/20270105").resolve(name)));
        assertFalse(Files.exists(partial));
    }

    @Test
    void signInNeedsTheRightPasswordOrKeyAndATransferRole() throws Exception {
        assertThrows(IOException.class, () -> password("a01", "wrong-password"));
        assertThrows(IOException.class, () -> password("fm1", AccessTestServices.A01_PASSWORD));
        assertThrows(IOException.class, () -> password("nobody", "x"));
        // a viewer has a password in the users file, but no SFTP area
        assertThrows(IOException.class, () -> password("alice", AccessTestServices.ALICE_PASSWORD));
        // b02's key does not open a01
        assertThrows(IOException.class, () -> publicKey("a01"));
        try (ClientSession s = publicKey("b02"); SftpClient sftp = SftpClientFactory.instance().createSftpClient(s)) {
            assertEquals(List.of("download", "upload"), list(sftp, "/"));
        }
    }

    @Test
    void openSshsSftpClientUploadsWithAnEd25519Key() throws Exception {
        Path key = dataRoot.resolve("ossh_key");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/sftp")) && Files.exists(key),
                "OpenSSH's sftp and ssh-keygen are not installed");
        Path local = EXAMPLES.resolve("20270106/in/OFI_A01_99_20270106.TXT");
        Process ok = openSsh(key, "put " + local + " upload/\nls download\n");
        String out = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ok.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), out);
        assertEquals(0, ok.exitValue(), out);
        assertArrayEquals(Files.readAllBytes(local),
                Files.readAllBytes(dataRoot.resolve("inbox/20270106/OFI_A01_99_20270106.TXT")));

        // OpenSSH's client prints its own text for the status (not the server's reason), and fails the batch
        Process refused = openSsh(key, "put " + local + " upload/OFI_B02_99_20270106.TXT\n");
        String text = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(refused.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), text);
        assertTrue(refused.exitValue() != 0, text);
        assertTrue(text.contains("Permission denied"), text);
        assertFalse(Files.exists(dataRoot.resolve("inbox/20270106/OFI_B02_99_20270106.TXT")));
    }

    private Process openSsh(Path key, String batch) throws IOException {
        Path file = Files.createTempFile(dataRoot, "batch", ".txt");
        Files.writeString(file, batch);
        return new ProcessBuilder("/usr/bin/sftp", "-b", file.toString(), "-P", String.valueOf(server.port()),
                "-i", key.toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                // the test's server has a freshly generated host key
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "ossh@127.0.0.1").redirectErrorStream(true).start();
    }

    // ------------------------------------------------------------------ helpers

    private ClientSession password(String user, String password) throws IOException {
        ClientSession s = connect(user);
        s.addPasswordIdentity(password);
        return auth(s);
    }

    private ClientSession publicKey(String user) throws Exception {
        KeyFactory kf = KeyFactory.getInstance("EC");
        KeyPair kp = new KeyPair(
                kf.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(dataRoot.resolve("test-b02-key.pub.der")))),
                kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(dataRoot.resolve("test-b02-key.der")))));
        ClientSession s = connect(user);
        s.addPublicKeyIdentity(kp);
        return auth(s);
    }

    private ClientSession connect(String user) throws IOException {
        return client.connect(user, "127.0.0.1", server.port()).verify(WAIT).getSession();
    }

    private static ClientSession auth(ClientSession s) throws IOException {
        try {
            s.auth().verify(WAIT);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close(true);
            throw e;
        }
    }

    private void upload(ClientSession s, Path dir, String... names) throws IOException {
        try (s; SftpClient sftp = SftpClientFactory.instance().createSftpClient(s)) {
            for (String name : names) {
                try (OutputStream out = sftp.write("upload/" + name)) {
                    out.write(Files.readAllBytes(dir.resolve(name)));
                }
            }
        }
    }

    private static void put(SftpClient sftp, String path) throws IOException {
        try (OutputStream out = sftp.write(path)) {
            out.write("x".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static List<String> list(SftpClient sftp, String path) throws IOException {
        List<String> names = new ArrayList<>();
        try {
            for (SftpClient.DirEntry e : sftp.readDir(path)) {
                if (!e.getFilename().startsWith(".")) {
                    names.add(e.getFilename());
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause(); // MINA's directory iterator wraps the SFTP status
        }
        names.sort(null);
        return names;
    }

    interface Call {
        void run() throws Exception;
    }

    /** The call fails with PERMISSION_DENIED and a message containing {@code reason}. */
    private static void refused(Call call, String reason) {
        SftpException e = assertThrows(SftpException.class, call::run);
        assertEquals(SftpConstants.SSH_FX_PERMISSION_DENIED, e.getStatus(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), "message '" + e.getMessage() + "' should say " + reason);
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "access-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(Topics.FILE_ARRIVALS));
        return c;
    }

    /** The events keyed {@code date}, in topic order, once {@code count} have come (and a little longer, for extras). */
    private static List<JsonNode> poll(KafkaConsumer<String, String> c, String date, int count) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> got = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        long settle = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, settle)) {
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                if (date.equals(r.key())) {
                    got.add(json.readTree(r.value()));
                }
            }
            if (got.size() >= count && settle == Long.MAX_VALUE) {
                settle = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            }
        }
        assertEquals(count, got.size(), got.toString());
        return got;
    }

    private static List<String> texts(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(n -> l.add(n.asText()));
        return l;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
