package io.openta.scheduler.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.openta.runtime.messaging.PlainKafka;
import io.smallrye.common.annotation.Identifier;
import io.openta.model.events.DayCommand;
import io.openta.model.events.DayEvent;
import io.openta.model.events.Stage;
import io.openta.model.events.Topics;
import io.openta.model.events.Traffic;
import io.openta.runtime.messaging.Messages;
import io.openta.runtime.release.Lane;
import io.openta.runtime.task.TaskMessage;

/**
 * What the scheduler sends, each send awaited until the broker acknowledged it (acks=all, idempotent producer) and
 * retried: shard tasks on their stage's topic (a canary lane's on the stage's canary topic), each to the partition
 * of its shard (so N shards on N partitions run on
 * N partitions, not where the key's hash puts them); day events and day commands keyed by date.
 */
@ApplicationScoped
public class Outbound {
    private static final Logger LOG = Logger.getLogger(Outbound.class);
    private static final int ATTEMPTS = 4;

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json;
    private final Map<String, Integer> partitions = new ConcurrentHashMap<>();

    public Outbound(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @Identifier(PlainKafka.SHARED) Map<String, Object> kafka, ObjectMapper json) {
        Properties p = PlainKafka.producer(bootstrap, kafka, "openta-scheduler-");
        // a send that cannot complete fails within seconds: the next sweep sends it again
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        this.producer = new KafkaProducer<>(p);
        this.json = json;
    }

    /**
     * The partition of a shard task: its shard (per-file and per-distributor steps with more tasks than partitions
     * wrap around).
     */
    public int partitionOf(String topic, int shard) {
        return shard % partitions(topic);
    }

    public int partitions(String topic) {
        return partitions.computeIfAbsent(topic, t -> producer.partitionsFor(t).size());
    }

    /** Sends the tasks and waits until every one is acknowledged; throws when some could not be sent. */
    public void dispatch(List<TaskMessage> tasks) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (TaskMessage t : tasks) {
            Stage stage = Stage.byId(t.stage()).orElseThrow();
            // a canary lane's task goes to the stage's canary topic, which only canary-track processes read
            // a stress task goes to the stage's shadow topic, which only the functions' shadow consumers read
            String topic = t.traffic() == Traffic.SHADOW ? Topics.stageTasks(stage, Traffic.SHADOW)
                    : t.lane() == Lane.CANARY ? Topics.canaryTasks(stage) : Topics.stageTasks(stage);
            records.add(marked(new ProducerRecord<>(topic, partitionOf(topic, t.laneShard()),
                    Integer.toString(t.shard()), write(t)), t.traffic()));
        }
        sendAll(records);
    }

    public void publish(DayEvent event) {
        sendAll(List.of(marked(new ProducerRecord<>(Topics.DAY_EVENTS, event.date(), write(event)), event.traffic())));
    }

    public void command(DayCommand command) {
        sendAll(List.of(marked(new ProducerRecord<>(Topics.DAY_COMMANDS, command.date(), write(command)),
                command.traffic())));
    }

    /** Every message carries its traffic mark in a header as well as in its body (issue 12). */
    private static ProducerRecord<String, String> marked(ProducerRecord<String, String> record, Traffic traffic) {
        record.headers().add(Traffic.HEADER, Messages.header(traffic));
        return record;
    }

    private void sendAll(List<ProducerRecord<String, String>> records) {
        List<ProducerRecord<String, String>> pending = records;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (ProducerRecord<String, String> r : pending) {
                sent.add(producer.send(r));
            }
            List<ProducerRecord<String, String>> failed = new ArrayList<>();
            Exception cause = null;
            for (int i = 0; i < sent.size(); i++) {
                try {
                    sent.get(i).get(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while sending to Kafka", e);
                } catch (ExecutionException | TimeoutException e) {
                    failed.add(pending.get(i));
                    cause = e;
                }
            }
            if (failed.isEmpty()) {
                return;
            }
            if (attempt >= ATTEMPTS) {
                throw new IllegalStateException(failed.size() + " messages to " + failed.get(0).topic()
                        + " not acknowledged after " + attempt + " attempts: " + cause);
            }
            LOG.warnf("%d of %d messages not acknowledged (attempt %d), sending again: %s", failed.size(),
                    pending.size(), attempt, cause);
            pause(Duration.ofMillis(250L << attempt));
            pending = failed;
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
