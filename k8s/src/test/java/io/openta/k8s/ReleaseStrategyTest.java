package io.openta.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.openta.k8s.Manifests.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canary steps walk beta -> group -> gray -> full with a pause and an analysis in every phase. */
class ReleaseStrategyTest {

    static List<ChartRenderer.Combination> combinations() {
        return ChartRenderer.combinations();
    }

    private static String arg(JsonNode analysis, String name) {
        for (JsonNode a : analysis.path("args")) {
            if (name.equals(a.path("name").asText())) {
                return a.path("value").asText();
            }
        }
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void canaryStepsAreBetaGroupGrayFullWithPausesAndAnalysis(ChartRenderer.Combination c) {
        List<JsonNode> objects = ChartRenderer.rendered(c);
        JsonNode segments = get(objects, "ConfigMap", c.release() + "-release-segments").path("data");
        List<String> segmentSteps = List.of(segments.path("steps").asText().split(","));
        for (String f : OpenTa.FUNCTIONS) {
            JsonNode rollout = get(objects, "Rollout", c.release() + "-" + f);
            JsonNode canary = rollout.path("spec").path("strategy").path("canary");
            assertTrue(canary.path("trafficRouting").isMissingNode(), "basic canary: no traffic routing");
            JsonNode steps = canary.path("steps");
            List<String> phases = new ArrayList<>();
            List<String> segmentsOfSteps = new ArrayList<>();
            int lastWeight = 0;
            for (int i = 0; i < steps.size(); i += 3) {
                JsonNode w = steps.get(i);
                JsonNode p = steps.get(i + 1);
                JsonNode a = steps.get(i + 2);
                assertTrue(w.has("setWeight"), f + " step " + i + " sets the weight: " + w);
                assertTrue(p.has("pause"), f + " step " + (i + 1) + " pauses: " + p);
                assertTrue(a.has("analysis"), f + " step " + (i + 2) + " analyses: " + a);
                int weight = w.path("setWeight").asInt();
                assertTrue(weight >= lastWeight, f + ": weights never decrease");
                lastWeight = weight;
                JsonNode analysis = a.path("analysis");
                assertEquals(f, arg(analysis, "stage"));
                assertEquals(c.namespace(), arg(analysis, "namespace"));
                phases.add(arg(analysis, "phase"));
                segmentsOfSteps.add(arg(analysis, "segment"));
                Set<String> templates = new LinkedHashSet<>();
                analysis.path("templates").forEach(t -> templates.add(t.path("templateName").asText()));
                assertEquals(Set.of(c.release() + "-task-failure-rate", c.release() + "-verify-mismatches"), templates);
                for (String t : templates) {
                    JsonNode template = get(objects, "AnalysisTemplate", t);
                    Set<String> declared = new LinkedHashSet<>();
                    template.path("spec").path("args").forEach(d -> declared.add(d.path("name").asText()));
                    analysis.path("args").forEach(x -> assertTrue(declared.contains(x.path("name").asText()),
                            t + " declares arg " + x.path("name").asText()));
                }
            }
            assertEquals(100, lastWeight, f + " ends at 100%");
            assertEquals(OpenTa.PHASES, List.copyOf(new LinkedHashSet<>(phases)), f + " phases in order: " + phases);
            assertEquals(phases.size(), steps.size() / 3);
            assertEquals(segmentSteps, segmentsOfSteps, f + ": the published segments are the steps of the Rollout");
        }
        // gray: growing percentages of the account buckets, published as data
        List<Integer> gray = new ArrayList<>();
        for (String s : segmentSteps) {
            JsonNode step = parse(segments.path("step." + s).asText());
            if ("gray".equals(step.path("phase").asText())) {
                gray.add(step.path("bucketPercent").asInt());
            }
        }
        assertEquals(List.of(5, 20, 50), gray);
        JsonNode beta = parse(segments.path("step.beta").asText());
        assertEquals("internal-test", beta.path("accountGroups").get(0).asText(), "beta serves internal test accounts only");
        assertEquals(1, beta.path("accountGroups").size());
        JsonNode group = parse(segments.path("step.group").asText());
        assertTrue(group.path("accountGroups").toString().contains("pilot-distributors"));
        assertEquals(100, parse(segments.path("step.full").asText()).path("bucketPercent").asInt());
        JsonNode doc = parse(segments.path("segments.json").asText());
        assertEquals(segmentSteps.size(), doc.path("steps").size());
        // the scheduler's Segments refuses a step naming a group the file does not define: every one is defined
        for (JsonNode step : doc.path("steps")) {
            for (JsonNode g : step.path("accountGroups")) {
                assertTrue(doc.path("accountGroups").has(g.asText()), "step " + step.path("step").asText()
                        + " names account group " + g.asText() + ", defined in segments.json: " + doc.path("accountGroups"));
            }
        }
    }

    @Test
    void membersOfTheAccountGroupsArePublishedAndAnUndefinedGroupIsRefused() throws java.io.IOException {
        java.nio.file.Path f = java.nio.file.Files.createTempFile(Repo.target(), "groups", ".yaml");
        java.nio.file.Files.writeString(f, "strategy:\n  segments:\n    accountGroups:\n"
                + "      internal-test: {accounts: ['100000000001']}\n"
                + "      pilot-distributors: {distributors: [B02]}\n");
        List<JsonNode> objects = Manifests.parse(ChartRenderer.template("openta-a", "openta").withValuesFile(f).call());
        JsonNode doc = parse(get(objects, "ConfigMap", "openta-a-release-segments").path("data")
                .path("segments.json").asText());
        assertEquals("100000000001", doc.path("accountGroups").path("internal-test").path("accounts").get(0).asText());
        assertEquals("B02", doc.path("accountGroups").path("pilot-distributors").path("distributors").get(0).asText());

        java.nio.file.Path undefined = java.nio.file.Files.createTempFile(Repo.target(), "groups", ".yaml");
        java.nio.file.Files.writeString(undefined, "strategy:\n  phases:\n    group:\n"
                + "      accountGroups: [pilot-banks]\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChartRenderer.template("openta-a", "openta").withValuesFile(undefined).call());
        assertTrue(e.getMessage().contains("account group pilot-banks, named by phase step group, has no members"),
                e.getMessage());
    }

    @Test
    void environmentsTuneThePauses() {
        Map<String, JsonNode> beta = new HashMap<>();
        for (String env : List.of("staging", "prod")) {
            List<JsonNode> objects = ChartRenderer.rendered(ChartRenderer.byName(env + "-zone-a"));
            beta.put(env, get(objects, "Rollout", "openta-a-clearing").path("spec").path("strategy").path("canary").path("steps").get(1));
        }
        assertEquals("2m", beta.get("staging").path("pause").path("duration").asText());
        assertTrue(beta.get("prod").path("pause").isObject() && beta.get("prod").path("pause").isEmpty(),
                "prod waits for a person after beta: " + beta.get("prod"));
    }

    @Test
    void podTemplateHashFilterAddsTheCanaryHashArg() {
        String yaml = ChartRenderer.renderText(ChartRenderer.byName("zone-a"), Map.of("strategy.analysis.byPodTemplateHash", true));
        List<JsonNode> objects = Manifests.parse(yaml);
        JsonNode analysis = get(objects, "Rollout", "openta-a-clearing").path("spec").path("strategy").path("canary").path("steps").get(2).path("analysis");
        assertTrue(analysis.toString().contains("\"podTemplateHashValue\":\"Latest\""), analysis.toString());
        assertTrue(get(objects, "AnalysisTemplate", "openta-a-task-failure-rate").toString().contains("rollouts_pod_template_hash"));
        ManifestValidationTest.schemas().validate(get(objects, "Rollout", "openta-a-clearing"));
        ManifestValidationTest.schemas().validate(get(objects, "AnalysisTemplate", "openta-a-task-failure-rate"));
    }

    @Test
    void aGrayStepThatLowersTheWeightIsRejected() throws java.io.IOException {
        java.nio.file.Path f = java.nio.file.Files.createTempFile(Repo.target(), "bad-strategy", ".yaml");
        java.nio.file.Files.writeString(f, "strategy:\n  phases:\n    gray:\n      steps:\n"
                + "        - {percent: 5, canaryWeight: 40}\n        - {percent: 20, canaryWeight: 30}\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChartRenderer.template("openta-a", "openta").withValuesFile(f).call());
        assertTrue(e.getMessage().contains("lowers the canary weight"), e.getMessage());
    }

    private static JsonNode parse(String json) {
        try {
            return Manifests.YAML.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
