package io.openta.scheduler.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.openta.model.events.DayCommand;
import io.openta.model.events.DayEvent;
import io.openta.model.events.Stage;
import io.openta.model.events.Topics;
import io.openta.model.events.Traffic;
import io.openta.runtime.task.TaskMessage;
import io.openta.scheduler.security.EmbeddedInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The scheduler with shadow traffic on, against a real PostgreSQL and Kafka: it migrates the shadow schemas at start
 * from Quarkus's own migration scripts, and runs a START marked SHADOW as a stress day whose state is in the shadow
 * schemas only: its first tasks go to the shadow task topic, marked; a second stress START of the same date fails
 * with one line and changes nothing; CLEAN_SHADOW empties the shadow schemas (and leaves no day open for the other
 * test classes of this JVM). The scheduler module runs no stage work, so the tasks stay unanswered here; the launcher's
 * StressDayTest runs whole stress days.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedInfra.class)
@TestProfile(ShadowTrafficSchedulerTest.ShadowOn.class)
class ShadowTrafficSchedulerTest {
    private static final String DAY = "20260105";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class ShadowOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openta.shadow.enabled", "true");
        }
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void runsAStressDayInTheShadowSchemasAndTopics() throws Exception {
        String versions = "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM %s.flyway_schema_history"
                + " WHERE success";
        assertEquals(one(versions.formatted("sched")), one(versions.formatted("shadow_sched")));
        for (int i = 0; i < 600 && !"1".equals(one("SELECT count(*) FROM sched.leader WHERE lease_until > now()"));
                i++) {
            Thread.sleep(50);
        }
        String productionDays = one("SELECT count(*) FROM sched.day");
        String productionTasks = one("SELECT count(*) FROM sched.task");

        try (KafkaConsumer<String, String> events = consumer(); KafkaConsumer<String, String> tasks = consumer();
                KafkaProducer<String, String> commands = producer()) {
            events.subscribe(List.of(Topics.DAY_EVENTS));
            tasks.subscribe(List.of(Topics.stageTasks(Stage.DAY_INIT, Traffic.SHADOW)));
            String started = send(commands, DayCommand.START);
            ConsumerRecord<String, String> task = null;
            for (int i = 0; i < 120 && task == null; i++) {
                for (ConsumerRecord<String, String> r : tasks.poll(Duration.ofMillis(500))) {
                    TaskMessage t = JSON.readValue(r.value(), TaskMessage.class);
                    if (t.date().equals(DAY)) {
                        task = r;
                    }
                }
            }
            assertNotNull(task, "no shadow task of the stress day on " + Topics.stageTasks(Stage.DAY_INIT,
                    Traffic.SHADOW));
            assertEquals(Traffic.SHADOW, JSON.readValue(task.value(), TaskMessage.class).traffic());
            assertEquals("SHADOW", header(task));
            assertEquals("RUNNING", one("SELECT status FROM shadow_sched.day WHERE biz_date = '" + DAY + "'"));
            assertEquals("0", one("SELECT count(*) FROM shadow_sched.task WHERE status = 'DONE'"));
            assertEquals(productionDays, one("SELECT count(*) FROM sched.day"), "a production day was written");
            assertEquals(productionTasks, one("SELECT count(*) FROM sched.task"), "a production task was written");

            // the same date again while the stress day is open: one line, nothing changed
            String tasksBefore = one("SELECT string_agg(stage || step || shard || status || attempts, ',' "
                    + "ORDER BY stage, step, shard) FROM shadow_sched.task");
            String again = send(commands, DayCommand.START);
            DayEvent refused = answer(events, again);
            assertEquals(DayEvent.DAY_FAILED, refused.type());
            assertEquals(Traffic.SHADOW, refused.traffic());
            assertEquals("stress day " + DAY + " is already open in the shadow set (RUNNING): wait for it, cancel it, "
                    + "or run ./openta stress clean", refused.message());
            assertEquals(tasksBefore, one("SELECT string_agg(stage || step || shard || status || attempts, ',' "
                    + "ORDER BY stage, step, shard) FROM shadow_sched.task"));
            assertEquals(started, one("SELECT request_id FROM shadow_sched.day WHERE biz_date = '" + DAY + "'"));

            String clean = send(commands, DayCommand.CLEAN_SHADOW);
            DayEvent cleaned = answer(events, clean);
            assertEquals(DayEvent.SHADOW_CLEANED, cleaned.type(), cleaned.message());
        }
        assertEquals("0", one("SELECT count(*) FROM shadow_sched.day"));
        assertEquals("0", one("SELECT count(*) FROM shadow_sched.task"));
        assertEquals(one(versions.formatted("sched")), one(versions.formatted("shadow_sched")),
                "the shadow migration history survives a clean");
        assertEquals(productionDays, one("SELECT count(*) FROM sched.day"));
    }

    private static String send(KafkaProducer<String, String> commands, String type) throws Exception {
        String requestId = UUID.randomUUID().toString();
        commands.send(TestClients.marked(Topics.DAY_COMMANDS, DAY, JSON.writeValueAsString(new DayCommand(type, DAY,
                "/nowhere/in", "/nowhere/out", requestId, Traffic.SHADOW)), Traffic.SHADOW)).get();
        return requestId;
    }

    private static DayEvent answer(KafkaConsumer<String, String> events, String requestId) throws Exception {
        for (int i = 0; i < 120; i++) {
            for (ConsumerRecord<String, String> r : events.poll(Duration.ofMillis(500))) {
                DayEvent e = JSON.readValue(r.value(), DayEvent.class);
                if (requestId.equals(e.requestId())) {
                    assertEquals(e.traffic().name(), header(r));
                    return e;
                }
            }
        }
        throw new AssertionError("no event answered request " + requestId);
    }

    private static String header(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader(Traffic.HEADER).value(), StandardCharsets.UTF_8);
    }

    private String one(String sql) throws Exception {
        return TestClients.one(jdbcUrl, sql);
    }

    private KafkaProducer<String, String> producer() {
        return TestClients.producer(bootstrap);
    }

    private KafkaConsumer<String, String> consumer() {
        return TestClients.consumer(bootstrap, "shadow-test-");
    }
}
