package io.openta.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validators reject what the API server would reject or silently drop: proof that the validation is strict. */
class ValidatorSelfTest {

    private static List<JsonNode> objects() {
        return ChartRenderer.rendered(ChartRenderer.byName("default"));
    }

    @Test
    void strictModelRejectsAnUnknownFieldDeepInsideAService() {
        ObjectNode svc = Manifests.copy(Manifests.get(objects(), "Service", "openta-clearing"));
        assertDoesNotThrow(() -> StrictModel.validate(svc));
        ((ObjectNode) svc.path("spec").path("ports").get(0)).put("targetPortt", 8080);
        AssertionError e = assertThrows(AssertionError.class, () -> StrictModel.validate(svc));
        assertTrue(e.getMessage().contains("targetPortt"), e.getMessage());
    }

    @Test
    void strictModelRejectsAMisplacedPodField() {
        ObjectNode job = Manifests.copy(Manifests.get(objects(), "Job", "openta-migrate"));
        ((ObjectNode) job.path("spec")).put("restartPolicy", "Never"); // belongs to the pod spec
        AssertionError e = assertThrows(AssertionError.class, () -> StrictModel.validate(job));
        assertTrue(e.getMessage().contains("restartPolicy"), e.getMessage());
    }

    @Test
    void crdSchemaRejectsAnUnknownCanaryStepField() {
        CrdSchemas crds = ManifestValidationTest.schemas();
        ObjectNode rollout = Manifests.copy(Manifests.get(objects(), "Rollout", "openta-clearing"));
        assertTrue(crds.errors(rollout).isEmpty(), () -> crds.errors(rollout).toString());
        ObjectNode step = (ObjectNode) rollout.path("spec").path("strategy").path("canary").path("steps").get(0);
        step.put("name", "beta"); // canary steps have no name field
        List<String> errors = crds.errors(rollout);
        assertFalse(errors.isEmpty(), "a named canary step must fail the Rollout schema");
        assertTrue(errors.toString().contains("name"), errors.toString());
    }

    @Test
    void crdSchemaRejectsANumericKafkaTriggerMetadataValue() {
        CrdSchemas crds = ManifestValidationTest.schemas();
        ObjectNode so = Manifests.copy(Manifests.get(objects(), "ScaledObject", "openta-clearing"));
        ((ObjectNode) so.path("spec").path("triggers").get(0).path("metadata")).put("lagThreshold", 100);
        assertFalse(crds.errors(so).isEmpty(), "trigger metadata values are strings");
    }

    @Test
    void crdSchemaRejectsAWrongTypeInAScaledObject() {
        CrdSchemas crds = ManifestValidationTest.schemas();
        ObjectNode so = Manifests.copy(Manifests.get(objects(), "ScaledObject", "openta-clearing"));
        ((ObjectNode) so.path("spec")).put("maxReplicaCount", "eight");
        assertFalse(crds.errors(so).isEmpty());
    }
}
