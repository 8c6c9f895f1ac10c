package io.openta.scheduler.arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.openta.model.events.Topics;
import io.openta.scheduler.security.EmbeddedInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Days that start by themselves, against a real PostgreSQL and Kafka broker (this app runs no stages: a started day
 * waits at its first step): a DAY_FILES_COMPLETE event starts its day once, as "arrivals" - the same event again and
 * a FILE_ARRIVED event change nothing, nor does the event of a day that was cancelled; past the cut-off today's day
 * starts as "cut-off" once a file is in its inbox folder; an operator's start is recorded as the operator and uses
 * the roots' date folders, and a start or migrate naming any folder is refused with 400 saying where the day's files
 * are; a day whose files complete while another day is open starts once that day is closed.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedInfra.class)
@TestProfile(StartOnArrivalTest.Roots.class)
class StartOnArrivalTest {
    private static final String D1 = "20260105";
    private static final String D2 = "20260213";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Arrivals on, a cut-off that today has passed (the storage roots are the infra's). */
    public static class Roots implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openta.arrivals.enabled", "true",
                    "openta.arrivals.cut-off", "00:00",
                    "openta.arrivals.check-every", "PT0.2S");
        }
    }

    @TestHTTPResource("/")
    URL base;
    @ConfigProperty(name = "auth-test.private-key")
    String privateKey;
    @ConfigProperty(name = "auth-test.jdbc-url")
    String jdbcUrl;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "openta.storage.inbox-root")
    Path inboxRoot;
    @ConfigProperty(name = "openta.storage.outbox-root")
    Path outboxRoot;

    @Test
    void daysStartOnArrivalOnceAtTheCutOffAndByOperatorsWithinTheRoots() throws Exception {
        String today = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        String operator = token("olga", "operator");
        String admin = token("carol", "admin");
        awaitLeader(operator);

        // the access app's event: D1 starts, by "arrivals", in the roots' date folders
        send(D1, complete(D1));
        String first = await(D1, "RUNNING");
        String folders = inboxRoot.toAbsolutePath().resolve(D1) + "|" + outboxRoot.toAbsolutePath().resolve(D1);
        assertEquals("arrivals|" + folders,
                query("SELECT started_by || '|' || inbox || '|' || outbox FROM sched.day WHERE biz_date = '" + D1
                        + "'"));

        // the same event again (a redelivery, a second access app) and a file event: nothing more happens
        send(D1, complete(D1));
        send(D1, "{\"event\":\"FILE_ARRIVED\",\"date\":\"" + D1 + "\",\"fileName\":\"OFI_A01_99_" + D1 + ".TXT\"}");
        awaitArrivalsRead();
        assertEquals(first, state(D1), "read twice, the event starts the day once");

        // a start or a migration naming a folder is refused, saying where the day's files are; nothing changes
        String where = "paths are not taken: day " + D1 + " reads " + folders.replace("|", " and writes ");
        for (String body : List.of("{\"inbox\":\"" + inboxRoot.toAbsolutePath().resolve(D1) + "\"}",
                "{\"outbox\":\"/tmp\"}", "{\"inbox\":\"../x\",\"outbox\":\"y\"}")) {
            Answer named = call("POST", "api/days/" + D1 + "/start", operator, body);
            assertEquals(400, named.status, named.body);
            assertEquals(where, JSON.readTree(named.body).path("message").asText(), body);
        }
        Answer migrate = call("POST", "api/register/migrate", admin, "{\"date\":\"" + D1 + "\",\"inbox\":\"/tmp\"}");
        assertEquals(400, migrate.status, migrate.body);
        assertEquals(where, JSON.readTree(migrate.body).path("message").asText());
        assertEquals(first, state(D1), "a refused start changes nothing");

        // a cancelled day is not started again by its event
        assertEquals(202, call("POST", "api/days/" + D1 + "/cancel", admin, "{}").status);
        await(D1, "CANCELLED");
        send(D1, complete(D1));
        awaitArrivalsRead();
        assertEquals("CANCELLED", status(D1));

        // past the cut-off, today's day starts with what has arrived - once a file has
        Files.createDirectories(inboxRoot.resolve(today));
        Files.writeString(inboxRoot.resolve(today).resolve("OFD_A01_99_" + today + "_01.TXT"), "x");
        await(today, "RUNNING");
        assertEquals("cut-off", query("SELECT started_by FROM sched.day WHERE biz_date = '" + today + "'"));
        assertEquals(202, call("POST", "api/days/" + today + "/cancel", admin, "{}").status);
        await(today, "CANCELLED");

        // an operator's start: recorded as the operator, folders from the roots
        assertEquals(202, call("POST", "api/days/" + D1 + "/start", operator, "{}").status);
        await(D1, "RUNNING");
        assertEquals("olga|" + inboxRoot.toAbsolutePath().resolve(D1), query("SELECT started_by || '|' || inbox FROM "
                + "sched.day WHERE biz_date = '" + D1 + "'"));
        assertTrue(call("GET", "api/days/" + D1, operator, null).body.contains("\"startedBy\":\"olga\""));
        // a day whose files complete while D1 is open is noted, and starts by itself once D1 is closed
        send(D2, complete(D2));
        awaitArrivalsRead();
        assertEquals(null, status(D2), "not started while " + D1 + " is open");
        assertEquals("1", query("SELECT count(*) FROM sched.pending_start WHERE biz_date = '" + D2 + "'"));
        // (the module's test classes share one database: leave no day open)
        assertEquals(202, call("POST", "api/days/" + D1 + "/cancel", admin, "{}").status);
        await(D1, "CANCELLED");
        await(D2, "RUNNING");
        assertEquals("arrivals|" + inboxRoot.toAbsolutePath().resolve(D2), query("SELECT started_by || '|' || inbox "
                + "FROM sched.day WHERE biz_date = '" + D2 + "'"));
        for (int i = 0; i < 100 && !"0".equals(query("SELECT count(*) FROM sched.pending_start")); i++) {
            Thread.sleep(50);
        }
        assertEquals("0", query("SELECT count(*) FROM sched.pending_start"), "started, then forgotten");
        assertEquals(202, call("POST", "api/days/" + D2 + "/cancel", admin, "{}").status);
        await(D2, "CANCELLED");
    }

    private static String complete(String date) {
        return "{\"event\":\"DAY_FILES_COMPLETE\",\"date\":\"" + date + "\",\"distributors\":[\"A01\",\"B02\"],"
                + "\"quoteSender\":\"FM1\",\"files\":[]}";
    }

    private void send(String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.FILE_ARRIVALS, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Until the scheduler's group has committed every record of the arrivals topic (it commits after handling). */
    private void awaitArrivalsRead() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(List.of(Topics.FILE_ARRIVALS)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.FILE_ARRIVALS).partitions()
                    .forEach(p -> latest.put(new TopicPartition(Topics.FILE_ARRIVALS, p.partition()),
                            OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 300; i++) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("openta-scheduler")
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                boolean all = ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || (committed.get(e.getKey()) != null
                                && committed.get(e.getKey()).offset() >= e.getValue().offset()));
                if (all) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the scheduler did not read the arrivals topic to its end");
        }
    }

    private String await(String date, String status) throws Exception {
        for (int i = 0; i < 400; i++) {
            if (status.equals(status(date))) {
                return state(date);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("day " + date + " not " + status + ": " + state(date));
    }

    private String status(String date) throws Exception {
        return query("SELECT status FROM sched.day WHERE biz_date = '" + date + "'");
    }

    /** Everything a second start would change: status, request, started_at, and the stage runs and tasks made. */
    private String state(String date) throws Exception {
        return query("SELECT status || '|' || request_id || '|' || started_at || '|' || started_by || '|' || "
                + "(SELECT count(*) FROM sched.stage_run r WHERE r.biz_date = d.biz_date) || '|' || "
                + "(SELECT count(*) FROM sched.task t WHERE t.biz_date = d.biz_date) FROM sched.day d "
                + "WHERE biz_date = '" + date + "'");
    }

    private String query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void awaitLeader(String token) throws Exception {
        for (int i = 0; i < 300; i++) {
            Answer a = call("GET", "api/leader", token, null);
            if (a.status == 200 && JSON.readTree(a.body).path("leading").asBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the scheduler never led");
    }

    /** An RS256 JWT signed with the test infra's key, as OperatorAuthTest makes them. */
    private String token(String user, String role) throws Exception {
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(privateKey)));
        long now = Instant.now().getEpochSecond();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT"))) + "."
                + b64.encodeToString(JSON.writeValueAsBytes(Map.of("iss", "openta-test", "sub", user, "groups",
                        List.of(role), "iat", now, "exp", now + 600)));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(rs256.sign());
    }

    private record Answer(int status, String body) {
    }

    private Answer call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                "application/json").header("Authorization", "Bearer " + token).method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }
}
