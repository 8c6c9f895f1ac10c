package io.openta.runtime.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.openta.model.events.Topics;
import io.openta.runtime.task.TaskMessage;
import io.openta.runtime.task.TaskResult;
import io.openta.runtime.task.TaskRunner;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Receives shard tasks from the stage's task topic (channel {@code tasks}), runs them on a worker pool and answers
 * on {@link Topics#TASK_RESULTS}. Several tasks run at once (unordered); each is idempotent.
 */
@ApplicationScoped
@IfBuildProperty(name = "openta.worker-enabled", stringValue = "true", enableIfMissing = true)
public class TaskConsumer {
    private static final Logger LOG = Logger.getLogger(TaskConsumer.class);

    private final TaskRunner runner;
    private final ObjectMapper json;
    private final Emitter<String> results;

    public TaskConsumer(TaskRunner runner, ObjectMapper json, @Channel("task-results") Emitter<String> results) {
        this.runner = runner;
        this.json = json;
        this.results = results;
    }

    @Incoming("tasks")
    @Blocking(value = "openta-tasks", ordered = false)
    public void onTask(String payload) throws JsonProcessingException {
        TaskMessage task;
        try {
            task = json.readValue(payload, TaskMessage.class);
        } catch (JsonProcessingException e) {
            LOG.errorf("dropping a task message that does not parse: %s", payload);
            return;
        }
        LOG.debugf("received %s", task.describe());
        TaskResult result = runner.run(task);
        if (result != null) {
            results.send(Messages.keyed(task.date(), json.writeValueAsString(result)));
        }
    }
}
