package io.openta.scheduler.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import kafka.tools.StorageTool;

import io.openta.model.events.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real PostgreSQL (zonky binaries) and a one-node KRaft Kafka broker in the test JVM, the topics the scheduler
 * checks at start, and an RSA key pair whose public half the app verifies tokens with ({@link #KEYS} signs them).
 */
public class EmbeddedInfra implements QuarkusTestResourceLifecycleManager {
    static final String ISSUER = "openta-test";
    static final int SHARDS = 2;
    /** Config keys (outside the app's openta. prefix) telling the test where the signing key and database are. */
    static final String PRIVATE_KEY_CONFIG = "auth-test.private-key";
    static final String JDBC_URL_CONFIG = "auth-test.jdbc-url";

    private EmbeddedPostgres postgres;
    private KafkaRaftServer kafka;

    @Override
    public Map<String, String> start() {
        try {
            Path work = Files.createTempDirectory("openta-auth-test");
            postgres = EmbeddedPostgres.builder().setPort(freePort()).start();
            String bootstrap = startKafka(work.resolve("kafka"));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(Topics.all().stream().map(t -> new NewTopic(t, SHARDS, (short) 1)).toList()).all()
                        .get(60, TimeUnit.SECONDS);
            }
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            // the test reads the private key through config: it runs in the app's class loader, not this one
            KeyPair keys = rsa.generateKeyPair();
            Path publicKey = work.resolve("public-key.pem");
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                    keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
            String privateKey = Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
            Files.createDirectories(work.resolve("inbox"));
            Files.createDirectories(work.resolve("outbox"));
            String db = "localhost:" + postgres.getPort() + "/postgres";
            return Map.ofEntries(Map.entry("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + db),
                    Map.entry("quarkus.datasource.reactive.url", "postgresql://" + db),
                    Map.entry("quarkus.datasource.username", "postgres"),
                    Map.entry("quarkus.datasource.password", "postgres"),
                    Map.entry("kafka.bootstrap.servers", bootstrap),
                    Map.entry("openta.shards", String.valueOf(SHARDS)),
                    Map.entry("openta.staging-dir", work.resolve("staging").toString()),
                    // day D reads <work>/inbox/D and writes <work>/outbox/D: the API takes no folder
                    Map.entry("openta.storage.inbox-root", work.resolve("inbox").toString()),
                    Map.entry("openta.storage.outbox-root", work.resolve("outbox").toString()),
                    Map.entry("openta.scheduler.verify-after-day", "false"),
                    Map.entry("mp.jwt.verify.publickey.location", publicKey.toUri().toString()),
                    // in the test launch mode smallrye-jwt generates a key pair of its own (mp.jwt.verify.publickey),
                    // which would win over the location: give it this test's public key instead
                    Map.entry("mp.jwt.verify.publickey", Base64.getEncoder().encodeToString(keys.getPublic()
                            .getEncoded())),
                    Map.entry("mp.jwt.verify.issuer", ISSUER),
                    Map.entry(PRIVATE_KEY_CONFIG, privateKey),
                    Map.entry(JDBC_URL_CONFIG, "jdbc:postgresql://" + db));
        } catch (Exception e) {
            throw new IllegalStateException("the test's PostgreSQL or Kafka did not start: " + e, e);
        }
    }


    /** As the launcher's embedded broker: format the storage, then start broker and controller in one node. */
    private String startKafka(Path logDir) throws Exception {
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
        p.put("log.dirs", logDir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "2");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        Path config = logDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            p.store(out, "auth test broker");
        }
        int rc = StorageTool.execute(new String[] { "format", "--cluster-id", Uuid.randomUuid().toString(), "--config",
            config.toString(), "--ignore-formatted" }, new PrintStream(OutputStream.nullOutputStream()));
        if (rc != 0) {
            throw new IllegalStateException("formatting Kafka storage failed: " + rc);
        }
        kafka = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
        kafka.startup();
        String bootstrap = "127.0.0.1:" + brokerPort;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                    return bootstrap;
                }
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(200);
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
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // the JVM ends next; zonky's own hook stops it too
            }
        }
    }
}
