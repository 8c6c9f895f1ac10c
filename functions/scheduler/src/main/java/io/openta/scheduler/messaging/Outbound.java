package io.openta.scheduler.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.openta.model.events.DayEvent;
import io.openta.model.events.Stage;
import io.openta.model.events.Topics;
import io.openta.runtime.messaging.Messages;
import io.openta.runtime.task.TaskMessage;

/** What the scheduler sends: shard tasks on each stage's topic (keyed by shard) and day events (keyed by date). */
@ApplicationScoped
public class Outbound {
    private final Emitter<String> tasks;
    private final Emitter<String> events;
    private final ObjectMapper json;

    public Outbound(@Channel("stage-tasks") Emitter<String> tasks, @Channel("day-events") Emitter<String> events,
            ObjectMapper json) {
        this.tasks = tasks;
        this.events = events;
        this.json = json;
    }

    public void dispatch(TaskMessage task) {
        String topic = Topics.stageTasks(Stage.byId(task.stage()).orElseThrow());
        tasks.send(Messages.to(topic, Integer.toString(task.shard()), write(task)));
    }

    public void publish(DayEvent event) {
        events.send(Messages.keyed(event.date(), write(event)));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
