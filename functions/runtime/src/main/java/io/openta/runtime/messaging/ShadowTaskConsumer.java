package io.openta.runtime.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.openta.model.events.Topics;
import io.openta.model.events.Traffic;
import io.openta.runtime.config.OpenTaConfig;
import io.openta.runtime.config.Track;
import io.openta.runtime.db.shadow.ShadowConfig;
import io.openta.runtime.task.TaskMessage;
import io.openta.runtime.task.TaskResult;
import io.openta.runtime.task.TaskRunner;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Identifier;
import io.quarkus.runtime.StartupEvent;

/**
 * The stress (shadow) twin of {@link TaskConsumer} (issue 12): with {@code openta.shadow.enabled}, a stable-track
 * worker also reads the shadow twins of its stage task topics ({@link Topics#shadowOf}) in a consumer group of its
 * own ({@code <consumer group>-shadow}), runs each task through the same {@link TaskRunner} (a shadow task's
 * transaction sees the shadow schemas only, its files stage under the shadow folder) and answers on
 * {@link Topics#TASK_RESULTS_SHADOW}. A plain Kafka client, started only when shadow traffic is on, so a process
 * with it off has no shadow consumer at all. Records of a poll run side by side and their offsets are committed when
 * all are done: a crash runs them again, and a task delivered twice runs once (its row in the shadow
 * {@code sched.task}). A record that does not parse, is not marked shadow, or whose header disagrees with its field
 * ({@link TrafficMarkCheck}), is parked and never run.
 */
@ApplicationScoped
@IfBuildProperty(name = "openta.worker-enabled", stringValue = "true", enableIfMissing = true)
public class ShadowTaskConsumer {
    private static final Logger LOG = Logger.getLogger(ShadowTaskConsumer.class);
    private static final String GROUP_SUFFIX = "-shadow";
    private static final int SEND_ATTEMPTS = 5;

    private final TaskRunner runner;
    private final ObjectMapper json;
    private final Parking parking;
    private final TrafficMarkCheck marks;
    private final OpenTaConfig config;
    private final boolean enabled;
    private final String bootstrap;
    /** The shared Kafka settings (security protocol, SASL, TLS) the channels get too. */
    private final Map<String, Object> kafka;
    private final int concurrency;
    private volatile boolean running = true;
    private Thread thread;
    private ExecutorService workers;
    private KafkaProducer<String, String> results;

    public ShadowTaskConsumer(TaskRunner runner, ObjectMapper json, Parking parking, TrafficMarkCheck marks,
            OpenTaConfig config,
            ShadowConfig shadow, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @Identifier(PlainKafka.SHARED) Map<String, Object> kafka,
            @ConfigProperty(name = "smallrye.messaging.worker.openta-tasks.max-concurrency", defaultValue = "3")
            int concurrency) {
        this.runner = runner;
        this.json = json;
        this.parking = parking;
        this.marks = marks;
        this.config = config;
        this.enabled = shadow.enabled();
        this.bootstrap = bootstrap;
        this.kafka = kafka;
        this.concurrency = Math.max(1, concurrency);
    }

    /** The shadow topics a worker of these stage task topics (comma-separated) reads. */
    public static List<String> topics(String stageTaskTopics) {
        return Arrays.stream(stageTaskTopics.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .map(Topics::shadowOf).toList();
    }

    void onStart(@Observes StartupEvent event) {
        // the canary track takes no shadow work: a stress day measures the stable release
        if (!enabled || config.migrateOnly() || Track.parse(config.track()) == Track.CANARY) {
            return;
        }
        workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "openta-shadow-task");
            t.setDaemon(true);
            return t;
        });
        results = new KafkaProducer<>(producerProps());
        thread = new Thread(this::loop, "openta-shadow-tasks");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        List<String> topics = topics(config.taskTopics());
        LOG.infof("shadow traffic on: reading stress tasks from %s", topics);
        while (running) {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
                consumer.subscribe(topics);
                while (running) {
                    List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                    consumer.poll(Duration.ofMillis(100)).forEach(batch::add);
                    if (batch.isEmpty()) {
                        continue;
                    }
                    List<Future<?>> runs = new ArrayList<>();
                    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                    for (ConsumerRecord<String, String> r : batch) {
                        runs.add(workers.submit(() -> handle(r)));
                        done.merge(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1),
                                (a, b) -> a.offset() >= b.offset() ? a : b);
                    }
                    for (Future<?> f : runs) {
                        f.get();
                    }
                    consumer.commitSync(done);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.errorf(e, "reading stress tasks failed; starting over");
                    sleep(1000);
                }
            }
        }
    }

    private void handle(ConsumerRecord<String, String> r) {
        TaskMessage task;
        try {
            task = json.readValue(r.value(), TaskMessage.class);
        } catch (JsonProcessingException e) {
            parking.park(r.topic(), r.partition(), r.offset(), r.value(), "does not parse as a task: "
                    + e.getOriginalMessage());
            return;
        }
        if (task.traffic() != Traffic.SHADOW) {
            // a shadow topic carries stress tasks only: anything else is not run here, on either side's tables
            parking.park(r.topic(), r.partition(), r.offset(), r.value(), "a " + task.traffic()
                    + " task on the shadow topic " + r.topic() + ": not run");
            return;
        }
        if (marks.refuses(r.topic(), r.partition(), r.offset(), r.value(), r.headers(), task.traffic())) {
            return;
        }
        TaskResult result = runner.run(task);
        if (result != null) {
            send(task, result);
        }
    }

    private void send(TaskMessage task, TaskResult result) {
        ProducerRecord<String, String> record;
        try {
            record = new ProducerRecord<>(Topics.TASK_RESULTS_SHADOW, task.date(), json.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        record.headers().add(Traffic.HEADER, Messages.header(Traffic.SHADOW));
        for (int attempt = 1; attempt <= SEND_ATTEMPTS; attempt++) {
            try {
                results.send(record).get(30, TimeUnit.SECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("sending the result of %s failed (attempt %d): %s", task.describe(), attempt,
                        e.getMessage());
                sleep(200L << attempt);
            }
        }
        LOG.errorf("the result of %s was not sent; the scheduler's sweep finds the task DONE", task.describe());
    }

    private Properties consumerProps() {
        Properties p = PlainKafka.consumer(bootstrap, kafka, config.consumerGroup() + GROUP_SUFFIX,
                "openta-shadow-tasks-");
        // a shard task of a big stress day may run for minutes between two polls
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "1800000");
        return p;
    }

    private Properties producerProps() {
        return PlainKafka.producer(bootstrap, kafka, "openta-shadow-results-");
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
        if (workers != null) {
            workers.shutdownNow();
        }
        if (results != null) {
            results.close(Duration.ofSeconds(5));
        }
    }
}
