package io.openta.scheduler.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
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

/**
 * Bad input of issue 12: with shadow traffic off (the default: no shadow schemas are migrated), a stress START, a
 * shadow clean and a seed from production are each refused with one line, a DAY_FAILED marked SHADOW, and write
 * nothing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedInfra.class)
class ShadowOffRefusalTest {
    private static final String DAY = "20260907"; // a date no other test of the module uses: they share one database
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void stressCommandsAreRefusedWithoutTheShadowSchemas() throws Exception {
        for (int i = 0; i < 600 && !"1".equals(one("SELECT count(*) FROM sched.leader WHERE lease_until > now()"));
                i++) {
            Thread.sleep(50);
        }
        String days = one("SELECT count(*) FROM sched.day");
        try (KafkaConsumer<String, String> events = consumer(); KafkaProducer<String, String> commands = producer()) {
            events.subscribe(List.of(Topics.DAY_EVENTS));
            for (String type : List.of(DayCommand.START, DayCommand.CLEAN_SHADOW, DayCommand.SEED_SHADOW)) {
                String requestId = UUID.randomUUID().toString();
                commands.send(TestClients.marked(Topics.DAY_COMMANDS, DAY, JSON.writeValueAsString(new DayCommand(
                        type, DAY, "/nowhere/in", "/nowhere/out", requestId, Traffic.SHADOW)), Traffic.SHADOW)).get();
                ConsumerRecord<String, String> answer = answer(events, requestId);
                DayEvent event = JSON.readValue(answer.value(), DayEvent.class);
                assertEquals(DayEvent.DAY_FAILED, event.type(), type);
                assertEquals(DayScheduler.SHADOW_REFUSED, event.message());
                assertEquals(Traffic.SHADOW, event.traffic());
                assertEquals("SHADOW", new String(answer.headers().lastHeader(Traffic.HEADER).value(),
                        StandardCharsets.UTF_8));
            }
        }
        assertEquals(days, one("SELECT count(*) FROM sched.day"));
        assertEquals("0", one("SELECT count(*) FROM sched.day WHERE biz_date = '" + DAY + "'"));
    }

    private static ConsumerRecord<String, String> answer(KafkaConsumer<String, String> events, String requestId)
            throws Exception {
        for (int i = 0; i < 120; i++) {
            for (ConsumerRecord<String, String> r : events.poll(Duration.ofMillis(500))) {
                if (requestId.equals(JSON.readValue(r.value(), DayEvent.class).requestId())) {
                    return r;
                }
            }
        }
        throw new AssertionError("no event answered request " + requestId);
    }

    private String one(String sql) throws Exception {
        return TestClients.one(jdbcUrl, sql);
    }

    private KafkaProducer<String, String> producer() {
        return TestClients.producer(bootstrap);
    }

    private KafkaConsumer<String, String> consumer() {
        return TestClients.consumer(bootstrap, "shadow-off-test-");
    }
}
