package io.openta.scheduler.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.openta.model.events.DayCommand;
import io.openta.model.events.DayEvent;
import io.openta.model.events.Topics;
import io.openta.model.events.Traffic;
import io.openta.scheduler.security.EmbeddedInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * SEED_SHADOW ({@code ./openta stress --from-production}, issue 12) on the scheduler with shadow traffic on, against
 * a real PostgreSQL and Kafka: refused with one line and no change while a production day is open or a stress day is
 * open in the shadow set; otherwise the shadow set is emptied and holds production's closed days and register rows.
 * The seed's role reads production but cannot write it. A shadow result whose header says production is parked, not
 * handled. The launcher's StressSeedTest clears a whole seeded stress day.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedInfra.class)
@TestProfile(ShadowTrafficSchedulerTest.ShadowOn.class)
class ShadowSeedSchedulerTest {
    private static final String CLOSED = "20260302";
    private static final String OPEN = "20260303";
    private static final String STRESS = "20260304";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void seedsTheShadowSetFromProductionsCloseOnlyWhenNoDayIsOpen() throws Exception {
        for (int i = 0; i < 600 && !"1".equals(one("SELECT count(*) FROM sched.leader WHERE lease_until > now()"));
                i++) {
            Thread.sleep(50);
        }
        exec("INSERT INTO sched.day (biz_date, status, stage, step, inbox, outbox) VALUES ('" + CLOSED
                + "', 'COMPLETED', 'verify', '', '/in', '/out'), ('" + OPEN + "', 'PAUSED', 'clearing', '', '/in', "
                + "'/out')",
                "INSERT INTO acct.account VALUES (1001, '001', 'T1', '1', '" + CLOSED + "', 7)",
                "INSERT INTO sched.withdrawal (biz_date, kind, target, done_by) VALUES ('" + STRESS
                        + "', 'FILE', 'OFD_001_X.TXT', 'tester')",
                "INSERT INTO shadow_sched.day (biz_date, status, stage, step, inbox, outbox) VALUES ('20260101', "
                        + "'COMPLETED', 'verify', '', '/in', '/out')");
        String shadowBefore = shadowDays();
        try (KafkaConsumer<String, String> events = TestClients.consumer(bootstrap, "seed-test-");
                KafkaProducer<String, String> producer = TestClients.producer(bootstrap)) {
            events.subscribe(List.of(Topics.DAY_EVENTS));

            DayEvent refused = answer(events, seed(producer));
            assertEquals(DayEvent.DAY_FAILED, refused.type());
            assertEquals("SEED_SHADOW refused: production day " + OPEN + " is open (PAUSED): its tables are not a "
                    + "close; seed after it completed or was cancelled", refused.message());
            assertEquals(shadowBefore, shadowDays(), "a refused seed changed the shadow set");

            exec("UPDATE sched.day SET status = 'CANCELLED' WHERE biz_date = '" + OPEN + "'",
                    "INSERT INTO shadow_sched.day (biz_date, status, stage, step, inbox, outbox) VALUES ('20260102', "
                            + "'PAUSED', 'clearing', '', '/in', '/out')");
            shadowBefore = shadowDays();
            refused = answer(events, seed(producer));
            assertEquals("SEED_SHADOW refused: stress day 20260102 is open in the shadow set (PAUSED): wait for it "
                    + "or cancel it first", refused.message());
            assertEquals(shadowBefore, shadowDays(), "a refused seed changed the shadow set");

            exec("DELETE FROM shadow_sched.day WHERE biz_date = '20260102'");
            DayEvent seeded = answer(events, seed(producer));
            assertEquals(DayEvent.SHADOW_SEEDED, seeded.type(), seeded.message());
            assertTrue(seeded.message().startsWith("shadow set seeded from production's last close " + CLOSED
                    + ": "), seeded.message());
            assertTrue(seeded.message().contains("; shadow topics emptied: "), seeded.message());
            assertEquals(CLOSED + "|COMPLETED", shadowDays(), "the shadow days are production's closed days alone");
            assertEquals("1001|001|T1|" + CLOSED, one("SELECT ta_account_id || '|' || distributor || '|' || "
                    + "txn_account_id || '|' || opened_date FROM shadow_acct.account"));
            assertEquals("OFD_001_X.TXT", one("SELECT target FROM shadow_sched.withdrawal"));
            assertEquals("0", one("SELECT count(*) FROM shadow_sched.task"));

            // the shadow result topic: a result marked shadow in its field but production in its header is parked
            String parked = one("SELECT count(*) FROM sched.parked_message");
            String result = "{\"date\":\"" + STRESS + "\",\"stage\":\"day-init\",\"step\":\"\",\"shard\":0,"
                    + "\"attempt\":1,\"status\":\"DONE\",\"records\":1,\"traffic\":\"SHADOW\"}";
            producer.send(TestClients.marked(Topics.TASK_RESULTS_SHADOW, STRESS, result, Traffic.PRODUCTION)).get();
            for (int i = 0; i < 200 && one("SELECT count(*) FROM sched.parked_message").equals(parked); i++) {
                Thread.sleep(50);
            }
            assertEquals("its openta-traffic header says PRODUCTION but its traffic field says SHADOW: not run",
                    one("SELECT reason FROM sched.parked_message WHERE topic = '" + Topics.TASK_RESULTS_SHADOW
                            + "' ORDER BY id DESC LIMIT 1"));
        }
        // the seed's role reads production and writes shadow, never production
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL ROLE " + ShadowSeeding.SEED_ROLE);
                s.execute("SELECT count(*) FROM acct.account");
                s.execute("UPDATE shadow_acct.account SET slot = slot");
                SQLException denied = assertThrows(SQLException.class,
                        () -> s.execute("UPDATE acct.account SET slot = slot"));
                assertEquals("42501", denied.getSQLState(), denied.getMessage());
            } finally {
                c.rollback();
            }
        }
        exec("DELETE FROM sched.day WHERE biz_date IN ('" + CLOSED + "', '" + OPEN + "')",
                "DELETE FROM acct.account WHERE ta_account_id = '1001'", "DELETE FROM sched.withdrawal",
                "TRUNCATE shadow_sched.day, shadow_acct.account, shadow_sched.withdrawal");
    }

    private String seed(KafkaProducer<String, String> producer) throws Exception {
        String requestId = UUID.randomUUID().toString();
        producer.send(TestClients.marked(Topics.DAY_COMMANDS, STRESS, JSON.writeValueAsString(new DayCommand(
                DayCommand.SEED_SHADOW, STRESS, null, null, requestId, Traffic.SHADOW)), Traffic.SHADOW)).get();
        return requestId;
    }

    private static DayEvent answer(KafkaConsumer<String, String> events, String requestId) throws Exception {
        for (int i = 0; i < 120; i++) {
            for (ConsumerRecord<String, String> r : events.poll(Duration.ofMillis(500))) {
                DayEvent e = JSON.readValue(r.value(), DayEvent.class);
                if (requestId.equals(e.requestId())) {
                    assertEquals(Traffic.SHADOW, e.traffic());
                    return e;
                }
            }
        }
        throw new AssertionError("no event answered request " + requestId);
    }

    private String shadowDays() throws Exception {
        return one("SELECT string_agg(biz_date || '|' || status, ',' ORDER BY biz_date) FROM shadow_sched.day");
    }

    private String one(String sql) throws Exception {
        return TestClients.one(jdbcUrl, sql);
    }

    private void exec(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
