package io.openta.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gitops/: the AppProject and ApplicationSets validate, and generate one Application per environment x zone. */
class GitOpsTest {

    private static final Pattern PARAM = Pattern.compile("\\{\\{\\s*\\.([A-Za-z0-9_]+)\\s*}}");

    private static List<JsonNode> argo() {
        List<JsonNode> out = new ArrayList<>();
        out.addAll(Manifests.parse(Repo.gitops().resolve("argocd/appproject.yaml")));
        out.addAll(Manifests.parse(Repo.gitops().resolve("argocd/applicationset.yaml")));
        return out;
    }

    /** The parameter sets of a generator: list, or matrix of two generators. */
    static List<Map<String, String>> parameters(JsonNode generator) {
        List<Map<String, String>> out = new ArrayList<>();
        if (generator.has("list")) {
            for (JsonNode e : generator.path("list").path("elements")) {
                Map<String, String> p = new LinkedHashMap<>();
                e.fields().forEachRemaining(f -> p.put(f.getKey(), f.getValue().asText()));
                out.add(p);
            }
        } else if (generator.has("matrix")) {
            JsonNode gens = generator.path("matrix").path("generators");
            assertEquals(2, gens.size(), "a matrix combines two generators");
            for (Map<String, String> left : parameters(gens.get(0))) {
                for (Map<String, String> right : parameters(gens.get(1))) {
                    Map<String, String> p = new LinkedHashMap<>(left);
                    p.putAll(right);
                    out.add(p);
                }
            }
        } else {
            throw new AssertionError("generator not modelled by this test: " + generator);
        }
        return out;
    }

