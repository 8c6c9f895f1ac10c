package io.openta.scheduler.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.openta.model.events.DayCommand;
import io.openta.runtime.task.TaskResult;
import io.openta.scheduler.service.DayScheduler;
import io.smallrye.common.annotation.Blocking;

/** Day commands and shard-task results, in; both go to the {@link DayScheduler}, one at a time. */
@ApplicationScoped
public class Inbound {
    private static final Logger LOG = Logger.getLogger(Inbound.class);

    private final DayScheduler scheduler;
    private final ObjectMapper json;

    public Inbound(DayScheduler scheduler, ObjectMapper json) {
        this.scheduler = scheduler;
        this.json = json;
    }

    @Incoming("day-commands")
    @Blocking
    public void onCommand(String payload) {
        DayCommand command = read(payload, DayCommand.class);
        if (command != null) {
            scheduler.onCommand(command);
        }
    }

    @Incoming("results-in")
    @Blocking
    public void onResult(String payload) {
        TaskResult result = read(payload, TaskResult.class);
        if (result != null) {
            scheduler.onResult(result);
        }
    }

    private <T> T read(String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            LOG.errorf("dropping a %s that does not parse: %s", type.getSimpleName(), payload);
            return null;
        }
    }
}
