package io.openta.runtime.messaging;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The settings of the plain Kafka clients (outside SmallRye's channels: the scheduler's inbox, dispatch and shadow
 * topic cleaner, the functions' shadow task consumer), in one place: JSON text both ways; consumers commit by hand,
 * after the work, and
 * start a new group at the earliest record; producers wait for every in-sync replica and are idempotent, so a retried
 * send is not written twice. Each client id carries the process id.
 * <p>
 * They connect as the SmallRye channels do: {@code shared} is Quarkus's {@value #SHARED} settings (every
 * {@code kafka.*} property and {@code KAFKA_*} environment variable, {@code KAFKA_SECURITY_PROTOCOL} read as
 * {@code security.protocol}), of which the plain clients take the security protocol, the SASL and the TLS settings
 * ({@link #connection}); the rest of their settings are the ones above.
 */
public final class PlainKafka {
    /** The CDI identifier of Quarkus's map of the shared Kafka settings, the one the SmallRye channels start from. */
    public static final String SHARED = "default-kafka-broker";

    private PlainKafka() {
    }

    public static Properties consumer(String bootstrap, Map<String, ?> shared, String group, String clientIdPrefix) {
        Properties p = base(bootstrap, shared, clientIdPrefix);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a fetch returns as soon as a record is written; the wait bounds only an empty one (see the tasks channel's
        // fetch.max.wait.ms in microprofile-config.properties for what a shorter wait cost an idle serve)
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500");
        return p;
    }

    public static Properties producer(String bootstrap, Map<String, ?> shared, String clientIdPrefix) {
        Properties p = base(bootstrap, shared, clientIdPrefix);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return p;
    }

    public static Properties admin(String bootstrap, Map<String, ?> shared, String clientIdPrefix) {
        return base(bootstrap, shared, clientIdPrefix);
    }

    /** What every plain client has: the broker's connection settings, the bootstrap servers and a client id. */
    private static Properties base(String bootstrap, Map<String, ?> shared, String clientIdPrefix) {
        Properties p = new Properties();
        p.putAll(connection(shared));
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientIdPrefix + ProcessHandle.current().pid());
        return p;
    }

    /**
     * How to reach and sign in to the broker, out of the shared settings: {@code security.protocol}, every
     * {@code sasl.*} and {@code ssl.*} key, and Quarkus's {@code tls-configuration-name} (a named TLS configuration,
     * with which Quarkus sets {@code ssl.engine.factory.class}). Blank values are left out (Kafka's defaults apply).
     */
    public static Map<String, String> connection(Map<String, ?> shared) {
        Map<String, String> c = new TreeMap<>();
        for (Map.Entry<String, ?> e : shared.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().toString();
            boolean connects = key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.")
                    || key.equals("tls-configuration-name");
            if (connects && !value.isBlank()) {
                c.put(key, value);
            }
        }
        return c;
    }
}
