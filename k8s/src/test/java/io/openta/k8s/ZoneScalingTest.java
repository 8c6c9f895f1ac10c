package io.openta.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
 * The KEDA numbers of each zone follow from the partition count and the zone share (issue 9, item 2): a stage's
 * ScaledObject allows 0 .. (partitions the zone owns) pods, with a lag threshold that reaches that bound when every
 * partition has a task; the scheduler is 1 .. 1 whatever the values. Each case renders the chart with the real
 * Helm engine and reads the numbers from the rendered ScaledObjects, so a change in _helpers.tpl that breaks the
 * arithmetic fails here.
 */
class ZoneScalingTest {

    /** Renders one release (zone) with the given split; returns the objects. */
    static List<JsonNode> render(int partitions, int share, String primary, String zone, Map<String, Object> extra) {
        Map<String, Object> sets = new LinkedHashMap<>();
        sets.put("openta.shards", partitions);
        sets.put("kafka.partitions", partitions);
        sets.put("zones.primaryShare", share);
        sets.put("zones.primary", primary);
        sets.putAll(extra);
        ChartRenderer.Combination c = ChartRenderer.byName("zone-" + zone);
        return Manifests.parse(ChartRenderer.renderText(c, sets));
    }

    static List<JsonNode> render(int partitions, int share, String primary, String zone) {
        return render(partitions, share, primary, zone, Map.of());
    }

    private static String release(String zone) {
        return "openta-" + zone;
    }

