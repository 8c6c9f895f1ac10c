package io.openta.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders helm/openta with the real Helm engine (helm-java).
 * <p>
 * The chart depends on rollout/openta-release through {@code repository: file://../../rollout/openta-release}.
 * What {@code helm dependency build} does (vendor the dependency into charts/), this class does by copying
 * both charts into target/charts/, so the source tree is never touched and no network is needed.
 */
final class ChartRenderer {

    /** One values combination: the name of its rendered file, release, namespace, values files in order. */
    record Combination(String name, String release, String namespace, String zone, String env, List<Path> valuesFiles) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<String> ENVIRONMENTS = List.of("staging", "prod");
    static final List<String> ZONES = List.of("a", "b");

    /** Annotation key the inline copy uses instead of helm.sh/hook (restored in the rendered text). */
    static final String HOOK_KEY = "helm.sh/hook:";
    static final String INLINE_HOOK_KEY = "openta.test/hook-inline:";

    private static Path preparedChart;
    private static Path inlineHooksChart;

    private ChartRenderer() {
    }

    /** Every values combination: the defaults, each zone, each environment x zone, and zone a with the access app. */
    static List<Combination> combinations() {
        Path chart = Repo.chart();
        List<Combination> out = new ArrayList<>();
        out.add(new Combination("default", "openta", "openta", "a", null, List.of()));
        for (String z : ZONES) {
            out.add(new Combination("zone-" + z, "openta-" + z, "openta", z, null,
                    List.of(chart.resolve("values-zone-" + z + ".yaml"))));
        }
        for (String env : ENVIRONMENTS) {
            for (String z : ZONES) {
                out.add(new Combination(env + "-zone-" + z, "openta-" + z, "openta-" + env, z, env,
                        List.of(chart.resolve("values-zone-" + z + ".yaml"),
                                Repo.gitops().resolve("envs/" + env + "/values.yaml"))));
            }
        }
        // the access app is off by default: this one turns it on, so that every chart policy covers its objects
        out.add(new Combination("access-zone-a", "openta-a", "openta", "a", null,
                List.of(chart.resolve("values-zone-a.yaml"), Repo.root().resolve("k8s/src/test/resources/values-access.yaml"))));
        return out;
    }

    /** The chart with its dependency vendored, under k8s/target/charts/openta (prepared once per JVM). */
    static synchronized Path chart() {
        if (preparedChart == null) {
            Path work = Repo.target().resolve("charts");
            Path chart = work.resolve("openta");
            deleteRecursively(work);
            copyRecursively(Repo.chart(), chart);
            deleteRecursively(chart.resolve("charts"));
            copyRecursively(Repo.strategyChart(), chart.resolve("charts/openta-release"));
            preparedChart = chart;
        }
        return preparedChart;
    }

    /**
     * The same chart, but with the {@code helm.sh/hook} annotation key renamed in its templates. helm-java's
     * template command returns the release manifest without the hooks (the migration Job, its ServiceAccount,
     * the {@code helm test} Pod); with the key renamed Helm renders them inline, and the rendered text gets the
     * real key back, so the output is what {@code helm template} prints.
     */
    static synchronized Path inlineHooksChart() {
        if (inlineHooksChart == null) {
            Path copy = Repo.target().resolve("charts-inline-hooks/openta");
            deleteRecursively(copy.getParent());
            copyRecursively(chart(), copy);
            try (var files = Files.walk(copy.resolve("templates"))) {
                for (Path f : files.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toList())) {
                    String text = Files.readString(f);
                    if (text.contains(HOOK_KEY)) {
                        Files.writeString(f, text.replace(HOOK_KEY, INLINE_HOOK_KEY));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            inlineHooksChart = copy;
        }
        return inlineHooksChart;
    }

    /** helm template on the pristine chart copy (hooks are not in helm-java's output). */
    static TemplateCommand template(String release, String namespace) {
        return template(chart(), release, namespace);
    }

    static TemplateCommand template(Path chart, String release, String namespace) {
        return new Helm(chart).template().withName(release).withNamespace(namespace).withKubeVersion("1.33.0");
    }

    /** Renders a combination, writes k8s/target/rendered/<name>.yaml, returns the objects. */
    static List<JsonNode> render(Combination c) {
        String yaml = renderText(c, Map.of());
        try {
            Files.createDirectories(Repo.rendered());
            Files.writeString(Repo.rendered().resolve(c.name() + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Manifests.parse(yaml);
    }

    /** Renders a combination with extra --set values (not written to disk). */
    static String renderText(Combination c, Map<String, Object> sets) {
        TemplateCommand cmd = template(inlineHooksChart(), c.release(), c.namespace());
        for (Path f : c.valuesFiles()) {
            cmd = cmd.withValuesFile(f);
        }
        for (Map.Entry<String, Object> e : sets.entrySet()) {
            cmd = cmd.set(e.getKey(), e.getValue());
        }
        return cmd.call().replace(INLINE_HOOK_KEY, HOOK_KEY);
    }

    private static final Map<String, List<JsonNode>> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The objects of a combination, rendered (and written) once per JVM. */
    static List<JsonNode> rendered(Combination c) {
        return RENDERED.computeIfAbsent(c.name(), k -> List.copyOf(render(c)));
    }

    static Combination byName(String name) {
        return combinations().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    static void copyRecursively(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try {
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
