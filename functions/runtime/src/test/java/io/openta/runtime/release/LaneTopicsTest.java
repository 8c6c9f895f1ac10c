package io.openta.runtime.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class LaneTopicsTest {
    @Test
    void aCanaryReadsOnlyTheCanaryLanes() {
        assertEquals("openta.clearing.tasks.canary,openta.profit.tasks.canary",
                topics(Map.of("openta.task-topics", "openta.clearing.tasks,openta.profit.tasks",
                        "openta.track", "canary")));
    }

    @Test
    void stableAndUnsetReadTheStageTopics() {
        assertEquals("openta.clearing.tasks", topics(Map.of("openta.task-topics", "openta.clearing.tasks",
                "openta.track", "stable")));
        assertEquals("openta.clearing.tasks", topics(Map.of("openta.task-topics", "openta.clearing.tasks")));
        assertEquals("openta.unassigned.tasks", topics(Map.of("openta.track", "canary")).replace(".canary", ""));
    }

    @Test
    void theCanaryHasAGroupOfItsOwn() {
        assertEquals("openta-clearing-canary", LaneTopics.groupFor("openta-clearing", "canary"));
        assertEquals("openta-clearing", LaneTopics.groupFor("openta-clearing", "stable"));
    }

    /** The tasks channel's topics as the runtime's configuration resolves them. */
    private static String topics(Map<String, String> props) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredInterceptors()
                .withSources(new PropertiesConfigSource(props, "test", 500))
                .withSources(new PropertiesConfigSource(Map.of("mp.messaging.incoming.tasks.topics",
                        "${openta.lane-task-topics}"), "defaults", 100))
                .build();
        return config.getValue("mp.messaging.incoming.tasks.topics", String.class);
    }
}