    private static Map<String, String> env(List<JsonNode> objects, String zone) {
        Map<String, String> env = new HashMap<>();
        get(objects, "ConfigMap", release(zone) + "-config").path("data").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    /** Asserts every stage of one zone has the given bounds and threshold, and the scheduler 1..1. */
    private static void assertStages(List<JsonNode> objects, String zone, int max, int lagThreshold) {
        for (String s : OpenTa.STAGES) {
            JsonNode so = get(objects, "ScaledObject", release(zone) + "-" + s).path("spec");
            assertEquals(0, so.path("minReplicaCount").asInt(-1), zone + " " + s + ": stages scale to zero");
            assertEquals(max, so.path("maxReplicaCount").asInt(-1), zone + " " + s + ": one pod per owned partition at most");
            JsonNode md = so.path("triggers").get(0).path("metadata");
            assertEquals(String.valueOf(lagThreshold), md.path("lagThreshold").asText(), zone + " " + s + " lagThreshold");
            assertEquals("0", md.path("activationLagThreshold").asText(), zone + " " + s + ": any waiting task wakes it");
            assertEquals("false", md.path("allowIdleConsumers").asText());
            assertTrue(get(objects, "Rollout", release(zone) + "-" + s).path("spec").path("replicas").isMissingNode(),
                    zone + " " + s + ": KEDA owns the replica count");
        }
        assertScheduler(objects, zone);
    }

    private static void assertScheduler(List<JsonNode> objects, String zone) {
        JsonNode so = get(objects, "ScaledObject", release(zone) + "-scheduler").path("spec");
        assertEquals(1, so.path("minReplicaCount").asInt(-1), zone + ": the scheduler never scales to zero");
        assertEquals(1, so.path("maxReplicaCount").asInt(-1), zone + ": one scheduler per zone");
    }

    /** Every rendered ScaledObject matches the KEDA CRD schema in ../shared/schemas/keda. */
    private static void assertKedaSchema(List<JsonNode> objects) {
        CrdSchemas crds = ManifestValidationTest.schemas();
        List<JsonNode> sos = ofKind(objects, "ScaledObject");
        assertFalse(sos.isEmpty());
        for (JsonNode so : sos) {
            crds.validate(so);
        }
    }

    @ParameterizedTest(name = "{0} partitions, primary {2} with {1} %: zone a max {3} lag/replica {4}, zone b max {5} lag/replica {6}")
    @CsvSource({
            // partitions, share, primary, a max, a lagThreshold, b max, b lagThreshold
            "8,  80, a, 6,  1, 2, 4",   // the defaults: round(6.4) = 6, the rest 2
            "16, 75, a, 12, 1, 4, 4",
            "8,  50, a, 4,  2, 4, 2",
            "5,  50, a, 3,  1, 2, 2",   // 2.5 rounds half up to 3
            "10, 25, a, 3,  3, 7, 1",   // 2.5 -> 3 for the primary, even when it is the smaller share
            "8,  80, b, 2,  4, 6, 1",   // zone b primary: the numbers swap
            "12, 90, a, 11, 1, 1, 12",  // round(10.8) = 11; the secondary's only pod waits for the whole topic's lag
            "1,  80, a, 1,  1, 0, 0",   // one partition: round(0.8) = 1 to the primary; b runs only its scheduler
    })
    void boundsAndThresholdFollowFromPartitionsAndShare(int partitions, int share, String primary,
            int aMax, int aThreshold, int bMax, int bThreshold) {
        List<JsonNode> za = render(partitions, share, primary, "a");
        List<JsonNode> zb = render(partitions, share, primary, "b");
        assertEquals(partitions, aMax + bMax, "the zones split the partitions exactly");
        assertStages(za, "a", aMax, aThreshold);
        assertKedaSchema(za);
        if (bMax > 0) {
            assertStages(zb, "b", bMax, bThreshold);
        } else {
            assertScheduler(zb, "b");
        }
        assertKedaSchema(zb);
        for (String z : List.of("a", "b")) {
            Map<String, String> env = env("a".equals(z) ? za : zb, z);
            assertEquals(z, env.get("OPENTA_ZONE"));
            assertEquals(primary, env.get("OPENTA_ZONES_PRIMARY"));
            assertEquals(String.valueOf(share), env.get("OPENTA_ZONES_PRIMARY_SHARE"));
            assertEquals(String.valueOf(partitions), env.get("OPENTA_SHARDS"));
        }
        String roleA = get(za, "Rollout", "openta-a-clearing").path("metadata").path("labels").path("openta.io/zone-role").asText();
        String roleB = get(zb, "Rollout", "openta-b-clearing").path("metadata").path("labels").path("openta.io/zone-role").asText();
        assertEquals("a".equals(primary) ? List.of("primary", "secondary") : List.of("secondary", "primary"), List.of(roleA, roleB));
    }

    /**
     * Over many partition counts and shares: the two zones' maxima add up to the partitions, the primary's is
     * round-half-up(partitions * share / 100), and a full topic (one task per partition: lag = partitions) makes
     * KEDA's ceil(lag / lagThreshold) reach each zone's maximum, so the bound is reachable, not decorative.
     */
    @Test
    void everyZoneCanReachItsBoundWithAFullTopic() {
        List<String> failures = new ArrayList<>();
        for (int p : new int[] {1, 2, 3, 7, 8, 13, 24, 32}) {
            for (int share : new int[] {0, 1, 33, 50, 67, 99, 100}) {
                int primaryOwns = (int) Math.round(p * share / 100.0);
                int total = 0;
                for (String z : List.of("a", "b")) {
                    List<JsonNode> objects = render(p, share, "a", z);
                    int owns = "a".equals(z) ? primaryOwns : p - primaryOwns;
                    var so = find(objects, "ScaledObject", release(z) + "-clearing");
                    if (owns == 0) {
                        if (so.isPresent()) {
                            failures.add(p + "/" + share + " zone " + z + ": owns no partition but has a ScaledObject");
                        }
                        continue;
                    }
                    if (so.isEmpty()) {
                        failures.add(p + "/" + share + " zone " + z + ": owns " + owns + " partitions but has no ScaledObject");
                        continue;
                    }
                    int max = so.get().path("spec").path("maxReplicaCount").asInt();
                    int threshold = Integer.parseInt(so.get().path("spec").path("triggers").get(0).path("metadata").path("lagThreshold").asText());
                    total += max;
                    if (max != owns) {
                        failures.add(p + "/" + share + " zone " + z + ": max " + max + ", owns " + owns);
                    }
                    int atFullLag = (p + threshold - 1) / threshold;
                    if (atFullLag < max) {
                        failures.add(p + "/" + share + " zone " + z + ": lag " + p + " / threshold " + threshold + " gives "
                                + atFullLag + " pods, below max " + max);
                    }
                }
                if (total != p) {
                    failures.add(p + "/" + share + ": maxima add up to " + total);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * Share 100: the secondary owns no partition while the primary is up. Its stages get no ScaledObject and
     * spec.replicas 0 (a maxReplicaCount of 0 is not a valid HPA), its scheduler still runs (1..1), and the health
     * test treats its stages as sleeping. Share 0 is the mirror image for the primary.
     */
    @ParameterizedTest(name = "share {0}: zone {1} owns nothing")
    @CsvSource({"100, b, a", "0, a, b"})
    void aZoneThatOwnsNoPartitionRunsOnlyItsScheduler(int share, String idle, String busy) {
        List<JsonNode> objects = render(8, share, "a", idle);
        for (String s : OpenTa.STAGES) {
            assertTrue(find(objects, "ScaledObject", release(idle) + "-" + s).isEmpty(), s + ": no ScaledObject");
            assertEquals(0, get(objects, "Rollout", release(idle) + "-" + s).path("spec").path("replicas").asInt(-1), s);
        }
        assertScheduler(objects, idle);
        assertTrue(get(objects, "Rollout", release(idle) + "-scheduler").path("spec").path("replicas").isMissingNode());
        assertEquals(1, ofKind(objects, "ScaledObject").size(), "only the scheduler's");
        String script = get(objects, "Pod", release(idle) + "-test-health").path("spec").path("containers").get(0).path("args").get(0).asText();
        assertTrue(script.contains("clearing has no ready pod"), "an idle stage is not a failed health check: " + script);
        assertKedaSchema(objects);
        assertStages(render(8, share, "a", busy), busy, 8, 1);
    }

    @Test
    void withKedaOffAStageGetsAtMostItsZonesPartitionsAndTheSchedulerExactlyOne() {
        Map<String, Object> off = Map.of("functionDefaults.keda.enabled", false, "functionDefaults.replicas", 5);
        List<JsonNode> zb = render(8, 80, "a", "b", off);
        assertTrue(ofKind(zb, "ScaledObject").isEmpty());
        assertEquals(2, get(zb, "Rollout", "openta-b-clearing").path("spec").path("replicas").asInt(), "capped at the 2 partitions b owns");
        assertEquals(1, get(zb, "Rollout", "openta-b-scheduler").path("spec").path("replicas").asInt(), "one scheduler");
        List<JsonNode> za = render(8, 80, "a", "a", off);
        assertEquals(5, get(za, "Rollout", "openta-a-clearing").path("spec").path("replicas").asInt(), "5 <= the 6 a owns");
        List<JsonNode> zero = render(8, 80, "a", "a", Map.of("functions.scheduler.keda.enabled", false, "functions.scheduler.replicas", 0));
        assertEquals(1, get(zero, "Rollout", "openta-a-scheduler").path("spec").path("replicas").asInt(), "the scheduler never at zero");
    }

    @Test
    void theZoneFilesSetOnlyTheZoneAndBothReleasesShareTheSplit() {
        List<JsonNode> za = ChartRenderer.rendered(ChartRenderer.byName("zone-a"));
        List<JsonNode> zb = ChartRenderer.rendered(ChartRenderer.byName("zone-b"));
        Map<String, String> ea = env(za, "a");
        Map<String, String> eb = env(zb, "b");
        assertEquals("a", ea.get("OPENTA_ZONE"));
        assertEquals("b", eb.get("OPENTA_ZONE"));
        for (String k : List.of("OPENTA_ZONES_PRIMARY", "OPENTA_ZONES_PRIMARY_SHARE", "OPENTA_SHARDS")) {
            assertEquals(ea.get(k), eb.get(k), k + " must be the same in both zones");
        }
        assertEquals("a", ea.get("OPENTA_ZONES_PRIMARY"));
        assertEquals("80", ea.get("OPENTA_ZONES_PRIMARY_SHARE"));
        assertStages(za, "a", 6, 1);
        assertStages(zb, "b", 2, 4);
    }
}
