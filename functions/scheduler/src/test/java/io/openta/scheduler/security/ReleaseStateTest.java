package io.openta.scheduler.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.openta.model.events.DayCommand;
import io.openta.scheduler.service.DayScheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The release state against the real scheduler, PostgreSQL and Kafka: who may read and change it; a bad segments
 * file or an unknown step is refused with one line and leaves the release as it was; and a step change applies at a
 * stage boundary only. No stage function runs here: the test marks a step's tasks DONE itself and lets the
 * scheduler's sweep move the day on, so it sees what the scheduler planned for each step.
 */
@QuarkusTest
@QuarkusTestResource(ReleaseInfra.class)
class ReleaseStateTest {
    private static final String DAY = "20260201";
    private static final String PLAN = """
            {"accountGroups": {"pilot-distributors": {"distributors": ["B02"]}},
             "steps": [{"step": "pilot", "accountGroups": ["pilot-distributors"]},
                       {"step": "gray-20", "buckets": [0, 19]}]}""";

    @TestHTTPResource("/")
    URL base;
    @ConfigProperty(name = EmbeddedInfra.PRIVATE_KEY_CONFIG)
    String privateKey;
    @ConfigProperty(name = EmbeddedInfra.JDBC_URL_CONFIG)
    String jdbcUrl;
    @ConfigProperty(name = ReleaseInfra.SEGMENTS_CONFIG)
    String segmentsFile;
    @Inject
    DayScheduler scheduler;

    @Test
    void onlyAnAdminChangesTheReleaseAndBadInputLeavesItAsItWas() throws Exception {
        awaitLeadership();
        String viewer = token("vera", "viewer");
        String operator = token("otto", "operator");
        String admin = token("ada", "admin");
        Files.writeString(Path.of(segmentsFile), PLAN);
        assertEquals(200, call("GET", "api/release", viewer, null).status());
        assertEquals(403, call("POST", "api/release/step", viewer, "{\"step\":\"pilot\"}").status());
        assertEquals(403, call("POST", "api/release/step", operator, "{\"step\":\"pilot\"}").status());
        assertEquals(403, call("POST", "api/release/abort", operator, null).status());

        ApiAnswer set = call("POST", "api/release/step", admin, "{\"step\":\"pilot\"}");
        assertEquals(200, set.status(), set.body());
        assertEquals("pilot", set.json().path("step").asText());
        assertTrue(set.json().path("canaryNow").asBoolean());
        assertEquals("ada", set.json().path("updatedBy").asText());

        assertRefused(admin, "gray-7", "segments file " + segmentsFile + ": step gray-7: is not a step of this file "
                + "(steps: pilot, gray-20)");
        Files.writeString(Path.of(segmentsFile), PLAN.replace("[0, 19]", "[[0, 19], [10, 29]]"));
        assertRefused(admin, "gray-20", "segments file " + segmentsFile + ": step gray-20: buckets [10,29] overlap "
                + "[0,19]");
        Files.writeString(Path.of(segmentsFile), PLAN.substring(0, 40));
        ApiAnswer broken = call("POST", "api/release/step", admin, "{\"step\":\"gray-20\"}");
        assertEquals(400, broken.status(), broken.body());
        assertTrue(broken.json().path("message").asText().startsWith("segments file " + segmentsFile
                + ": does not parse: "), broken.body());
        Files.writeString(Path.of(segmentsFile), PLAN);
    }

    /**
     * The module's test classes run in one JVM on one embedded database: a day another class left open (or this one,
     * for the next class) would refuse a START ("still open"), so open days are closed before and after each test.
     */
    @BeforeEach
    @AfterEach
    void closeOpenDays() throws Exception {
        update("UPDATE sched.day SET status = 'CANCELLED' WHERE status IN ('RUNNING', 'PAUSED', 'STOPPED', "
                + "'PUBLISHING')");
    }

