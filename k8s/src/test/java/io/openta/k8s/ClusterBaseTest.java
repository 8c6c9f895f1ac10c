package io.openta.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** k8s/base: the cluster prerequisites (namespace, RBAC, Kafka topics, staging volume; the TriggerAuthentication is the chart's). */
class ClusterBaseTest {

    static List<JsonNode> baseObjects() {
        JsonNode kustomization = Manifests.readYaml(Repo.clusterBase().resolve("kustomization.yaml"));
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode r : kustomization.path("resources")) {
            Path f = Repo.clusterBase().resolve(r.asText());
            assertTrue(Files.isRegularFile(f), f + " listed in kustomization.yaml exists");
            out.addAll(Manifests.parse(f));
        }
        return out;
    }

    private static void validate(List<JsonNode> objects, String namespace) {
        for (JsonNode o : objects) {
            if (!"Namespace".equals(Manifests.kind(o))) {
                assertEquals(namespace, o.path("metadata").path("namespace").asText(), Manifests.id(o));
            }
            if (StrictModel.supports(o)) {
                StrictModel.validate(o);
            } else if ("KafkaTopic".equals(Manifests.kind(o))) {
                // no Strimzi schema here: check what matters
                assertEquals("kafka.strimzi.io/v1beta2", o.path("apiVersion").asText());
                assertEquals(OpenTa.PARTITIONS, o.path("spec").path("partitions").asInt(), Manifests.id(o) + " partitions = shards");
                assertTrue(o.path("spec").path("replicas").asInt() >= 3, "replicated over the zones");
                assertFalse(o.path("metadata").path("labels").path("strimzi.io/cluster").asText().isEmpty());
                assertTrue(o.path("spec").path("topicName").asText().startsWith("openta."));
            } else {
                ManifestValidationTest.schemas().validate(o);
            }
        }
    }

    @Test
    void baseObjectsAreValid() {
        List<JsonNode> objects = baseObjects();
        validate(objects, "openta");
        Set<String> kinds = new HashSet<>();
        objects.forEach(o -> kinds.add(Manifests.kind(o)));
        assertTrue(kinds.containsAll(Set.of("Namespace", "Role", "RoleBinding", "KafkaTopic",
                "PersistentVolumeClaim")), kinds.toString());
    }

    @Test
    void topicsCoverEveryTopicOfTheChartWithOnePartitionPerShard() {
        Set<String> topics = new HashSet<>();
        for (JsonNode t : Manifests.ofKind(baseObjects(), "KafkaTopic")) {
            topics.add(t.path("spec").path("topicName").asText());
        }
        Set<String> needed = new HashSet<>(Set.of("openta.task.results", "openta.day.commands", "openta.day.events",
                "openta.file-arrivals", "openta.task.results.shadow"));
        // each stage's tasks, its canary lane (gray release) and its stress-day twin (shadow traffic)
        OpenTa.STAGES.forEach(s -> needed.addAll(List.of(OpenTa.topic(s), OpenTa.topic(s) + ".canary",
                OpenTa.topic(s) + ".shadow")));
        for (JsonNode so : Manifests.ofKind(ChartRenderer.rendered(ChartRenderer.byName("default")), "ScaledObject")) {
            needed.add(so.path("spec").path("triggers").get(0).path("metadata").path("topic").asText());
        }
        assertEquals(needed, topics);
        JsonNode values = Manifests.readYaml(Repo.chart().resolve("values.yaml"));
        assertEquals(values.path("kafka").path("partitions").asInt(), OpenTa.PARTITIONS);
        assertEquals(values.path("openta").path("shards").asInt(), OpenTa.PARTITIONS);
    }

    @Test
    void chartReferencesTheBaseObjects() {
        JsonNode values = Manifests.readYaml(Repo.chart().resolve("values.yaml"));
        List<JsonNode> objects = baseObjects();
        // no TriggerAuthentication in the base: the chart renders it from kafka.security (one place for the pods and KEDA)
        assertTrue(Manifests.ofKind(objects, "TriggerAuthentication").isEmpty());
        assertEquals("", values.path("kafka").path("triggerAuthentication").asText());
        JsonNode pvc = Manifests.get(objects, "PersistentVolumeClaim", values.path("staging").path("existingClaim").asText());
        assertEquals("ReadWriteMany", pvc.path("spec").path("accessModes").get(0).asText(), "both zones mount the staging volume");
        JsonNode ns = Manifests.get(objects, "Namespace", "openta");
        assertEquals("restricted", ns.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText());
    }

    @Test
    void overlaysBuildWithKustomizeWhereKubectlIsInstalled() throws Exception {
        String kubectl = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "kubectl"))) {
                kubectl = Path.of(dir, "kubectl").toString();
                break;
            }
        }
        assumeTrue(kubectl != null, "kubectl not on PATH: the overlays are not built with kustomize in this run "
                + "(the base files are validated one by one in the other tests)");
        for (String env : ChartRenderer.ENVIRONMENTS) {
            Path out = Repo.rendered().resolve("k8s-" + env + ".yaml");
            Files.createDirectories(out.getParent());
            Process p = new ProcessBuilder(kubectl, "kustomize", Repo.root().resolve("k8s/overlays/" + env).toString())
                    .redirectOutput(out.toFile()).redirectErrorStream(false).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize finished");
            assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes()));
            List<JsonNode> objects = Manifests.parse(out);
            assertEquals(baseObjects().size(), objects.size());
            validate(objects, "openta-" + env);
            Manifests.get(objects, "Namespace", "openta-" + env);
        }
    }
}
