package io.openta.launcher;

import io.openta.model.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedServicesTest {
    @TempDir
    Path tmp;

    @Test
    void postgresKeepsItsDataAcrossRestarts() throws Exception {
        Path data = tmp.resolve("pg");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data)) {
            assertTrue(pg.reactiveUrl().startsWith("postgresql://127.0.0.1:"));
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
                c.createStatement().execute("create table kept(v text)");
                c.createStatement().execute("insert into kept values ('still here')");
                ResultSet rs = c.createStatement().executeQuery("show server_version");
                rs.next();
                assertTrue(rs.getString(1).startsWith("17."), rs.getString(1));
            }
        }
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data);
                Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
            ResultSet rs = c.createStatement().executeQuery("select v from kept");
            assertTrue(rs.next());
            assertEquals("still here", rs.getString(1));
        }
    }

    /** A second command on a folder whose PostgreSQL is in use must refuse, not stop the first one's server. */
    @Test
    void aSecondStartOnAFolderInUseRefusesAndLeavesTheRunningServerUp() throws Exception {
        Path data = tmp.resolve("pg");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data)) {
            java.io.IOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> EmbeddedPostgresServer.start(data));
            assertTrue(refused.getMessage().contains("in use by another running openta command"),
                    refused.getMessage());
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
                ResultSet rs = c.createStatement().executeQuery("select 1");
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void kafkaStartsWithTopicsAndCarriesMessages() throws Exception {
        Path logs = tmp.resolve("kafka");
        Files.createDirectories(logs.resolve("old-junk"));
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(logs)) {
            assertFalse(Files.exists(logs.resolve("old-junk")), "log dir wiped at start");
            kafka.createTopics(Topics.all(), 2);
            kafka.createTopics(Topics.all(), 2); // existing topics are fine
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                Set<String> names = admin.listTopics().names().get();
                assertTrue(names.containsAll(Topics.all()), names.toString());
                assertEquals(2, admin.describeTopics(List.of(Topics.DAY_EVENTS)).allTopicNames().get()
                        .get(Topics.DAY_EVENTS).partitions().size());
            }
            try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
                p.send(new ProducerRecord<>(Topics.DAY_COMMANDS, "20261125", "{}")).get();
            }
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "t",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
                c.subscribe(List.of(Topics.DAY_COMMANDS));
                int seen = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (seen == 0 && System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> rs = c.poll(Duration.ofMillis(500));
                    seen += rs.count();
                }
                assertEquals(1, seen);
            }
        }
    }
}
