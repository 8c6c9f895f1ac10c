package io.openta.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders every values combination with the real Helm engine and validates every object it yields. */
class ManifestValidationTest {

    static List<ChartRenderer.Combination> combinations() {
        return ChartRenderer.combinations();
    }

    private static CrdSchemas schemas;

    static synchronized CrdSchemas schemas() {
        if (schemas == null) {
            schemas = new CrdSchemas(Repo.schemasOrSkip());
        }
        return schemas;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void rendersToTargetRendered(ChartRenderer.Combination c) {
        List<JsonNode> objects = ChartRenderer.rendered(c);
        assertTrue(Files.isRegularFile(Repo.rendered().resolve(c.name() + ".yaml")), "rendered file written");
        assertFalse(objects.isEmpty());
        for (JsonNode o : objects) {
            assertFalse(o.path("apiVersion").asText().isEmpty(), "apiVersion of " + o);
            assertFalse(Manifests.kind(o).isEmpty(), "kind of " + o);
            assertFalse(Manifests.name(o).isEmpty(), "metadata.name of " + o);
            assertEquals(c.namespace(), o.path("metadata").path("namespace").asText(), "namespace of " + Manifests.id(o));
        }
        List<String> ids = objects.stream().map(o -> Manifests.kind(o) + "/" + Manifests.name(o)).collect(Collectors.toList());
        assertEquals(ids.size(), ids.stream().distinct().count(), "no two objects share kind and name: " + ids);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void coreKindsDeserializeStrictlyIntoTheFabric8Model(ChartRenderer.Combination c) {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (JsonNode o : ChartRenderer.rendered(c)) {
            if (o.path("apiVersion").asText().contains(".") && !o.path("apiVersion").asText().startsWith("networking.k8s.io")
                    && !o.path("apiVersion").asText().startsWith("rbac.authorization.k8s.io")) {
                continue; // custom resources: see the schema test
            }
            try {
                StrictModel.validate(o);
                checked++;
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(checked > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void customResourcesMatchTheirCrdSchemas(ChartRenderer.Combination c) {
        CrdSchemas crds = schemas();
        List<String> failures = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (JsonNode o : ChartRenderer.rendered(c)) {
            if (StrictModel.supports(o)) {
                continue;
            }
            if (!crds.supports(o)) {
                failures.add(Manifests.id(o) + ": neither a core kind nor a kind with a CRD schema");
                continue;
            }
            kinds.add(Manifests.kind(o));
            List<String> errors = crds.errors(o);
            if (!errors.isEmpty()) {
                failures.add(Manifests.id(o) + ":\n    " + String.join("\n    ", errors));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(kinds.containsAll(List.of("Rollout", "ScaledObject", "AnalysisTemplate")), "validated " + kinds);
    }
}