    @Test
    void aStepChangeAppliesAtTheNextStageStartAndAnAbortSendsNewStagesToStable() throws Exception {
        awaitLeadership();
        String admin = token("ada", "admin");
        Files.writeString(Path.of(segmentsFile), PLAN);
        assertEquals(200, call("POST", "api/release/step", admin, "{\"step\":\"gray-20\"}").status());
        scheduler.onCommand(new DayCommand(DayCommand.START, DAY, Path.of(segmentsFile).getParent().toString(),
                Path.of(segmentsFile).getParent().resolve("out").toString(), UUID.randomUUID().toString()));
        // day-init and file-import started under gray-20; at clearing/accounts the step changes to pilot
        finishStepsUntil("clearing", "accounts");
        assertEquals(200, call("POST", "api/release/step", admin, "{\"step\":\"pilot\"}").status());
        finishStepsUntil("clearing", "trades");
        assertEquals("gray-20", query("SELECT release_step FROM sched.stage_run WHERE biz_date = '" + DAY
                + "' AND stage = 'clearing'"));
        // the running stage keeps its step: trades is split in 2 x shards tasks by gray-20's segment
        assertEquals(String.valueOf(2 * EmbeddedInfra.SHARDS), query("SELECT count(*) FROM sched.task WHERE "
                + "biz_date = '" + DAY + "' AND stage = 'clearing' AND step = 'trades'"));
        finishStepsUntil("profit", "income");
        assertEquals("pilot", query("SELECT release_step FROM sched.stage_run WHERE biz_date = '" + DAY
                + "' AND stage = 'profit'"));
        assertTrue(query("SELECT segment::text FROM sched.stage_run WHERE biz_date = '" + DAY
                + "' AND stage = 'profit'").contains("\"distributors\": [\"B02\"]"), "the stage's segment");
        // fund-wide steps are not split
        assertEquals("1", query("SELECT count(*) FROM sched.task WHERE biz_date = '" + DAY
                + "' AND stage = 'profit' AND step = 'totals'"));

        assertEquals(200, call("POST", "api/release/abort", admin, null).status());
        assertEquals(String.valueOf(2 * EmbeddedInfra.SHARDS), query("SELECT count(*) FROM sched.task WHERE "
                + "biz_date = '" + DAY + "' AND stage = 'profit' AND step = 'income'"), "income keeps its lanes");
        finishStepsUntil("share-adjust", "adjust");
        assertEquals(null, query("SELECT release_step FROM sched.stage_run WHERE biz_date = '" + DAY
                + "' AND stage = 'share-adjust'"));
        assertEquals(String.valueOf(EmbeddedInfra.SHARDS), query("SELECT count(*) FROM sched.task WHERE "
                + "biz_date = '" + DAY + "' AND stage = 'share-adjust' AND step = 'adjust'"), "aborted: stable only");
    }

    /** Marks the current step's tasks DONE and lets the sweep move the day on, until it is at stage/step. */
    private void finishStepsUntil(String stage, String step) throws Exception {
        for (int i = 0; i < 100; i++) {
            String at = query("SELECT stage || '/' || step FROM sched.day WHERE biz_date = '" + DAY + "'");
            if (at.equals(stage + "/" + step)) {
                return;
            }
            update("UPDATE sched.task SET status = 'DONE' WHERE biz_date = '" + DAY + "' AND status <> 'DONE'");
            scheduler.recover(false);
        }
        throw new AssertionError("the day never reached " + stage + "/" + step);
    }

    private void assertRefused(String admin, String step, String message) throws Exception {
        ApiAnswer before = call("GET", "api/release", admin, null);
        ApiAnswer refused = call("POST", "api/release/step", admin, "{\"step\":\"" + step + "\"}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals(message, refused.json().path("message").asText());
        ApiAnswer after = call("GET", "api/release", admin, null);
        assertEquals(before.json(), after.json(), "the release stays where it was");
    }

    private void awaitLeadership() throws Exception {
        String viewer = token("vera", "viewer");
        for (int i = 0; i < 300; i++) {
            ApiAnswer a = call("GET", "api/leader", viewer, null);
            if (a.status() == 200 && a.json().path("leading").asBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the scheduler never led");
    }

    private String token(String user, String role) throws Exception {
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(privateKey)));
        return OperatorAuthTest.token(key, user, role, 600);
    }

    private String query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void update(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private ApiAnswer call(String method, String path, String token, String body) throws Exception {
        return ApiAnswer.call(base, method, path, token, body);
    }
}
