package io.openta.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * database.cloudnativepg (issue 9, item 3, Kubernetes half): a CloudNativePG Cluster with synchronous replication
 * across zones and dataDurability: required, rendered once (by the owner zone's release), validated against the
 * CloudNativePG CRD schema in ../shared/schemas/cloudnative-pg; both releases' functions reach its -rw service with
 * the operator-generated app Secret. Nothing here starts PostgreSQL: it checks what the chart asks the operator for.
 */
class CloudNativePgTest {

    private static List<JsonNode> render(String zone, Map<String, Object> extra) {
        Map<String, Object> sets = new LinkedHashMap<>();
        sets.put("database.cloudnativepg.enabled", true);
        sets.putAll(extra);
        String yaml = ChartRenderer.renderText(ChartRenderer.byName("zone-" + zone), sets);
        if (extra.isEmpty()) {
            // kept beside the other renders for review: k8s/target/rendered/cloudnativepg-zone-<zone>.yaml
            try {
                java.nio.file.Files.createDirectories(Repo.rendered());
                java.nio.file.Files.writeString(Repo.rendered().resolve("cloudnativepg-zone-" + zone + ".yaml"), yaml);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return Manifests.parse(yaml);
    }

    private static Map<String, String> env(List<JsonNode> objects, String release) {
        Map<String, String> env = new HashMap<>();
        get(objects, "ConfigMap", release + "-config").path("data").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static List<String> secretRefs(JsonNode container) {
        List<String> refs = new ArrayList<>();
        container.path("env").forEach(e -> {
            JsonNode ref = e.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                refs.add(e.path("name").asText() + "=" + ref.path("name").asText() + "/" + ref.path("key").asText());
            }
        });
        return refs;
    }

    @Test
    void offByDefault() {
        for (String name : List.of("default", "zone-a", "zone-b", "prod-zone-a")) {
            assertTrue(ofKind(ChartRenderer.rendered(ChartRenderer.byName(name)), "Cluster").isEmpty(), name);
        }
    }

    @Test
    void theOwnerZoneRendersAClusterWithSynchronousReplicationAcrossZonesThatMatchesTheCrd() {
        List<JsonNode> objects = render("a", Map.of());
        JsonNode cluster = get(objects, "Cluster", "openta-db");
        assertEquals("postgresql.cnpg.io/v1", cluster.path("apiVersion").asText());
        ManifestValidationTest.schemas().validate(cluster);

        assertEquals("keep", cluster.path("metadata").path("annotations").path("helm.sh/resource-policy").asText(),
                "uninstalling a release must not delete the database");
        JsonNode spec = cluster.path("spec");
        assertEquals(2, spec.path("instances").asInt());
        JsonNode sync = spec.path("postgresql").path("synchronous");
        assertEquals("any", sync.path("method").asText());
        assertEquals(1, sync.path("number").asInt());
        assertEquals("required", sync.path("dataDurability").asText(), "commits wait for the standby: RPO 0");
        assertTrue(sync.path("failoverQuorum").asBoolean());
        // syncReplicaElectionConstraint applies only to CloudNativePG's legacy minSyncReplicas/maxSyncReplicas: not used
        assertTrue(spec.path("postgresql").path("syncReplicaElectionConstraint").isMissingNode());
        JsonNode spread = spec.path("topologySpreadConstraints").get(0);
        assertEquals("topology.kubernetes.io/zone", spread.path("topologyKey").asText());
        assertEquals(1, spread.path("maxSkew").asInt());
        assertEquals("DoNotSchedule", spread.path("whenUnsatisfiable").asText());
        assertEquals("openta-db", spread.path("labelSelector").path("matchLabels").path("cnpg.io/cluster").asText());
        assertEquals("instance", spread.path("labelSelector").path("matchLabels").path("cnpg.io/podRole").asText());
        assertEquals("required", spec.path("affinity").path("podAntiAffinityType").asText());
        assertEquals("openta", spec.path("bootstrap").path("initdb").path("database").asText());
        assertFalse(spec.path("enableSuperuserAccess").asBoolean(true));
        // no credentials of ours anywhere in it: the operator generates the app Secret
        assertTrue(spec.path("bootstrap").path("initdb").path("secret").isMissingNode());
        assertFalse(cluster.toString().toLowerCase().contains("password"), cluster.toString());
    }

    @Test
    void bothZonesConnectToTheRwServiceWithTheGeneratedSecret() {
        for (String zone : List.of("a", "b")) {
            String release = "openta-" + zone;
            List<JsonNode> objects = render(zone, Map.of());
            Map<String, String> env = env(objects, release);
            assertEquals("postgresql://openta-db-rw:5432/openta", env.get("QUARKUS_DATASOURCE_REACTIVE_URL"), zone);
            assertEquals("jdbc:postgresql://openta-db-rw:5432/openta", env.get("QUARKUS_DATASOURCE_JDBC_URL"), zone);
            List<String> expected = List.of("QUARKUS_DATASOURCE_USERNAME=openta-db-app/username",
                    "QUARKUS_DATASOURCE_PASSWORD=openta-db-app/password",
                    "KAFKA_SASL_JAAS_CONFIG=openta-kafka-client/sasl.jaas.config"); // Kafka's Secret, not the database's
            for (String f : OpenTa.FUNCTIONS) {
                JsonNode ctr = Manifests.podSpec(get(objects, "Rollout", release + "-" + f)).path("containers").get(0);
                assertEquals(expected, secretRefs(ctr), zone + " " + f);
            }
            String egress = get(objects, "NetworkPolicy", release + "-allow-egress").toString();
            assertTrue(egress.contains("\"cnpg.io/cluster\":\"openta-db\""), "egress to the Cluster's pods: " + egress);
            assertEquals("a".equals(zone) ? 1 : 0, ofKind(objects, "Cluster").size(), "only the owner zone's release renders it");
        }
        // the migration Job (zone a) runs post-install on the first install: the Cluster does not exist before it
        List<JsonNode> za = render("a", Map.of());
        JsonNode job = get(za, "Job", "openta-a-migrate");
        assertEquals("post-install,pre-upgrade", job.path("metadata").path("annotations").path("helm.sh/hook").asText());
        JsonNode ctr = Manifests.podSpec(job).path("containers").get(0);
        assertEquals(List.of("QUARKUS_DATASOURCE_USERNAME=openta-db-app/username", "QUARKUS_DATASOURCE_PASSWORD=openta-db-app/password",
                "KAFKA_SASL_JAAS_CONFIG=openta-kafka-client/sasl.jaas.config"), secretRefs(ctr));
        boolean jdbc = false;
        for (JsonNode e : ctr.path("env")) {
            jdbc |= "QUARKUS_DATASOURCE_JDBC_URL".equals(e.path("name").asText())
                    && "jdbc:postgresql://openta-db-rw:5432/openta".equals(e.path("value").asText());
        }
        assertTrue(jdbc, "the migration Job migrates the Cluster's primary");
        // without CloudNativePG the hook stays pre-install
        assertEquals("pre-install,pre-upgrade", get(ChartRenderer.rendered(ChartRenderer.byName("zone-a")), "Job", "openta-a-migrate")
                .path("metadata").path("annotations").path("helm.sh/hook").asText());
    }

    @Test
    void valuesReachTheCluster() {
        List<JsonNode> objects = render("b", Map.of("database.cloudnativepg.ownerZone", "b", "database.cloudnativepg.instances", 4,
                "database.cloudnativepg.synchronous.number", 2, "database.cloudnativepg.synchronous.dataDurability", "preferred",
                "database.cloudnativepg.synchronous.failoverQuorum", false, "database.cloudnativepg.clusterName", "ta-pg",
                "database.cloudnativepg.storage.storageClass", "fast"));
        JsonNode cluster = get(objects, "Cluster", "ta-pg");
        ManifestValidationTest.schemas().validate(cluster);
        JsonNode spec = cluster.path("spec");
        assertEquals(4, spec.path("instances").asInt());
        assertEquals(2, spec.path("postgresql").path("synchronous").path("number").asInt());
        assertEquals("preferred", spec.path("postgresql").path("synchronous").path("dataDurability").asText());
        assertTrue(spec.path("postgresql").path("synchronous").path("failoverQuorum").isMissingNode());
        assertEquals("fast", spec.path("storage").path("storageClass").asText());
        assertEquals("postgresql://ta-pg-rw:5432/openta", env(objects, "openta-b").get("QUARKUS_DATASOURCE_REACTIVE_URL"));
        assertTrue(find(render("a", Map.of("database.cloudnativepg.ownerZone", "b")), "Cluster", "openta-db").isEmpty());
    }

    /** The schema check can fail: a misspelt or out-of-enum synchronous field is rejected. */
    @Test
    void theCrdSchemaRejectsAWrongSynchronousSetting() {
        CrdSchemas crds = ManifestValidationTest.schemas();
        JsonNode cluster = get(render("a", Map.of()), "Cluster", "openta-db");
        ObjectNode badEnum = Manifests.copy(cluster);
        ((ObjectNode) badEnum.path("spec").path("postgresql").path("synchronous")).put("dataDurability", "strict");
        assertFalse(crds.errors(badEnum).isEmpty(), "dataDurability is required|preferred");
        ObjectNode unknown = Manifests.copy(cluster);
        ((ObjectNode) unknown.path("spec").path("postgresql").path("synchronous")).put("durability", "required");
        assertTrue(crds.errors(unknown).toString().contains("durability"), crds.errors(unknown).toString());
        ObjectNode noMethod = Manifests.copy(cluster);
        ((ObjectNode) noMethod.path("spec").path("postgresql").path("synchronous")).remove("method");
        assertFalse(crds.errors(noMethod).isEmpty(), "method is required");
    }

    @Test
    void badClusterValuesAreRejected() {
        IllegalStateException one = assertThrows(IllegalStateException.class,
                () -> render("a", Map.of("database.cloudnativepg.instances", 1)));
        assertTrue(one.getMessage().contains("instances"), one.getMessage());
        IllegalStateException number = assertThrows(IllegalStateException.class,
                () -> render("a", Map.of("database.cloudnativepg.instances", 2, "database.cloudnativepg.synchronous.number", 2)));
        assertTrue(number.getMessage().contains("needs at least 3 instances"), number.getMessage());
        // 3 instances over two zones: 2 can be in the primary's zone, so ANY 1 could be answered from that zone alone
        IllegalStateException sameZone = assertThrows(IllegalStateException.class,
                () -> render("a", Map.of("database.cloudnativepg.instances", 3, "database.cloudnativepg.synchronous.number", 1)));
        assertTrue(sameZone.getMessage().contains("must be at least 2 with 3 instances over two zones"), sameZone.getMessage());
        ManifestValidationTest.schemas().validate(get(render("a", Map.of("database.cloudnativepg.instances", 3,
                "database.cloudnativepg.synchronous.number", 2)), "Cluster", "openta-db"));
        IllegalStateException durability = assertThrows(IllegalStateException.class,
                () -> render("a", Map.of("database.cloudnativepg.synchronous.dataDurability", "strict")));
        assertTrue(durability.getMessage().contains("dataDurability"), durability.getMessage());
    }
}
