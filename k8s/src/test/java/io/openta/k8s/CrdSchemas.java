package io.openta.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CRD schemas in ${openta.shared.dir}/schemas, as JSON Schema validators.
 * <p>
 * Takes spec.versions[name=version].schema.openAPIV3Schema of the CRD of (group, kind) and adapts the
 * OpenAPI/structural-schema dialect to JSON Schema (draft 4, which OpenAPI v3 schemas follow):
 * <ul>
 *   <li>an object schema with {@code properties} and neither {@code additionalProperties} nor
 *   {@code x-kubernetes-preserve-unknown-fields: true} gets {@code additionalProperties: false}: the API server
 *   would silently prune such a field, so a manifest carrying one is wrong;</li>
 *   <li>{@code nullable: true} adds "null" to the type;</li>
 *   <li>{@code x-kubernetes-int-or-string} without a type accepts integers and strings;</li>
 *   <li>{@code x-kubernetes-embedded-resource} allows apiVersion, kind and metadata;</li>
 *   <li>other x-kubernetes-* keywords (list types, CEL validations) and {@code format}s are annotations only.</li>
 * </ul>
 */
final class CrdSchemas {

    private final Path dir;
    private final Map<String, Schema> cache = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> crdsByGroupKind = new HashMap<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    CrdSchemas(Path dir) {
        this.dir = dir;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).collect(Collectors.toList())) {
                for (JsonNode crd : Manifests.parse(f)) {
                    if ("CustomResourceDefinition".equals(Manifests.kind(crd))) {
                        JsonNode spec = crd.path("spec");
                        crdsByGroupKind.put(spec.path("group").asText() + "/" + spec.path("names").path("kind").asText(), crd);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    boolean supports(JsonNode o) {
        String[] gv = o.path("apiVersion").asText().split("/");
        return gv.length == 2 && crdsByGroupKind.containsKey(gv[0] + "/" + Manifests.kind(o));
    }

    /** Validation errors of an object against its CRD's schema (empty: valid). */
    List<String> errors(JsonNode o) {
        String[] gv = o.path("apiVersion").asText().split("/");
        if (gv.length != 2) {
            return List.of("apiVersion " + o.path("apiVersion") + " is not group/version");
        }
        String key = gv[0] + "/" + Manifests.kind(o);
        JsonNode crd = crdsByGroupKind.get(key);
        if (crd == null) {
            return List.of("no CRD for " + key + " in " + dir);
        }
        Schema schema = cache.computeIfAbsent(o.path("apiVersion").asText() + "/" + Manifests.kind(o), k -> compile(crd, gv[1]));
        if (schema == null) {
            return List.of("CRD " + key + " has no served version " + gv[1]);
        }
        List<Error> errors = schema.validate(o);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).collect(Collectors.toList());
    }

    /** Asserts that the object is valid. */
    void validate(JsonNode o) {
        List<String> errors = errors(o);
        if (!errors.isEmpty()) {
            throw new AssertionError(Manifests.id(o) + " does not match its CRD schema:\n  " + String.join("\n  ", errors));
        }
    }

    private Schema compile(JsonNode crd, String version) {
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (version.equals(v.path("name").asText()) && v.path("served").asBoolean(true)) {
                JsonNode s = v.path("schema").path("openAPIV3Schema").deepCopy();
                ObjectNode root = (ObjectNode) adapt(s);
                // apiVersion, kind, metadata are always allowed at the top
                ObjectNode props = root.with("properties");
                props.putIfAbsent("apiVersion", JsonNodeFactory.instance.objectNode().put("type", "string"));
                props.putIfAbsent("kind", JsonNodeFactory.instance.objectNode().put("type", "string"));
                props.putIfAbsent("metadata", JsonNodeFactory.instance.objectNode().put("type", "object"));
                return registry.getSchema(root);
            }
        }
        return null;
    }

    /** Rewrites an OpenAPI v3 structural schema into a strict JSON Schema (draft 4). */
    static JsonNode adapt(JsonNode node) {
        if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, adapt(a.get(i)));
            }
            return a;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode o = (ObjectNode) node;
        // recurse into sub-schemas
        if (o.has("properties")) {
            ObjectNode props = (ObjectNode) o.get("properties");
            Iterator<Map.Entry<String, JsonNode>> it = props.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(adapt(e.getValue()));
            }
        }
        for (String k : List.of("items", "additionalProperties", "not")) {
            if (o.has(k) && (o.get(k).isObject() || o.get(k).isArray())) {
                o.set(k, adapt(o.get(k)));
            }
        }
        for (String k : List.of("allOf", "anyOf", "oneOf")) {
            if (o.has(k)) {
                o.set(k, adapt(o.get(k)));
            }
        }
        boolean preserve = o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean embedded = o.path("x-kubernetes-embedded-resource").asBoolean(false);
        if (embedded) {
            ObjectNode props = o.with("properties");
            props.putIfAbsent("apiVersion", JsonNodeFactory.instance.objectNode().put("type", "string"));
            props.putIfAbsent("kind", JsonNodeFactory.instance.objectNode().put("type", "string"));
            props.putIfAbsent("metadata", JsonNodeFactory.instance.objectNode().put("type", "object"));
        }
        if (o.has("properties") && !o.has("additionalProperties") && !preserve) {
            o.put("additionalProperties", false);
        }
        if (o.path("x-kubernetes-int-or-string").asBoolean(false) && !o.has("type") && !o.has("anyOf")) {
            ArrayNode t = JsonNodeFactory.instance.arrayNode().add("integer").add("string");
            o.set("type", t);
        }
        if (o.path("nullable").asBoolean(false) && o.has("type") && o.get("type").isTextual()) {
            ArrayNode t = JsonNodeFactory.instance.arrayNode().add(o.get("type").asText()).add("null");
            o.set("type", t);
        }
        // annotations of the Kubernetes dialect: not JSON Schema keywords
        o.remove(List.of("x-kubernetes-validations", "format"));
        return o;
    }
}
