package io.openta.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.openta.k8s.Manifests.get;
import static io.openta.k8s.Manifests.ofKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Policies every rendered values combination must satisfy. */
class ChartPolicyTest {

    static List<ChartRenderer.Combination> combinations() {
        return ChartRenderer.combinations();
    }

    private static String fn(ChartRenderer.Combination c, String function) {
        return c.release() + "-" + function;
    }

    private static Map<String, String> configEnv(ChartRenderer.Combination c, List<JsonNode> objects) {
        Map<String, String> env = new HashMap<>();
        get(objects, "ConfigMap", c.release() + "-config").path("data").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static List<JsonNode> workloads(List<JsonNode> objects) {
        return objects.stream().filter(o -> Set.of("Rollout", "Job", "Pod", "Deployment", "StatefulSet", "DaemonSet")
                .contains(Manifests.kind(o))).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void everyFunctionHasARolloutAndAScaledObjectPointingAtIt(ChartRenderer.Combination c) {
        List<JsonNode> objects = ChartRenderer.rendered(c);
        // functions run as Argo Rollouts; the only Deployment is the access app (no stage, no canary analysis)
        for (JsonNode d : ofKind(objects, "Deployment")) {
            assertEquals(fn(c, "access"), Manifests.name(d), "functions run as Argo Rollouts, not Deployments");
        }
        assertEquals(OpenTa.FUNCTIONS.size(), ofKind(objects, "Rollout").size());
        for (String f : OpenTa.FUNCTIONS) {
            JsonNode rollout = get(objects, "Rollout", fn(c, f));
            JsonNode so = get(objects, "ScaledObject", fn(c, f));
            JsonNode target = so.path("spec").path("scaleTargetRef");
            assertEquals("argoproj.io/v1alpha1", target.path("apiVersion").asText(), f);
            assertEquals("Rollout", target.path("kind").asText(), f);
            assertEquals(Manifests.name(rollout), target.path("name").asText(), f);
            assertTrue(rollout.path("spec").path("replicas").isMissingNode(), f + ": KEDA owns the replica count");

            JsonNode trigger = so.path("spec").path("triggers").get(0);
            assertEquals("kafka", trigger.path("type").asText());
            JsonNode md = trigger.path("metadata");
            assertEquals(configEnv(c, objects).get("KAFKA_BOOTSTRAP_SERVERS"), md.path("bootstrapServers").asText());
            assertEquals(OpenTa.group(f), md.path("consumerGroup").asText(), f);
            assertTrue(Integer.parseInt(md.path("lagThreshold").asText()) > 0);
            int min = so.path("spec").path("minReplicaCount").asInt(-1);
            int max = so.path("spec").path("maxReplicaCount").asInt(-1);
            assertTrue(max <= OpenTa.PARTITIONS, f + ": maxReplicaCount " + max + " <= partitions");
            if (f.equals(OpenTa.SCHEDULER)) {
                assertEquals("openta.task.results", md.path("topic").asText());
                assertEquals(1, min, "the scheduler never sleeps");
                assertEquals(1, max, "one scheduler per zone");
            } else {
                assertEquals(OpenTa.topic(f), md.path("topic").asText(), f);
                assertEquals(0, min, f + ": a stage sleeps when it has no lag");
                assertTrue(max >= 1);
            }
            // Service, ServiceAccount, PodDisruptionBudget of the function
            JsonNode selector = rollout.path("spec").path("selector").path("matchLabels");
            JsonNode podLabels = rollout.path("spec").path("template").path("metadata").path("labels");
            selector.fields().forEachRemaining(e -> assertEquals(e.getValue(), podLabels.path(e.getKey()), f + " selector"));
            assertEquals(selector, get(objects, "PodDisruptionBudget", fn(c, f)).path("spec").path("selector").path("matchLabels"));
            assertEquals(fn(c, f), rollout.path("spec").path("template").path("spec").path("serviceAccountName").asText());
            assertNotNull(get(objects, "ServiceAccount", fn(c, f)));
            JsonNode svc = get(objects, "Service", fn(c, f));
            svc.path("spec").path("selector").fields()
                    .forEachRemaining(e -> assertEquals(e.getValue(), podLabels.path(e.getKey()), f + " service selector"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void everyPodHasProbesResourcesAndARestrictedSecurityContext(ChartRenderer.Combination c) {
        List<JsonNode> objects = ChartRenderer.rendered(c);
        List<JsonNode> workloads = workloads(objects);
        assertTrue(workloads.size() >= OpenTa.FUNCTIONS.size() + 1, "Rollouts and the helm test Pod");
        for (JsonNode w : workloads) {
            String id = Manifests.id(w);
            JsonNode pod = Manifests.podSpec(w);
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), id + " runAsNonRoot");
            assertEquals("RuntimeDefault", pod.path("securityContext").path("seccompProfile").path("type").asText(), id);
            assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), id + " mounts no API token");
            Set<String> emptyDirs = new java.util.HashSet<>();
            pod.path("volumes").forEach(v -> {
                if (v.has("emptyDir")) {
                    emptyDirs.add(v.path("name").asText());
                }
            });
            for (JsonNode ctr : pod.path("containers")) {
                String cid = id + " container " + ctr.path("name").asText();
                JsonNode sc = ctr.path("securityContext");
                assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(), cid + " readOnlyRootFilesystem");
                assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true), cid + " allowPrivilegeEscalation");
                assertEquals("ALL", sc.path("capabilities").path("drop").get(0).asText(), cid + " drops ALL capabilities");
                for (String kind : List.of("requests", "limits")) {
                    for (String res : List.of("cpu", "memory")) {
                        assertFalse(ctr.path("resources").path(kind).path(res).asText().isEmpty(), cid + " " + kind + "." + res);
                    }
                }
                boolean tmp = false;
                for (JsonNode m : ctr.path("volumeMounts")) {
                    tmp |= "/tmp".equals(m.path("mountPath").asText()) && emptyDirs.contains(m.path("name").asText());
                }
                assertTrue(tmp, cid + " has a writable emptyDir at /tmp");
                // never a literal credential
                for (JsonNode e : ctr.path("env")) {
                    String name = e.path("name").asText();
                    if (name.matches(".*(PASSWORD|USERNAME|SECRET|TOKEN).*")) {
                        assertTrue(e.has("valueFrom") && e.path("valueFrom").has("secretKeyRef"), cid + " " + name + " from a Secret");
                    }
                }
            }
        }
        for (String f : OpenTa.FUNCTIONS) {
            JsonNode ctr = Manifests.podSpec(get(objects, "Rollout", fn(c, f))).path("containers").get(0);
            assertEquals(8080, ctr.path("ports").get(0).path("containerPort").asInt());
            assertEquals("/q/health/started", ctr.path("startupProbe").path("httpGet").path("path").asText(), f);
            assertEquals("/q/health/live", ctr.path("livenessProbe").path("httpGet").path("path").asText(), f);
            assertEquals("/q/health/ready", ctr.path("readinessProbe").path("httpGet").path("path").asText(), f);
            String tag = c.env() == null ? "1.0.0-SNAPSHOT" : "1.0.0";
            assertTrue(ctr.path("image").asText().endsWith("openta/" + f + ":" + tag), ctr.path("image").asText());
        }
        configEnv(c, objects).keySet().forEach(k ->
                assertFalse(k.matches(".*(PASSWORD|USERNAME|SECRET|TOKEN).*"), "credential " + k + " in a ConfigMap"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void configurationReachesTheFunctions(ChartRenderer.Combination c) {
        List<JsonNode> objects = ChartRenderer.rendered(c);
        Map<String, String> env = configEnv(c, objects);
        for (String k : List.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS",
                "KAFKA_CLIENT_RACK", "OPENTA_TA_CODE", "OPENTA_SHARDS", "OPENTA_STAGING_DIR", "OPENTA_ZONE",
                "OPENTA_ZONES_PRIMARY", "OPENTA_ZONES_PRIMARY_SHARE", "OPENTA_RELEASE_SEGMENTS_FILE")) {
            assertFalse(env.getOrDefault(k, "").isEmpty(), k);
        }
        assertTrue(env.get("QUARKUS_DATASOURCE_REACTIVE_URL").startsWith("postgresql://"));
        assertTrue(env.get("QUARKUS_DATASOURCE_JDBC_URL").startsWith("jdbc:postgresql://"));
        assertEquals("99", env.get("OPENTA_TA_CODE"));
        assertEquals(String.valueOf(OpenTa.PARTITIONS), env.get("OPENTA_SHARDS"));
        assertEquals(c.zone(), env.get("OPENTA_ZONE"));
        assertEquals(OpenTa.topologyZone(c.zone()), env.get("KAFKA_CLIENT_RACK"), "consumers fetch from same-zone replicas");

        JsonNode segments = get(objects, "ConfigMap", c.release() + "-release-segments");
        for (String f : OpenTa.FUNCTIONS) {
            JsonNode pod = Manifests.podSpec(get(objects, "Rollout", fn(c, f)));
            JsonNode ctr = pod.path("containers").get(0);
            assertEquals(c.release() + "-config", ctr.path("envFrom").get(0).path("configMapRef").path("name").asText());
            Map<String, String> mounts = new HashMap<>();
            ctr.path("volumeMounts").forEach(m -> mounts.put(m.path("mountPath").asText(), m.path("name").asText()));
            Map<String, JsonNode> volumes = new HashMap<>();
            pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
            // staging volume (RWX claim) at OPENTA_STAGING_DIR
            String staging = mounts.get(env.get("OPENTA_STAGING_DIR"));
            assertNotNull(staging, f + " mounts the staging dir");
            assertEquals("openta-staging", volumes.get(staging).path("persistentVolumeClaim").path("claimName").asText());
            // segment ConfigMap mounted where OPENTA_RELEASE_SEGMENTS_FILE points
            String file = env.get("OPENTA_RELEASE_SEGMENTS_FILE");
            String dir = file.substring(0, file.lastIndexOf('/'));
            String key = file.substring(file.lastIndexOf('/') + 1);
            JsonNode vol = volumes.get(mounts.get(dir));
            assertNotNull(vol, f + " mounts the segment ConfigMap at " + dir);
            assertEquals(Manifests.name(segments), vol.path("configMap").path("name").asText());
            assertTrue(segments.path("data").has(key), "segment ConfigMap has " + key);
            // credentials from the existing Secret
            List<String> secretRefs = new ArrayList<>();
            ctr.path("env").forEach(e -> {
                if (e.path("valueFrom").has("secretKeyRef")) {
                    secretRefs.add(e.path("name").asText() + "=" + e.path("valueFrom").path("secretKeyRef").path("name").asText());
                }
            });
            assertEquals(List.of("QUARKUS_DATASOURCE_USERNAME=openta-db-credentials",
                    "QUARKUS_DATASOURCE_PASSWORD=openta-db-credentials", "KAFKA_SASL_JAAS_CONFIG=openta-kafka-client"),
                    secretRefs, f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void podsArePinnedToTheirZoneAndSpreadInsideIt(ChartRenderer.Combination c) {
        List<JsonNode> objects = ChartRenderer.rendered(c);
        for (JsonNode w : workloads(objects)) {
            if ("Pod".equals(Manifests.kind(w))) {
                continue; // the helm test pod may run anywhere
            }
            JsonNode expr = Manifests.podSpec(w).path("affinity").path("nodeAffinity")
                    .path("requiredDuringSchedulingIgnoredDuringExecution").path("nodeSelectorTerms").get(0)
                    .path("matchExpressions").get(0);
            assertEquals("topology.kubernetes.io/zone", expr.path("key").asText(), Manifests.id(w));
            assertEquals("In", expr.path("operator").asText());
            assertEquals(List.of(OpenTa.topologyZone(c.zone())),
                    List.of(expr.path("values").get(0).asText()), Manifests.id(w) + " pinned to its zone");
        }
        for (String f : OpenTa.FUNCTIONS) {
            JsonNode rollout = get(objects, "Rollout", fn(c, f));
            JsonNode spread = Manifests.podSpec(rollout).path("topologySpreadConstraints").get(0);
            assertEquals("kubernetes.io/hostname", spread.path("topologyKey").asText(), f);
            assertEquals(rollout.path("spec").path("selector").path("matchLabels"), spread.path("labelSelector").path("matchLabels"));
            JsonNode svc = get(objects, "Service", fn(c, f)).path("spec");
            assertEquals("PreferClose", svc.path("trafficDistribution").asText(), f + " prefers same-zone endpoints");
            assertFalse(svc.path("selector").has("app.kubernetes.io/instance"), f + ": the Service spans both zones");
            assertEquals(f, svc.path("selector").path("openta.io/function").asText());
            assertEquals(c.zone(), rollout.path("spec").path("template").path("metadata").path("labels").path("openta.io/zone").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void migrationJobHelmTestAndNetworkPolicies(ChartRenderer.Combination c) {
        List<JsonNode> objects = ChartRenderer.rendered(c);
        List<JsonNode> jobs = ofKind(objects, "Job");
        if ("b".equals(c.zone())) {
            assertTrue(jobs.isEmpty(), "the secondary zone does not run the migrations");
        } else {
            JsonNode job = get(objects, "Job", c.release() + "-migrate");
            assertEquals("pre-install,pre-upgrade", job.path("metadata").path("annotations").path("helm.sh/hook").asText());
            JsonNode ctr = Manifests.podSpec(job).path("containers").get(0);
            assertTrue(ctr.path("image").asText().contains("openta/scheduler:"), "runs the scheduler image");
            Map<String, String> env = new HashMap<>();
            ctr.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
            assertEquals("true", env.get("OPENTA_MIGRATE_ONLY"));
            assertTrue(env.get("QUARKUS_DATASOURCE_JDBC_URL").startsWith("jdbc:postgresql://"));
            assertEquals("Never", Manifests.podSpec(job).path("restartPolicy").asText());
            // its ServiceAccount is a hook too: it must exist before the release's objects
            String sa = Manifests.podSpec(job).path("serviceAccountName").asText();
            assertTrue(get(objects, "ServiceAccount", sa).path("metadata").path("annotations").path("helm.sh/hook").asText()
                    .contains("pre-install"));
        }
        JsonNode test = get(objects, "Pod", c.release() + "-test-health");
        assertEquals("test", test.path("metadata").path("annotations").path("helm.sh/hook").asText());
        String script = test.path("spec").path("containers").get(0).path("args").get(0).asText();
        assertTrue(script.contains(fn(c, "scheduler") + ":8080/q/health/$p"), script);
        for (String s : OpenTa.STAGES) {
            assertTrue(script.contains(fn(c, s) + ":8080/q/health/ready"), s);
        }

        List<JsonNode> policies = ofKind(objects, "NetworkPolicy");
        JsonNode deny = get(objects, "NetworkPolicy", c.release() + "-default-deny").path("spec");
        assertEquals(List.of("Ingress", "Egress"), List.of(deny.path("policyTypes").get(0).asText(), deny.path("policyTypes").get(1).asText()));
        assertTrue(deny.path("ingress").isMissingNode() && deny.path("egress").isMissingNode());
        String egress = get(objects, "NetworkPolicy", c.release() + "-allow-egress").toString();
        assertTrue(egress.contains("\"port\":53") && egress.contains("\"port\":5432") && egress.contains("\"port\":9092"), egress);
        assertTrue(policies.size() >= 3);
    }

    /** The default split (zone a primary, 80 %, 8 partitions) in every environment: zone a up to 6 pods per stage, zone b up to 2. */
    @Test
    void primaryGetsItsShareOfThePartitionsAndSecondaryTheRest() {
        for (String env : new String[] {null, "staging", "prod"}) {
            String prefix = env == null ? "" : env + "-";
            ChartRenderer.Combination a = ChartRenderer.byName(prefix + "zone-a");
            ChartRenderer.Combination b = ChartRenderer.byName(prefix + "zone-b");
            List<JsonNode> za = ChartRenderer.rendered(a);
            List<JsonNode> zb = ChartRenderer.rendered(b);
            assertEquals("primary", get(za, "Rollout", "openta-a-clearing").path("metadata").path("labels").path("openta.io/zone-role").asText());
            assertEquals("secondary", get(zb, "Rollout", "openta-b-clearing").path("metadata").path("labels").path("openta.io/zone-role").asText());
            assertEquals(configEnv(a, za).get("KAFKA_BOOTSTRAP_SERVERS"), configEnv(b, zb).get("KAFKA_BOOTSTRAP_SERVERS"), "one Kafka");
            assertEquals(configEnv(a, za).get("QUARKUS_DATASOURCE_REACTIVE_URL"), configEnv(b, zb).get("QUARKUS_DATASOURCE_REACTIVE_URL"), "one database");
            for (String k : List.of("OPENTA_ZONES_PRIMARY", "OPENTA_ZONES_PRIMARY_SHARE")) {
                assertEquals(configEnv(a, za).get(k), configEnv(b, zb).get(k), k + ": both zones agree on the split");
            }
            for (String s : OpenTa.STAGES) {
                JsonNode sa = get(za, "ScaledObject", "openta-a-" + s);
                JsonNode sb = get(zb, "ScaledObject", "openta-b-" + s);
                JsonNode ta = sa.path("spec").path("triggers").get(0).path("metadata");
                JsonNode tb = sb.path("spec").path("triggers").get(0).path("metadata");
                assertEquals(ta.path("consumerGroup"), tb.path("consumerGroup"), s + ": one consumer group over both zones");
                assertEquals(ta.path("topic"), tb.path("topic"));
                assertEquals(6, sa.path("spec").path("maxReplicaCount").asInt(), s + ": round(8 * 80 / 100) partitions in zone a");
                assertEquals(2, sb.path("spec").path("maxReplicaCount").asInt(), s + ": the other 2 in zone b");
                assertEquals("1", ta.path("lagThreshold").asText(), s + ": 8 tasks reach zone a's 6 pods");
                assertEquals("4", tb.path("lagThreshold").asText(), s + ": 8 tasks give zone b its 2 pods, 4 tasks 1 pod");
            }
        }
    }
}
