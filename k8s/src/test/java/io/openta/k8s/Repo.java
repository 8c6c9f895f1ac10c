package io.openta.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Locations of the repository, the shared folder (CRD schemas) and the render output. */
final class Repo {

    private Repo() {
    }

    /** The repository root (the folder holding helm/, rollout/, gitops/, k8s/). */
    static Path root() {
        String prop = System.getProperty("openta.repo.dir");
        Path p = prop != null && !prop.isBlank() ? Paths.get(prop) : Paths.get("").toAbsolutePath().getParent();
        if (!Files.isDirectory(p.resolve("helm/openta"))) {
            // run from the repository root rather than from k8s/
            p = Paths.get("").toAbsolutePath();
        }
        return p.toAbsolutePath().normalize();
    }

    static Path chart() {
        return root().resolve("helm/openta");
    }

    static Path strategyChart() {
        return root().resolve("rollout/openta-release");
    }

    static Path gitops() {
        return root().resolve("gitops");
    }

    static Path clusterBase() {
        return root().resolve("k8s/base");
    }

    static Path target() {
        return root().resolve("k8s/target");
    }

    static Path rendered() {
        String prop = System.getProperty("openta.rendered.dir");
        return prop != null && !prop.isBlank() ? Paths.get(prop) : target().resolve("rendered");
    }

    /** ${openta.shared.dir}/schemas; skips the calling test (JUnit assumption) where it is absent. */
    static Path schemasOrSkip() {
        String shared = System.getProperty("openta.shared.dir");
        Path dir = shared == null || shared.isBlank() ? root().resolve("../shared") : Paths.get(shared);
        Path schemas = dir.resolve("schemas").normalize();
        assumeTrue(Files.isDirectory(schemas),
                "CRD schemas not found at " + schemas + " (system property openta.shared.dir): "
                        + "custom resources (Rollout, AnalysisTemplate, ScaledObject, TriggerAuthentication, "
                        + "Application, ApplicationSet, AppProject) are not schema-validated in this run");
        return schemas;
    }
}
