package io.openta.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.openta.k8s.Manifests.find;
import static io.openta.k8s.Manifests.get;
import static io.openta.k8s.Manifests.ofKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduler's Rollout follower in the chart (releaseFollower, issue 10 item 3): off by default with no RBAC, no
 * API token and no follower settings; on, the scheduler alone may read Rollouts of its namespace (get/list/watch,
 * nothing else), mounts its token, reaches the API server through its NetworkPolicy, and gets the Rollout to follow.
 * Rendered with the real Helm engine over zone a's values; the new objects are validated by the Fabric8 strict model.
 */
class ReleaseFollowerChartTest {
    static final String RELEASE = "openta-a";
    static final String SCHEDULER = RELEASE + "-scheduler";

    static Map<String, Object> enabled() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("releaseFollower.enabled", true);
        s.put("releaseFollower.apiServer.cidr", "10.96.0.1/32");
        s.put("releaseFollower.apiServer.port", 6443);
        return s;
    }

    static List<JsonNode> render(Map<String, Object> sets) {
        return Manifests.parse(ChartRenderer.renderText(ChartRenderer.byName("zone-a"), sets));
    }

    static Map<String, String> configEnv(List<JsonNode> objects) {
        Map<String, String> env = new HashMap<>();
        get(objects, "ConfigMap", RELEASE + "-config").path("data").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    @Test
    void offByDefaultNothingReadsTheKubernetesApi() {
        List<JsonNode> objects = render(Map.of());
        assertTrue(ofKind(objects, "Role").isEmpty());
        assertTrue(ofKind(objects, "RoleBinding").isEmpty());
        assertFalse(configEnv(objects).containsKey("OPENTA_RELEASE_ROLLOUT_NAME"));
        for (JsonNode rollout : ofKind(objects, "Rollout")) {
            assertFalse(Manifests.podSpec(rollout).path("automountServiceAccountToken").asBoolean(true),
                    Manifests.id(rollout) + " mounts no API token");
        }
    }

    @Test
    void onTheSchedulerAloneReadsRolloutsOfItsNamespace() {
        List<JsonNode> objects = render(enabled());
        List<JsonNode> roles = ofKind(objects, "Role");
        assertEquals(1, roles.size());
        JsonNode role = roles.get(0);
        assertEquals("openta", role.path("metadata").path("namespace").asText());
        assertEquals(1, role.path("rules").size());
        JsonNode rule = role.path("rules").get(0);
        assertEquals("[\"argoproj.io\"]", rule.path("apiGroups").toString());
        assertEquals("[\"rollouts\"]", rule.path("resources").toString());
        assertEquals("[\"get\",\"list\",\"watch\"]", rule.path("verbs").toString());
        assertTrue(ofKind(objects, "ClusterRole").isEmpty());

        JsonNode binding = get(objects, "RoleBinding", role.path("metadata").path("name").asText());
        assertEquals(role.path("metadata").path("name").asText(), binding.path("roleRef").path("name").asText());
        assertEquals(1, binding.path("subjects").size());
        assertEquals(SCHEDULER, binding.path("subjects").get(0).path("name").asText());

        for (JsonNode rollout : ofKind(objects, "Rollout")) {
            boolean scheduler = Manifests.name(rollout).equals(SCHEDULER);
            assertEquals(scheduler, Manifests.podSpec(rollout).path("automountServiceAccountToken").asBoolean(),
                    Manifests.id(rollout) + ": only the scheduler mounts its API token");
        }
        assertTrue(get(objects, "ServiceAccount", SCHEDULER).path("automountServiceAccountToken").asBoolean());

        Map<String, String> env = configEnv(objects);
        assertEquals(RELEASE + "-clearing", env.get("OPENTA_RELEASE_ROLLOUT_NAME"));
        assertEquals("openta", env.get("OPENTA_RELEASE_ROLLOUT_NAMESPACE"));
        assertEquals("PT10S", env.get("OPENTA_RELEASE_ROLLOUT_CHECK_EVERY"));
        assertTrue(find(objects, "Rollout", env.get("OPENTA_RELEASE_ROLLOUT_NAME")).isPresent(),
                "the followed Rollout is one the chart renders");

        JsonNode egress = get(objects, "NetworkPolicy", SCHEDULER + "-api-server-egress");
        assertEquals("scheduler", egress.path("spec").path("podSelector").path("matchLabels")
                .path("app.kubernetes.io/component").asText());
        assertEquals("10.96.0.1/32", egress.path("spec").path("egress").get(0).path("to").get(0).path("ipBlock")
                .path("cidr").asText());
        assertEquals(6443, egress.path("spec").path("egress").get(0).path("ports").get(0).path("port").asInt());

        List<String> failures = new ArrayList<>();
        for (JsonNode o : List.of(role, binding, egress)) {
            try {
                StrictModel.validate(o);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void badSettingsAreRefusedWithOneLine() {
        Map<String, Object> noCidr = enabled();
        noCidr.remove("releaseFollower.apiServer.cidr");
        assertTrue(failure(noCidr).contains("releaseFollower.apiServer.cidr is required with networkPolicy.enabled"));
        Map<String, Object> unknown = enabled();
        unknown.put("releaseFollower.function", "nope");
        assertTrue(failure(unknown).contains("releaseFollower.function nope is not one of functions"));
    }

    static String failure(Map<String, Object> sets) {
        try {
            render(sets);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("must fail: " + sets);
    }
}
