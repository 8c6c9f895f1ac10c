package io.openta.scheduler.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.openta.runtime.messaging.PlainKafka;
import io.smallrye.common.annotation.Identifier;
import io.openta.model.events.DayCommand;
import io.openta.model.events.Topics;
import io.openta.model.events.Traffic;
import io.openta.runtime.config.OpenTaConfig;
import io.openta.runtime.db.shadow.ShadowConfig;
import io.openta.runtime.messaging.Parking;
import io.openta.runtime.messaging.TrafficMarkCheck;
import io.openta.runtime.task.TaskResult;
import io.openta.scheduler.arrivals.ArrivalStarter;
import io.openta.scheduler.arrivals.ArrivalsConfig;
import io.openta.scheduler.service.DayScheduler;
import io.openta.scheduler.service.Leadership;
import io.openta.scheduler.service.NotLeaderException;
import io.quarkus.runtime.StartupEvent;

/**
 * Day commands and shard-task results (and, with {@code openta.arrivals.enabled}, the access app's arrival events
 * for {@link ArrivalStarter}), consumed by the leader only. While this process leads, one thread reads every
 * partition of both topics (assigned, not subscribed: no group rebalance stands between a takeover and the first
 * record) from the offsets committed under group {@code openta-scheduler}, hands each record to the
 * {@link DayScheduler} and commits after it was handled. Handling is idempotent, so a record handled by a leader that
 * died before committing is simply handled again. A record that does not parse, or fails three times, is parked; so
 * is a command or result whose {@code openta-traffic} header disagrees with its {@code traffic} field
 * ({@link TrafficMarkCheck}), never handled.
 * When the fence refuses a write the thread stops reading until this process leads again.
 */
@ApplicationScoped
public class LeaderInbox {
    private static final Logger LOG = Logger.getLogger(LeaderInbox.class);
    private static final int ATTEMPTS = 3;
    private static final String GROUP = "openta-scheduler";

    private final DayScheduler scheduler;
    private final Leadership leadership;
    private final ObjectMapper json;
    private final Parking parking;
    private final TrafficMarkCheck marks;
    private final String bootstrap;
    /** The shared Kafka settings (security protocol, SASL, TLS) the channels get too. */
    private final Map<String, Object> kafka;
    private final OpenTaConfig config;
    private final ArrivalStarter arrivals;
    private final List<String> topics;
    private volatile boolean running = true;
    private Thread thread;

    public LeaderInbox(DayScheduler scheduler, Leadership leadership, ObjectMapper json, Parking parking,
            TrafficMarkCheck marks, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @Identifier(PlainKafka.SHARED) Map<String, Object> kafka, OpenTaConfig config,
            ArrivalStarter arrivals, ArrivalsConfig arrivalsConfig, ShadowConfig shadow) {
        this.arrivals = arrivals;
        List<String> read = new ArrayList<>(List.of(Topics.DAY_COMMANDS, Topics.TASK_RESULTS));
        if (arrivalsConfig.enabled()) {
            // the arrivals topic only where days start on arrival: the same fenced, committed path as the commands
            read.add(Topics.FILE_ARRIVALS);
        }
        if (shadow.enabled()) {
            // stress tasks answer on a results topic of their own (issue 12); the result's mark picks the day set
            read.add(Topics.TASK_RESULTS_SHADOW);
        }
        this.topics = List.copyOf(read);
        this.scheduler = scheduler;
        this.leadership = leadership;
        this.json = json;
        this.parking = parking;
        this.marks = marks;
        this.bootstrap = bootstrap;
        this.kafka = kafka;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.migrateOnly()) {
            return;
        }
        thread = new Thread(this::loop, "openta-leader-inbox");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            if (!leadership.isLeader()) {
                sleep(200);
                continue;
            }
            long epoch = leadership.epoch();
            LOG.infof("leader (epoch %d): reading day commands and task results", epoch);
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props())) {
                List<TopicPartition> all = new ArrayList<>();
                for (String topic : topics) {
                    consumer.partitionsFor(topic, Duration.ofSeconds(30))
                            .forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
                }
                consumer.assign(all);
                while (running && leadership.isLeader() && leadership.epoch() == epoch) {
                    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                        handle(r);
                        done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                    }
                    if (!done.isEmpty()) {
                        consumer.commitSync(done);
                    }
                }
            } catch (NotLeaderException e) {
                LOG.infof("no longer the leader: %s", e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(e, "reading day commands and results failed; starting over");
                sleep(1000);
            }
        }
    }

    /** Handles one record; a NotLeaderException passes through (nothing was committed, the record stays). */
    private void handle(ConsumerRecord<String, String> r) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (Topics.DAY_COMMANDS.equals(r.topic())) {
                    DayCommand command = json.readValue(r.value(), DayCommand.class);
                    if (!refused(r, command.traffic())) {
                        scheduler.onCommand(command);
                    }
                } else if (Topics.FILE_ARRIVALS.equals(r.topic())) {
                    arrivals.onEvent(r.value());
                } else {
                    TaskResult result = json.readValue(r.value(), TaskResult.class);
                    if (!refused(r, result.traffic())) {
                        scheduler.onResult(result);
                    }
                }
                return;
            } catch (NotLeaderException e) {
                throw e;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                parking.park(r.topic(), r.partition(), r.offset(), r.value(), "does not parse: "
                        + e.getOriginalMessage());
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    parking.park(r.topic(), r.partition(), r.offset(), r.value(), "failed " + attempt + " times: " + e);
                    return;
                }
                LOG.warnf("handling a record of %s failed (attempt %d): %s", r.topic(), attempt, e);
                sleep(200L * attempt);
            }
        }
    }

    /** True (and parked) when the record's header and field marks disagree. */
    private boolean refused(ConsumerRecord<String, String> r, Traffic field) {
        return marks.refuses(r.topic(), r.partition(), r.offset(), r.value(), r.headers(), field);
    }

    private Properties props() {
        return PlainKafka.consumer(bootstrap, kafka, GROUP, "openta-scheduler-inbox-");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
