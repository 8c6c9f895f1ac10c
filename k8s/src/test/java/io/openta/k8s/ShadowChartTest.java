package io.openta.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The chart's stress-day switch (issue 12), rendered by the Helm engine: off by default (OPENTA_SHADOW_ENABLED
 * "false", one KEDA trigger per function); on, every function gets OPENTA_SHADOW_ENABLED "true" and each stage's
 * ScaledObject also scales on the lag of its shadow task topic in the shadow consumer group, the scheduler's does not.
 */
class ShadowChartTest {
    private static final String RELEASE = "openta-a";

    @Test
    void shadowIsOffByDefault() {
        List<JsonNode> objects = ZoneScalingTest.render(8, 80, "a", "a");
        assertEquals("false", Manifests.get(objects, "ConfigMap", RELEASE + "-config").path("data")
                .path("OPENTA_SHADOW_ENABLED").asText());
        for (String stage : OpenTa.STAGES) {
            assertEquals(1, scaledObject(objects, stage).path("spec").path("triggers").size(), stage);
        }
    }

    @Test
    void shadowOnAddsTheVariableAndAShadowLagTriggerPerStage() {
        List<JsonNode> objects = ZoneScalingTest.render(8, 80, "a", "a", Map.of("shadow.enabled", true));
        assertEquals("true", Manifests.get(objects, "ConfigMap", RELEASE + "-config").path("data")
                .path("OPENTA_SHADOW_ENABLED").asText());
        for (String stage : OpenTa.STAGES) {
            JsonNode triggers = scaledObject(objects, stage).path("spec").path("triggers");
            assertEquals(2, triggers.size(), stage);
            JsonNode production = triggers.get(0).path("metadata");
            JsonNode shadow = triggers.get(1).path("metadata");
            assertEquals(production.path("topic").asText() + ".shadow", shadow.path("topic").asText(), stage);
            assertEquals(production.path("consumerGroup").asText() + "-shadow", shadow.path("consumerGroup").asText(),
                    stage);
            assertEquals(production.path("lagThreshold"), shadow.path("lagThreshold"), stage);
        }
        assertEquals(1, scaledObject(objects, "scheduler").path("spec").path("triggers").size());
    }

    private static JsonNode scaledObject(List<JsonNode> objects, String fn) {
        return Manifests.get(objects, "ScaledObject", RELEASE + "-" + fn);
    }
}
