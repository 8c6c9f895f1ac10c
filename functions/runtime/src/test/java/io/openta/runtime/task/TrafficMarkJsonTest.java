package io.openta.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import io.openta.model.events.DayCommand;
import io.openta.model.events.DayEvent;
import io.openta.model.events.Traffic;

/** The traffic mark in the JSON of commands, tasks, results and events: absent is production; it round-trips. */
class TrafficMarkJsonTest {
    /** As the apps' mapper (Quarkus does not fail on unknown properties); the records need nothing more. */
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void messagesWrittenBeforeTheMarkReadAsProduction() throws Exception {
        DayCommand cmd = json.readValue("""
                {"type":"START","date":"20240102","inbox":"/in","outbox":"/out","requestId":"r1"}""",
                DayCommand.class);
        assertEquals(new DayCommand("START", "20240102", "/in", "/out", "r1", Traffic.PRODUCTION), cmd);
        TaskMessage task = json.readValue("""
                {"date":"20240102","stage":"clearing","step":"apply","shard":1,"shards":4,"attempt":2}""",
                TaskMessage.class);
        assertEquals(Traffic.PRODUCTION, task.traffic());
        TaskResult result = json.readValue("""
                {"date":"20240102","stage":"clearing","step":"apply","shard":1,"attempt":2,"status":"DONE",
                 "records":7,"error":null,"dayFailure":false}""", TaskResult.class);
        assertEquals(Traffic.PRODUCTION, result.traffic());
        DayEvent event = json.readValue("""
                {"type":"DAY_COMPLETED","date":"20240102","stage":"","records":3,"shards":0,"millis":5,
                 "message":"ok","requestId":"r1","traffic":null}""", DayEvent.class);
        assertEquals(Traffic.PRODUCTION, event.traffic());
    }

    @Test
    void theShadowMarkRoundTrips() throws Exception {
        TaskMessage task = new TaskMessage("20240102", "clearing", "apply", 1, 4, 1, Traffic.SHADOW);
        String text = json.writeValueAsString(task);
        assertTrue(text.contains("\"traffic\":\"SHADOW\""), text);
        assertEquals(task, json.readValue(text, TaskMessage.class));

        TaskResult done = TaskResult.done(task, 9);
        assertEquals(Traffic.SHADOW, done.traffic());
        assertEquals(done, json.readValue(json.writeValueAsString(done), TaskResult.class));
        assertEquals(Traffic.SHADOW, TaskResult.failed(task, "boom", false).traffic());

        DayCommand cmd = new DayCommand(DayCommand.START, "20240102", "/in", "/out", "r1", Traffic.SHADOW);
        assertEquals(cmd, json.readValue(json.writeValueAsString(cmd), DayCommand.class));
        DayEvent event = new DayEvent(DayEvent.STAGE_COMPLETED, "20240102", "clearing", 5, 4, 20, "ok", "r1",
                Traffic.SHADOW);
        assertEquals(event, json.readValue(json.writeValueAsString(event), DayEvent.class));
    }

    @Test
    void anUnknownMarkDoesNotParse() {
        // fail closed: a task whose mark is unreadable is not taken for production (the consumer parks it)
        assertThrows(InvalidFormatException.class, () -> json.readValue("""
                {"date":"20240102","stage":"clearing","step":"apply","shard":1,"shards":4,"attempt":1,
                 "traffic":"STRESS"}""", TaskMessage.class));
    }

    @Test
    void aShadowTaskSaysSoInTheLog() {
        assertTrue(new TaskMessage("20240102", "clearing", "apply", 0, 1, 1, Traffic.SHADOW).describe()
                .endsWith("(shadow)"));
        assertEquals("20240102/clearing/apply#0/1 attempt 1",
                new TaskMessage("20240102", "clearing", "apply", 0, 1, 1).describe());
    }
}
