package io.openta.runtime.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Building Kafka messages with a key and, where the channel serves several topics, a topic. */
public final class Messages {
    private Messages() {
    }

    public static Message<String> keyed(String key, String value) {
        return Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }

    public static Message<String> to(String topic, String key, String value) {
        return Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).withKey(key).build());
    }
}
