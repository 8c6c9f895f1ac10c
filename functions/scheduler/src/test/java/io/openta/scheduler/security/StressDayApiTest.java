package io.openta.scheduler.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.openta.model.events.DayCommand;
import io.openta.model.events.Topics;
import io.openta.model.events.Traffic;
import io.openta.scheduler.service.TestClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Stress days through the operators' API (issue 12), with shadow traffic on, real tokens, PostgreSQL and Kafka:
 * {@code ?traffic=shadow} reads the shadow set with the same body as production, and pause, resume, cancel and
 * rollback act on the stress day only, with the roles of production (401 without a token, 403 below the call's
 * role). A production day open at the same date is not paused, cancelled or rolled back by them; a stress command for
 * a date the shadow set does not have open is one line and changes nothing. Every day this class opens is cancelled
 * before it ends. The scheduler module runs no stage work: the days stay at their first stage.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedInfra.class)
@TestProfile(StressDayApiTest.ShadowOn.class)
class StressDayApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHADOW = "?traffic=shadow";

    @TestHTTPResource("/")
    URL base;
    @ConfigProperty(name = EmbeddedInfra.PRIVATE_KEY_CONFIG)
    String privateKey;
    @ConfigProperty(name = EmbeddedInfra.JDBC_URL_CONFIG)
    String jdbcUrl;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    public static class ShadowOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openta.shadow.enabled", "true");
        }
    }

    private String viewer;
    private String operator;
    private String admin;

    @BeforeEach
    void tokensAndLeadership() throws Exception {
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(privateKey)));
        viewer = OperatorAuthTest.token(key, "vera", "viewer", 600);
        operator = OperatorAuthTest.token(key, "otto", "operator", 600);
        admin = OperatorAuthTest.token(key, "carol", "admin", 600);
        ApiAnswer a = null;
        for (int i = 0; i < 300; i++) {
            a = call("GET", "api/leader", viewer, null);
            if (a.status() == 200 && a.json().path("leading").asBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the scheduler never led: " + a);
    }

    @Test
    void shadowCallsTakeTheRolesOfProduction() throws Exception {
        String day = "20270301";
        assertEquals(401, call("GET", "api/days" + SHADOW, null, null).status());
        assertEquals(401, call("POST", "api/days/" + day + "/pause" + SHADOW, null, "{}").status());
        for (String action : List.of("pause", "resume", "cancel", "rollback")) {
            ApiAnswer refused = call("POST", "api/days/" + day + "/" + action + SHADOW, viewer, "{}");
            assertEquals(403, refused.status(), action + ": " + refused.body());
        }
        assertEquals(403, call("POST", "api/days/" + day + "/cancel" + SHADOW, operator, "{}").status());
        assertEquals(403, call("POST", "api/days/" + day + "/rollback" + SHADOW, operator, "{\"to\":\"export\"}")
                .status());
        ApiAnswer list = call("GET", "api/days" + SHADOW, viewer, null);
        assertEquals(200, list.status(), list.body());
        assertTrue(list.json().isArray(), list.body());
        ApiAnswer unknown = call("GET", "api/days?traffic=dance", viewer, null);
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals("unknown traffic 'dance' (expected PRODUCTION or SHADOW)",
                unknown.json().path("message").asText());
        // the role check comes first, then the day set's answer: an operator may pause, there is no such stress day
        ApiAnswer none = call("POST", "api/days/" + day + "/pause" + SHADOW, operator, "{}");
        assertEquals(404, none.status(), none.body());
        assertEquals("no stress day " + day, none.json().path("message").asText());
    }

    @Test
    void aStressDayIsPausedResumedAndCancelledWhileTheProductionDayOfItsDateRunsOn() throws Exception {
        String day = "20270302";
        assertEquals(202, call("POST", "api/days/" + day + "/start", operator, "{}").status());
        awaitStatus("sched", day, "RUNNING");
        String productionTasks = one("SELECT string_agg(stage || step || shard || status, ',' ORDER BY stage, step, "
                + "shard) FROM sched.task WHERE biz_date = '" + day + "'");
        startStressDay(day);
        awaitStatus("shadow_sched", day, "RUNNING");

        // reads: the shadow set's day, with the body production days have
        ApiAnswer stress = call("GET", "api/days/" + day + SHADOW, viewer, null);
        ApiAnswer production = call("GET", "api/days/" + day, viewer, null);
        assertEquals(200, stress.status(), stress.body());
        assertEquals(fields(production.json()), fields(stress.json()));
        assertEquals("RUNNING", stress.json().path("status").asText());
        assertEquals("/nowhere/stress-out", stress.json().path("outbox").asText());
        assertTrue(!production.json().path("outbox").asText().equals("/nowhere/stress-out"), production.body());
        assertTrue(call("GET", "api/days" + SHADOW, viewer, null).body().contains("\"date\":\"" + day + "\""));

        ApiAnswer paused = call("POST", "api/days/" + day + "/pause" + SHADOW, operator, "{}");
        assertEquals(202, paused.status(), paused.body());
        awaitStatus("shadow_sched", day, "PAUSED");
        assertEquals("RUNNING", status("sched", day), "the production day of the same date was paused");

        ApiAnswer again = call("POST", "api/days/" + day + "/pause" + SHADOW, operator, "{}");
        assertEquals(409, again.status(), again.body());
        assertEquals("stress day " + day + " is paused: cannot pause", again.json().path("message").asText());
        assertEquals("PAUSED", status("shadow_sched", day));

        assertEquals(202, call("POST", "api/days/" + day + "/resume" + SHADOW, operator, "{}").status());
        awaitStatus("shadow_sched", day, "RUNNING");

        assertEquals(202, call("POST", "api/days/" + day + "/cancel" + SHADOW, admin, "{}").status());
        awaitStatus("shadow_sched", day, "CANCELLED");
        assertEquals("0", one("SELECT count(*) FROM shadow_sched.task WHERE biz_date = '" + day + "'"));
        assertEquals("RUNNING", status("sched", day), "the production day of the same date was cancelled");
        assertEquals(productionTasks, one("SELECT string_agg(stage || step || shard || status, ',' ORDER BY stage, "
                + "step, shard) FROM sched.task WHERE biz_date = '" + day + "'"));

        ApiAnswer cancelled = call("POST", "api/days/" + day + "/resume" + SHADOW, operator, "{}");
        assertEquals(409, cancelled.status(), cancelled.body());
        assertEquals("stress day " + day + " is cancelled: cannot resume", cancelled.json().path("message").asText());

        // leave no day open
        assertEquals(202, call("POST", "api/days/" + day + "/cancel", admin, "{}").status());
        awaitStatus("sched", day, "CANCELLED");
    }

    @Test
    void aStressDayIsRolledBackInTheShadowSetOnly() throws Exception {
        String day = "20270310";
        // both days as finished ones leave them (this app runs no stages)
        exec("INSERT INTO sched.day (biz_date, status, stage, step, inbox, outbox) VALUES ('" + day + "', "
                + "'COMPLETED', 'profit-export', '', '/nowhere/in', '/nowhere/out')");
        exec("INSERT INTO shadow_sched.day (biz_date, status, stage, step, inbox, outbox) VALUES ('" + day + "', "
                + "'COMPLETED', 'profit-export', '', '/nowhere/in', '/nowhere/stress-out')");

        ApiAnswer none = call("POST", "api/days/20270311/rollback" + SHADOW, admin, "{\"to\":\"export\"}");
        assertEquals(404, none.status(), none.body());
        assertEquals("no stress day 20270311", none.json().path("message").asText());

        ApiAnswer done = call("POST", "api/days/" + day + "/rollback" + SHADOW, admin, "{\"to\":\"export\"}");
        assertEquals(200, done.status(), done.body());
        assertEquals("stress day " + day + " rolled back", done.json().path("message").asText());
        assertEquals("STOPPED export", one("SELECT status || ' ' || stage FROM shadow_sched.day WHERE biz_date = '"
                + day + "'"));
        assertEquals("STAGE export carol", one("SELECT kind || ' ' || target || ' ' || done_by FROM "
                + "shadow_sched.rollback_log WHERE biz_date = '" + day + "'"));
        assertEquals("COMPLETED profit-export", one("SELECT status || ' ' || stage FROM sched.day WHERE biz_date = '"
                + day + "'"), "the production day of the same date was rolled back");
        assertEquals("0", one("SELECT count(*) FROM sched.rollback_log WHERE biz_date = '" + day + "'"));
        ApiAnswer shown = call("GET", "api/days/" + day + SHADOW, viewer, null);
        assertEquals("carol", shown.json().path("rollbacks").path(0).path("by").asText(), shown.body());

        // leave no day open: the stopped stress day is cancelled (back to its start)
        assertEquals(202, call("POST", "api/days/" + day + "/cancel" + SHADOW, admin, "{}").status());
        awaitStatus("shadow_sched", day, "CANCELLED");
        assertEquals("COMPLETED", status("sched", day));
    }

    /** A START marked SHADOW, as ./openta stress sends it (the API starts production days only). */
    private void startStressDay(String day) throws Exception {
        try (KafkaProducer<String, String> commands = TestClients.producer(bootstrap)) {
            commands.send(TestClients.marked(Topics.DAY_COMMANDS, day, JSON.writeValueAsString(new DayCommand(
                    DayCommand.START, day, "/nowhere/stress-in", "/nowhere/stress-out", UUID.randomUUID().toString(),
                    Traffic.SHADOW)), Traffic.SHADOW)).get();
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> i = node.fieldNames(); i.hasNext();) {
            names.add(i.next());
        }
        return names;
    }

    private void awaitStatus(String schema, String day, String expected) throws Exception {
        String now = null;
        for (int i = 0; i < 600 && !expected.equals(now); i++) {
            now = status(schema, day);
            if (!expected.equals(now)) {
                Thread.sleep(100);
            }
        }
        assertEquals(expected, now, schema + ".day " + day);
    }

    private String status(String schema, String day) throws Exception {
        return one("SELECT status FROM " + schema + ".day WHERE biz_date = '" + day + "'");
    }

    private String one(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private void exec(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private ApiAnswer call(String method, String path, String token, String body) throws Exception {
        return ApiAnswer.call(base, method, path, token, body);
    }
}
