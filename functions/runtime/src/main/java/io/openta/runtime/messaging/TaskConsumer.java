package io.openta.runtime.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.openta.model.events.Topics;
import io.openta.runtime.task.TaskMessage;
import io.openta.runtime.task.TaskResult;
import io.openta.runtime.task.TaskRunner;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Receives shard tasks from the stage's task topic (channel {@code tasks}), runs them on a worker pool and answers
 * on {@link Topics#TASK_RESULTS}. Several tasks run at once (unordered); each is idempotent. A result is sent and
 * awaited (the broker acknowledged it), retried a few times; should it still be lost, the task is DONE in the
 * database and the scheduler's sweep moves the step on without it. A task message that does not parse, or whose
 * {@code openta-traffic} header disagrees with its {@code traffic} field ({@link TrafficMarkCheck}), is parked.
 */
@ApplicationScoped
@IfBuildProperty(name = "openta.worker-enabled", stringValue = "true", enableIfMissing = true)
public class TaskConsumer {
    private static final Logger LOG = Logger.getLogger(TaskConsumer.class);
    private static final int SEND_ATTEMPTS = 5;

    private final TaskRunner runner;
    private final ObjectMapper json;
    private final MutinyEmitter<String> results;
    private final Parking parking;
    private final TrafficMarkCheck marks;

    public TaskConsumer(TaskRunner runner, ObjectMapper json, @Channel("task-results") MutinyEmitter<String> results,
            Parking parking, TrafficMarkCheck marks) {
        this.runner = runner;
        this.json = json;
        this.results = results;
        this.parking = parking;
        this.marks = marks;
    }

    @Incoming("tasks")
    @Blocking(value = "openta-tasks", ordered = false)
    public void onTask(ConsumerRecord<String, String> record) throws JsonProcessingException {
        String payload = record.value();
        TaskMessage task;
        try {
            task = json.readValue(payload, TaskMessage.class);
        } catch (JsonProcessingException e) {
            parking.park(record.topic(), record.partition(), record.offset(), payload, "does not parse as a task: "
                    + e.getOriginalMessage());
            return;
        }
        if (marks.refuses(record.topic(), record.partition(), record.offset(), payload, record.headers(),
                task.traffic())) {
            return;
        }
        LOG.debugf("received %s", task.describe());
        TaskResult result = runner.run(task);
        if (result != null) {
            send(task, json.writeValueAsString(result));
        }
    }

    private void send(TaskMessage task, String result) {
        for (int attempt = 1; attempt <= SEND_ATTEMPTS; attempt++) {
            try {
                results.sendMessageAndAwait(Messages.keyed(task.date(), result, task.traffic()));
                return;
            } catch (RuntimeException e) {
                LOG.warnf("sending the result of %s failed (attempt %d): %s", task.describe(), attempt,
                        e.getMessage());
                try {
                    Thread.sleep(Duration.ofMillis(200L << attempt).toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        LOG.errorf("the result of %s was not sent; the scheduler's sweep finds the task DONE", task.describe());
    }
}
