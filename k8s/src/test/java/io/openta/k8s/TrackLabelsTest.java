package io.openta.k8s;

import static io.openta.k8s.Manifests.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every function's pods know their track and version: the Rollout labels its stable and canary pods
 * {@code openta.io/track} (stableMetadata / canaryMetadata), OPENTA_TRACK reads that label through the downward API,
 * and OPENTA_VERSION is the image tag the pod runs.
 */
class TrackLabelsTest {

    static List<ChartRenderer.Combination> combinations() {
        return ChartRenderer.combinations();
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e;
            }
        }
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void podsReadTheirTrackFromTheRolloutLabelAndTheirVersionFromTheImage(ChartRenderer.Combination c) {
        List<JsonNode> objects = ChartRenderer.rendered(c);
        for (String f : OpenTa.FUNCTIONS) {
            JsonNode rollout = get(objects, "Rollout", c.release() + "-" + f);
            JsonNode canary = rollout.path("spec").path("strategy").path("canary");
            assertEquals("stable", canary.path("stableMetadata").path("labels").path("openta.io/track").asText(), f);
            assertEquals("canary", canary.path("canaryMetadata").path("labels").path("openta.io/track").asText(), f);
            JsonNode container = rollout.path("spec").path("template").path("spec").path("containers").get(0);
            JsonNode track = env(container, "OPENTA_TRACK");
            assertEquals("metadata.labels['openta.io/track']",
                    track == null ? null : track.path("valueFrom").path("fieldRef").path("fieldPath").asText(), f);
            JsonNode version = env(container, "OPENTA_VERSION");
            String image = container.path("image").asText();
            assertFalse(version == null || version.path("value").asText().isEmpty(), f + ": OPENTA_VERSION set");
            assertEquals(image.substring(image.lastIndexOf(':') + 1), version.path("value").asText(),
                    f + ": the version is the image tag");
        }
    }
}
