package io.openta.runtime.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.Test;

/**
 * The plain Kafka clients connect as the SmallRye channels do: the security protocol, SASL and TLS settings of the
 * shared Kafka settings (Quarkus's {@code default-kafka-broker} map, given here as that producer builds it from
 * {@code kafka.*} properties and {@code KAFKA_*} variables) reach the consumer's and producer's client config, and
 * nothing else of the map overrides the plain clients' own settings. No SASL broker runs here: the real clients are
 * built (which signs in with the JAAS configuration given) and closed without connecting.
 */
class PlainKafkaTest {
    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"openta\" password=\"not-a-real-secret\";";

    /** As Quarkus's map holds them: keys without the kafka. prefix; the channel settings beside the security ones. */
    private static final Map<String, Object> SHARED = Map.of(
            "bootstrap.servers", "elsewhere:9092",
            "security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "PLAIN",
            "sasl.jaas.config", JAAS,
            "ssl.endpoint.identification.algorithm", "",
            "group.id", "the-app",
            "acks", "1",
            "enable.auto.commit", "true");

    @Test
    void securitySettingsReachTheConsumerConfig() {
        Properties p = PlainKafka.consumer("127.0.0.1:1", SHARED, "inbox", "test-");
        ConsumerConfig c = new ConsumerConfig(p);
        assertEquals("SASL_PLAINTEXT", c.getString(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG));
        assertEquals("PLAIN", c.getString(SaslConfigs.SASL_MECHANISM));
        assertEquals(JAAS, c.getPassword(SaslConfigs.SASL_JAAS_CONFIG).value());
        // the plain client's own settings stay its own
        assertEquals("127.0.0.1:1", String.join(",", c.getList(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)));
        assertEquals("inbox", c.getString(ConsumerConfig.GROUP_ID_CONFIG));
        assertFalse(c.getBoolean(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
        // a blank value is left to Kafka's default rather than passed on as ""
        assertEquals("https", c.getString(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            assertEquals(0, consumer.assignment().size(), "built with SASL/PLAIN, not connected");
        }
    }

    @Test
    void securitySettingsReachTheProducerConfig() {
        Properties p = PlainKafka.producer("127.0.0.1:1", SHARED, "test-");
        ProducerConfig c = new ProducerConfig(p);
        assertEquals("SASL_PLAINTEXT", c.getString(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG));
        assertEquals("PLAIN", c.getString(SaslConfigs.SASL_MECHANISM));
        assertEquals(JAAS, c.getPassword(SaslConfigs.SASL_JAAS_CONFIG).value());
        assertEquals("-1", c.getString(ProducerConfig.ACKS_CONFIG),
                "acks stay the plain producer's (all, read as -1)");
        // built with SASL/PLAIN (the login runs in the constructor), not connected
        new KafkaProducer<String, String>(p).close(Duration.ofSeconds(1));
    }

    @Test
    void onlyConnectionSettingsAreTaken() {
        assertEquals(Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config",
                JAAS), PlainKafka.connection(SHARED));
        assertEquals(Map.of("ssl.truststore.location", "/etc/kafka/ca.p12", "tls-configuration-name", "kafka"),
                PlainKafka.connection(Map.of("ssl.truststore.location", "/etc/kafka/ca.p12", "tls-configuration-name",
                        "kafka", "kafka.ui.enabled", "true", "client.id", "x")));
        assertEquals(Map.of(), PlainKafka.connection(Map.of("bootstrap.servers", "b:9092")),
                "without security settings the clients are as before: plaintext");
    }
}
