package io.openta.k8s;

import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.Helm;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values that break values.schema.json (or the chart's own checks) make `helm template` — and so `helm install`
 * and `helm upgrade`, which validate the same way before touching the cluster — fail with the schema's message.
 */
class BadValuesTest {

    private static String failure(Map<String, Object> sets) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            var cmd = ChartRenderer.template("openta-a", "openta").withValuesFile(Repo.chart().resolve("values-zone-a.yaml"));
            for (var s : sets.entrySet()) {
                cmd = cmd.set(s.getKey(), s.getValue());
            }
            cmd.call();
        }, "values " + sets + " must be rejected");
        System.out.println("helm template with " + sets + " fails:\n" + e.getMessage().strip());
        return e.getMessage();
    }

    private static String failureWithValuesFile(String yaml) throws IOException {
        Path f = Files.createTempFile(Repo.target(), "bad-values", ".yaml");
        Files.writeString(f, yaml);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChartRenderer.template("openta-a", "openta").withValuesFile(f).call());
        System.out.println("helm template with values file\n" + yaml + "fails:\n" + e.getMessage().strip());
        return e.getMessage();
    }

    @Test
    void unknownZoneIsRejected() {
        String msg = failure(Map.of("zone.id", "c"));
        assertTrue(msg.contains("values don't meet the specifications of the schema"), msg);
        assertTrue(msg.contains("zone") && msg.contains("id"), msg);
        assertTrue(msg.contains("'a'") || msg.contains("\"a\"") || msg.contains("a, b") || msg.contains("enum") || msg.contains("must be one of"), msg);
    }

    @Test
    void negativeReplicasAreRejected() {
        String msg = failure(Map.of("functions.clearing.replicas", -1));
        assertTrue(msg.contains("replicas"), msg);
        assertTrue(msg.contains("minimum") || msg.contains(">= 0") || msg.contains("less than"), msg);
    }

    @Test
    void negativeActivationLagIsRejected() {
        String msg = failure(Map.of("functionDefaults.keda.activationLagThreshold", -2));
        assertTrue(msg.contains("activationLagThreshold"), msg);
    }

    @Test
    void shareOutside0To100IsRejected() {
        for (int share : new int[] {101, -1}) {
            String msg = failure(Map.of("zones.primaryShare", share));
            assertTrue(msg.contains("values don't meet the specifications of the schema") && msg.contains("primaryShare"), msg);
        }
    }

    @Test
    void unknownPrimaryZoneIsRejected() {
        String msg = failure(Map.of("zones.primary", "c"));
        assertTrue(msg.contains("primary"), msg);
    }

    @Test
    void missingDatabaseSecretNameIsRejected() throws IOException {
        String msg = failure(Map.of("database.existingSecret", ""));
        assertTrue(msg.contains("existingSecret"), msg);
        String removed = failureWithValuesFile("database:\n  existingSecret: null\n");
        assertTrue(removed.contains("existingSecret"), removed);
    }

    @Test
    void unknownValueIsRejected() {
        String msg = failure(Map.of("databse.host", "db"));
        assertTrue(msg.contains("databse"), msg);
    }

    @Test
    void unknownFunctionIsRejected() {
        String msg = failure(Map.of("functions.settlement.enabled", true));
        assertTrue(msg.contains("settlement"), msg);
    }

    /** The replica bounds are computed from partitions and share (ZoneScalingTest); setting one is an error, not ignored. */
    @Test
    void replicaBoundsAreNotValues() {
        for (String key : new String[] {"maxReplicaCount", "minReplicaCount", "lagThreshold"}) {
            String msg = failure(Map.of("functions.clearing.keda." + key, 12));
            assertTrue(msg.contains(key), msg);
        }
        String role = failure(Map.of("zone.role", "primary"));
        assertTrue(role.contains("role"), "the role follows from zones.primary: " + role);
    }

    @Test
    void partitionsMustEqualShards() {
        String msg = failure(Map.of("openta.shards", 16));
        assertTrue(msg.contains("must equal openta.shards"), msg);
    }

    @Test
    void badStrategyValuesAreRejectedByTheStrategySchema() {
        String msg = failure(Map.of("strategy.phases.gray.steps[0].percent", 150));
        assertTrue(msg.contains("percent"), msg);
    }

    @Test
    void chartPassesHelmLint() {
        LintResult lint = new Helm(ChartRenderer.chart()).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }
}
