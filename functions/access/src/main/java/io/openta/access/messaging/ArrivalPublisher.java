package io.openta.access.messaging;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Sends arrival events to {@code openta.file-arrivals} (channel {@code file-arrivals}), keyed by business date so
 * that a day's events keep their order, and waits for the broker's acknowledgement: an arrival is reported to the
 * uploader as done only once its event is on Kafka.
 */
@Singleton
public class ArrivalPublisher {
    private static final Duration ACK_WAIT = Duration.ofSeconds(30);

    private final Emitter<Record<String, String>> emitter;
    private final ObjectMapper json;

    public ArrivalPublisher(@Channel("file-arrivals") Emitter<Record<String, String>> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    /** Sends {@code event} (a record, written as JSON) with key {@code date}; blocks until acknowledged. */
    public void publish(String date, Object event) {
        String text;
        try {
            text = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + event, e);
        }
        try {
            emitter.send(Record.of(date, text)).toCompletableFuture().get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending an arrival event", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("arrival event not acknowledged by Kafka: " + e, e);
        }
    }
}
