package io.openta.scheduler.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The scheduler with shadow traffic on, against a real PostgreSQL and Kafka: it migrates the shadow schemas at start
 * from Quarkus's own migration scripts, leads with every transaction under the production role, and refuses a START
 * marked SHADOW (it does not run stress days yet) with a DAY_FAILED marked SHADOW, writing no day.
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
    void migratesTheShadowSchemasAndRefusesAStressDay() throws Exception {
        String versions = "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM %s.flyway_schema_history"
                + " WHERE success";
        assertEquals(one(versions.formatted("sched")), one(versions.formatted("shadow_sched")));
        for (int i = 0; i < 600 && !"1".equals(one("SELECT count(*) FROM sched.leader WHERE lease_until > now()"));
                i++) {
            Thread.sleep(50);
        }

        String requestId = UUID.randomUUID().toString();
        try (KafkaConsumer<String, String> events = consumer(); KafkaProducer<String, String> commands = producer()) {
            events.subscribe(List.of(Topics.DAY_EVENTS));
            commands.send(new ProducerRecord<>(Topics.DAY_COMMANDS, DAY, JSON.writeValueAsString(new DayCommand(
                    DayCommand.START, DAY, "/nowhere/in", "/nowhere/out", requestId, Traffic.SHADOW)))).get();
            ConsumerRecord<String, String> answer = null;
            for (int i = 0; i < 120 && answer == null; i++) {
                for (ConsumerRecord<String, String> r : events.poll(Duration.ofMillis(500))) {
                    if (JSON.readValue(r.value(), DayEvent.class).requestId().equals(requestId)) {
                        answer = r;
                    }
                }
            }
            assertNotNull(answer, "no event answered the SHADOW start");
            DayEvent event = JSON.readValue(answer.value(), DayEvent.class);
            assertEquals(DayEvent.DAY_FAILED, event.type());
            assertEquals(DayScheduler.SHADOW_REFUSED, event.message());
            assertEquals(Traffic.SHADOW, event.traffic());
            assertEquals("SHADOW", new String(answer.headers().lastHeader(Traffic.HEADER).value(),
                    StandardCharsets.UTF_8));
        }
        assertEquals("0", one("SELECT count(*) FROM sched.day WHERE biz_date = '" + DAY + "'"));
        assertEquals("0", one("SELECT count(*) FROM shadow_sched.day"));
    }

    private String one(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "shadow-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }
}