    /** What the ApplicationSet controller generates (go templates of the form {{.param}}). */
    static List<JsonNode> generate(JsonNode appSet) {
        assertTrue(appSet.path("spec").path("goTemplate").asBoolean(), "goTemplate");
        List<JsonNode> apps = new ArrayList<>();
        for (JsonNode g : appSet.path("spec").path("generators")) {
            for (Map<String, String> p : parameters(g)) {
                String template = appSet.path("spec").path("template").toString();
                Matcher m = PARAM.matcher(template);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    String v = p.get(m.group(1));
                    assertTrue(v != null, "parameter " + m.group(1) + " is generated (missingkey=error)");
                    m.appendReplacement(sb, Matcher.quoteReplacement(v));
                }
                m.appendTail(sb);
                try {
                    ObjectNode app = (ObjectNode) Manifests.YAML.readTree(sb.toString());
                    ObjectNode out = Manifests.YAML.createObjectNode();
                    out.put("apiVersion", "argoproj.io/v1alpha1");
                    out.put("kind", "Application");
                    ObjectNode md = (ObjectNode) app.path("metadata").deepCopy();
                    md.put("namespace", appSet.path("metadata").path("namespace").asText());
                    out.set("metadata", md);
                    out.set("spec", app.path("spec"));
                    apps.add(out);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return apps;
    }

    private static List<JsonNode> allApplications() throws IOException {
        List<JsonNode> apps = new ArrayList<>();
        for (JsonNode set : Manifests.ofKind(argo(), "ApplicationSet")) {
            apps.addAll(generate(set));
        }
        Files.createDirectories(Repo.rendered());
        StringBuilder yaml = new StringBuilder();
        for (JsonNode a : apps) {
            yaml.append(Manifests.YAML.writeValueAsString(a));
        }
        Files.writeString(Repo.rendered().resolve("gitops-applications.yaml"), yaml.toString());
        return apps;
    }

    @Test
    void appProjectAndApplicationSetsMatchTheArgoCdSchemas() {
        CrdSchemas crds = ManifestValidationTest.schemas();
        List<JsonNode> objects = argo();
        assertEquals(1, Manifests.ofKind(objects, "AppProject").size());
        assertEquals(2, Manifests.ofKind(objects, "ApplicationSet").size());
        objects.forEach(crds::validate);
    }

    @Test
    void applicationSetYieldsEveryEnvironmentTimesZone() throws IOException {
        JsonNode set = Manifests.get(argo(), "ApplicationSet", "openta");
        List<JsonNode> apps = generate(set);
        Set<String> names = apps.stream().map(Manifests::name).collect(Collectors.toSet());
        Set<String> expected = new HashSet<>();
        for (String env : ChartRenderer.ENVIRONMENTS) {
            for (String zone : ChartRenderer.ZONES) {
                expected.add("openta-" + env + "-zone-" + zone);
            }
        }
        assertEquals(expected, names);
        assertEquals(expected.size(), apps.size());
        Path chart = Repo.chart();
        for (JsonNode app : apps) {
            String env = app.path("metadata").path("labels").path("openta.io/env").asText();
            String zone = app.path("metadata").path("labels").path("openta.io/zone").asText();
            JsonNode src = app.path("spec").path("source");
            assertEquals("helm/openta", src.path("path").asText());
            assertEquals("openta-" + zone, src.path("helm").path("releaseName").asText());
            assertEquals("openta-" + env, app.path("spec").path("destination").path("namespace").asText());
            // the value files exist and are those the tests render for this pair
            List<Path> files = new ArrayList<>();
            for (JsonNode f : src.path("helm").path("valueFiles")) {
                Path p = chart.resolve(f.asText()).normalize();
                assertTrue(p.startsWith(Repo.root()), f + " stays inside the repository");
                assertTrue(Files.isRegularFile(p), p + " exists");
                files.add(p);
            }
            ChartRenderer.Combination c = ChartRenderer.byName(env + "-zone-" + zone);
            assertEquals(c.valuesFiles().stream().map(Path::normalize).collect(Collectors.toList()), files);
            assertEquals(c.release(), src.path("helm").path("releaseName").asText());
            assertEquals(c.namespace(), app.path("spec").path("destination").path("namespace").asText());
            assertTrue(app.path("spec").path("syncPolicy").path("automated").path("selfHeal").asBoolean(),
                    "git is the truth: a tag bump in git syncs by itself");
        }
    }

    @Test
    void everyGeneratedApplicationMatchesTheSchemaAndTheProject() throws IOException {
        CrdSchemas crds = ManifestValidationTest.schemas();
        JsonNode project = Manifests.get(argo(), "AppProject", "openta").path("spec");
        Set<String> repos = new HashSet<>();
        project.path("sourceRepos").forEach(r -> repos.add(r.asText()));
        Set<String> destinations = new HashSet<>();
        project.path("destinations").forEach(d -> destinations.add(d.path("server").asText() + " " + d.path("namespace").asText()));
        Set<String> allowedKinds = new HashSet<>();
        project.path("namespaceResourceWhitelist").forEach(k -> allowedKinds.add(k.path("group").asText() + "/" + k.path("kind").asText()));
        project.path("clusterResourceWhitelist").forEach(k -> allowedKinds.add(k.path("group").asText() + "/" + k.path("kind").asText()));

        List<JsonNode> apps = allApplications();
        assertEquals(6, apps.size(), "4 releases + 2 prerequisite applications");
        for (JsonNode app : apps) {
            crds.validate(app);
            assertEquals("openta", app.path("spec").path("project").asText());
            assertTrue(repos.contains(app.path("spec").path("source").path("repoURL").asText()));
            JsonNode d = app.path("spec").path("destination");
            assertTrue(destinations.contains(d.path("server").asText() + " " + d.path("namespace").asText()), "destination of " + Manifests.name(app));
            assertTrue(Files.isDirectory(Repo.root().resolve(app.path("spec").path("source").path("path").asText())));
        }
        // the project allows every kind the releases and the prerequisites create
        List<JsonNode> deployed = new ArrayList<>();
        for (ChartRenderer.Combination c : ChartRenderer.combinations()) {
            deployed.addAll(ChartRenderer.rendered(c));
        }
        deployed.addAll(ClusterBaseTest.baseObjects());
        for (JsonNode o : deployed) {
            String api = o.path("apiVersion").asText();
            String group = api.contains("/") ? api.substring(0, api.indexOf('/')) : "";
            assertTrue(allowedKinds.contains(group + "/" + Manifests.kind(o)), "AppProject allows " + group + "/" + Manifests.kind(o));
        }
    }

    @Test
    void environmentFoldersHoldTheImageTags() {
        Map<String, String> tags = new HashMap<>();
        for (String env : ChartRenderer.ENVIRONMENTS) {
            JsonNode values = Manifests.readYaml(Repo.gitops().resolve("envs/" + env + "/values.yaml"));
            String tag = values.path("image").path("tag").asText();
            assertFalse(tag.isEmpty(), env + " pins an image tag");
            assertTrue(tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"), tag);
            assertFalse(values.path("database").has("password"), "no credentials in git");
            tags.put(env, tag);
        }
        for (String env : ChartRenderer.ENVIRONMENTS) {
            for (String zone : ChartRenderer.ZONES) {
                for (JsonNode r : Manifests.ofKind(ChartRenderer.rendered(ChartRenderer.byName(env + "-zone-" + zone)), "Rollout")) {
                    String image = Manifests.podSpec(r).path("containers").get(0).path("image").asText();
                    assertTrue(image.endsWith(":" + tags.get(env)), image + " carries the tag of " + env);
                }
            }
        }
    }
}
