package io.openta.runtime.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.openta.model.events.Traffic;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Building Kafka messages with a key and, where the channel serves several topics, a topic. */
public final class Messages {
    private Messages() {
    }

    public static Message<String> keyed(String key, String value) {
        return Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }

    /** A keyed message carrying the traffic mark in the {@link Traffic#HEADER} header. */
    public static Message<String> keyed(String key, String value, Traffic traffic) {
        return Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key)
                .withHeaders(new RecordHeaders().add(Traffic.HEADER, header(traffic))).build());
    }

    /** The {@link Traffic#HEADER} value of a mark. */
    public static byte[] header(Traffic traffic) {
        return Traffic.orProduction(traffic).name().getBytes(StandardCharsets.UTF_8);
    }

    public static Message<String> to(String topic, String key, String value) {
        return Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).withKey(key).build());
    }
}
