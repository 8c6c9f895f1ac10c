package io.openta.access;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

import io.openta.access.users.Passwords;
import io.openta.model.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * Real services for the access app's tests, in this JVM: PostgreSQL 17 (zonky), a one-node KRaft Kafka broker, a
 * data root in a temporary folder and a users file: {@code a01} (distributor A01, bcrypt password), {@code b02}
 * (distributor B02, public key; its private key is left in {@code <data-root>/test-b02-key.der}, PKCS#8),
 * {@code fm1} (fund manager FM1, bcrypt password), {@code alice} (a viewer with a password, who must not get in)
 * and, where {@code ssh-keygen} is installed, {@code ossh} (distributor A01 too, with an OpenSSH ed25519 key left in
 * {@code <data-root>/ossh_key}).
 */
public class AccessTestServices implements QuarkusTestResourceLifecycleManager {
    public static final String A01_PASSWORD = "a01-secret-pw";
    public static final String FM1_PASSWORD = "fm1-secret-pw";
    public static final String ALICE_PASSWORD = "alice-pw";

    private EmbeddedPostgres pg;
    private KafkaRaftServer kafka;
    private Path data;

    @Override
    public Map<String, String> start() {
        try {
            data = Files.createTempDirectory("openta-access-test");
            pg = EmbeddedPostgres.builder().setPort(freePort()).start();
            int pgPort = pg.getPort();
            String bootstrap = startKafka(data.resolve("kafka"));
            createTopic(bootstrap, Topics.FILE_ARRIVALS);

            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair b02 = g.generateKeyPair();
            Files.write(data.resolve("test-b02-key.der"), b02.getPrivate().getEncoded());
            Files.write(data.resolve("test-b02-key.pub.der"), b02.getPublic().getEncoded());
            // an OpenSSH ed25519 key for the test with OpenSSH's own sftp client, where ssh-keygen is installed
            String osshUser = "";
            if (Files.isExecutable(Path.of("/usr/bin/ssh-keygen"))) {
                Process kg = new ProcessBuilder("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                        data.resolve("ossh_key").toString()).redirectErrorStream(true).start();
                if (kg.waitFor(30, TimeUnit.SECONDS) && kg.exitValue() == 0) {
                    osshUser = "  - {name: ossh, role: distributor, code: A01, publicKey: \""
                            + Files.readString(data.resolve("ossh_key.pub")).trim() + "\"}";
                }
            }
            Path users = data.resolve("users.yaml");
            Files.writeString(users, String.join("\n",
                    "users:",
                    "  - {name: a01, role: distributor, code: A01, passwordHash: \"" + Passwords.hash(A01_PASSWORD) + "\"}",
                    "  - {name: b02, role: distributor, code: B02, publicKey: \"" + PublicKeyEntry.toString(b02.getPublic()) + "\"}",
                    "  - {name: fm1, role: fund-manager, code: FM1, passwordHash: \"" + Passwords.hash(FM1_PASSWORD) + "\"}",
                    "  - {name: alice, role: viewer, password: " + ALICE_PASSWORD + "}",
                    osshUser,
                    ""));
            return Map.ofEntries(
                    Map.entry("openta.access.data-root", data.toString()),
                    Map.entry("openta.access.config", users.toString()),
                    Map.entry("openta.access.sftp-port", "0"),
                    Map.entry("openta.access.expected-distributors", "A01,B02"),
                    Map.entry("openta.access.sftp-host", "127.0.0.1"),
                    Map.entry("kafka.bootstrap.servers", bootstrap),
                    Map.entry("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + pgPort + "/postgres"),
                    Map.entry("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres"),
                    Map.entry("quarkus.datasource.username", "postgres"),
                    Map.entry("quarkus.datasource.password", "postgres"),
                    Map.entry("quarkus.flyway.migrate-at-start", "true"));
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("starting the test services: " + e, e);
        }
    }

    private String startKafka(Path logDir) throws IOException {
        Files.createDirectories(logDir);
        int brokerPort = freePort();
        int controllerPort = freePort();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        Path config = logDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            p.store(out, "access test broker");
        }
        ByteArrayOutputStream formatOut = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(formatOut, true, StandardCharsets.UTF_8)) {
            int rc = StorageTool.execute(new String[] { "format", "--cluster-id", Uuid.randomUuid().toString(),
                    "--config", config.toString(), "--ignore-formatted" }, ps);
            if (rc != 0) {
                throw new IllegalStateException("kafka storage format failed: " + formatOut);
            }
        }
        kafka = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
        kafka.startup();
        return "127.0.0.1:" + brokerPort;
    }

    private static void createTopic(String bootstrap, String topic) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.shutdown();
            kafka.awaitShutdown();
            kafka = null;
        }
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException e) {
                // the JVM is ending the test run: nothing more to do
            }
            pg = null;
        }
        if (data != null) {
            try (java.util.stream.Stream<Path> paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind: harmless
            }
            data = null;
        }
    }
}
