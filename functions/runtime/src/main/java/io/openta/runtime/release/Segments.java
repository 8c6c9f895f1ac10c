package io.openta.runtime.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A release plan's segments, as {@code segments.json} (the rollout chart's segment ConfigMap) defines them:
 *
 * <pre>
 * {"buckets": 100,
 *  "accountGroups": {"internal-test": {"accounts": ["100000000001"]},
 *                    "pilot-distributors": {"distributors": ["D01"]}},
 *  "steps": [{"step": "beta", "accountGroups": ["internal-test"], "buckets": []},
 *            {"step": "gray-20", "accountGroups": ["internal-test", "pilot-distributors"], "buckets": [0, 19]}]}
 * </pre>
 *
 * A step's {@code buckets} is one inclusive range {@code [first, last]} or a list of such ranges; bucket =
 * {@link Segment#bucketOf slot * buckets / 1024}. A step's {@code firstStepIndex} (the rollout chart writes it) is
 * the index, in the Argo Rollout's {@code spec.strategy.canary.steps}, of the first canary step of that release step:
 * the Rollout follower maps the Rollout's {@code status.currentStepIndex} to a step with it
 * ({@link #stepAtRolloutIndex}). Other fields of a step (phase, canaryWeight, pause...) belong to the Rollout and are
 * ignored here. A file that does not parse, a step naming an undefined account group, bucket
 * ranges out of range or overlapping each other, or two steps of one name are refused with one
 * {@link SegmentsException} line.
 */
public final class Segments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;
    private final Map<String, Segment> steps;
    /** firstStepIndex -> step, of the steps that carry one. */
    private final TreeMap<Integer, String> byRolloutIndex;

    private Segments(String file, Map<String, Segment> steps, TreeMap<Integer, String> byRolloutIndex) {
        this.file = file;
        this.steps = steps;
        this.byRolloutIndex = byRolloutIndex;
    }

    public static Segments read(Path path) {
        try {
            return parse(path.toString(), Files.readString(path));
        } catch (IOException e) {
            throw new SegmentsException(path.toString(), null, "cannot be read: " + e.getMessage());
        }
    }

    public static Segments parse(String file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SegmentsException(file, null, "does not parse: " + e.getOriginalMessage().lines().findFirst()
                    .orElse("") + " at line " + e.getLocation().getLineNr());
        }
        if (root == null || !root.isObject()) {
            throw new SegmentsException(file, null, "is not a JSON object");
        }
        int buckets = root.path("buckets").asInt(100);
        if (buckets < 1 || buckets > io.openta.runtime.task.Slots.COUNT) {
            throw new SegmentsException(file, null, "buckets " + root.path("buckets") + " is not between 1 and "
                    + io.openta.runtime.task.Slots.COUNT);
        }
        Map<String, Group> groups = groups(file, root.path("accountGroups"));
        JsonNode list = root.path("steps");
        if (!list.isArray() || list.isEmpty()) {
            throw new SegmentsException(file, null, "has no steps (a non-empty array \"steps\")");
        }
        Map<String, Segment> steps = new LinkedHashMap<>();
        TreeMap<Integer, String> byRolloutIndex = new TreeMap<>();
        for (JsonNode s : list) {
            String name = s.path("step").asText("");
            if (name.isBlank()) {
                throw new SegmentsException(file, null, "a step has no name (\"step\")");
            }
            if (steps.containsKey(name)) {
                throw new SegmentsException(file, name, "is defined twice");
            }
            steps.put(name, step(file, name, s, buckets, groups));
            JsonNode first = s.path("firstStepIndex");
            if (!first.isMissingNode() && !first.isNull()) {
                if (!first.isInt() || first.asInt() < 0) {
                    throw new SegmentsException(file, name, "firstStepIndex " + first
                            + " is not a Rollout step index (an integer >= 0)");
                }
                String other = byRolloutIndex.put(first.asInt(), name);
                if (other != null) {
                    throw new SegmentsException(file, name, "firstStepIndex " + first + " is also step " + other
                            + "'s");
                }
            }
        }
        return new Segments(file, steps, byRolloutIndex);
    }

    /**
     * The step an Argo Rollout is in when its {@code status.currentStepIndex} is {@code rolloutStepIndex}: the step
     * with the greatest {@code firstStepIndex} at or below it (a Rollout that went past its last canary step stays in
     * the last release step); empty before the first step's index. A file whose steps carry no firstStepIndex is
     * refused: it cannot say which step a Rollout is in.
     */
    public Optional<String> stepAtRolloutIndex(int rolloutStepIndex) {
        if (byRolloutIndex.isEmpty()) {
            throw new SegmentsException(file, null, "no step carries firstStepIndex (the index of its first step in "
                    + "the Rollout's canary steps): the Rollout's current step cannot be mapped to a step");
        }
        Map.Entry<Integer, String> e = byRolloutIndex.floorEntry(rolloutStepIndex);
        return e == null ? Optional.empty() : Optional.of(e.getValue());
    }

    /** The segment of {@code step}; a step this file does not define is refused. */
    public Segment segment(String step) {
        Segment s = steps.get(step);
        if (s == null) {
            throw new SegmentsException(file, step, "is not a step of this file (steps: " + String.join(", ",
                    steps.keySet()) + ")");
        }
        return s;
    }

    public List<String> steps() {
        return List.copyOf(steps.keySet());
    }

    private record Group(List<Long> accounts, List<String> distributors) {
    }

    private static Map<String, Group> groups(String file, JsonNode node) {
        Map<String, Group> groups = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return groups;
        }
        if (!node.isObject()) {
            throw new SegmentsException(file, null, "accountGroups is not an object of named groups");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> g = it.next();
            List<Long> accounts = new ArrayList<>();
            for (JsonNode a : g.getValue().path("accounts")) {
                String id = a.asText();
                if (!id.matches("[0-9]{1,12}")) {
                    throw new SegmentsException(file, null, "account group " + g.getKey() + ": account '" + id
                            + "' is not a TAAccountID (1 to 12 digits)");
                }
                accounts.add(Long.parseLong(id));
            }
            List<String> distributors = new ArrayList<>();
            for (JsonNode d : g.getValue().path("distributors")) {
                String code = d.asText();
                if (!code.matches("[0-9A-Za-z]{1,9}")) {
                    throw new SegmentsException(file, null, "account group " + g.getKey() + ": distributor '" + code
                            + "' is not a distributor code (1 to 9 letters or digits)");
                }
                distributors.add(code);
            }
            groups.put(g.getKey(), new Group(accounts, distributors));
        }
        return groups;
    }

    private static Segment step(String file, String name, JsonNode s, int buckets, Map<String, Group> groups) {
        TreeSet<Long> accounts = new TreeSet<>();
        TreeSet<String> distributors = new TreeSet<>();
        for (JsonNode g : s.path("accountGroups")) {
            Group group = groups.get(g.asText());
            if (group == null) {
                throw new SegmentsException(file, name, "account group '" + g.asText() + "' is not defined "
                        + "(accountGroups defines: " + String.join(", ", groups.keySet()) + ")");
            }
            accounts.addAll(group.accounts());
            distributors.addAll(group.distributors());
        }
        List<int[]> ranges = ranges(file, name, s.path("buckets"), buckets);
        TreeSet<Integer> slots = new TreeSet<>();
        for (int i = 0; i < ranges.size(); i++) {
            int[] r = ranges.get(i);
            for (int j = 0; j < i; j++) {
                int[] o = ranges.get(j);
                if (r[0] <= o[1] && o[0] <= r[1]) {
                    throw new SegmentsException(file, name, "buckets [" + r[0] + "," + r[1] + "] overlap ["
                            + o[0] + "," + o[1] + "]");
                }
            }
            slots.addAll(Segment.slotsOf(r[0], r[1], buckets));
        }
        return new Segment(name, List.copyOf(slots), List.copyOf(accounts), List.copyOf(distributors));
    }

    /** [] (none), [first, last], or [[first, last], ...]. */
    private static List<int[]> ranges(String file, String step, JsonNode node, int buckets) {
        List<int[]> ranges = new ArrayList<>();
        if (node.isMissingNode() || node.isNull() || (node.isArray() && node.isEmpty())) {
            return ranges;
        }
        if (!node.isArray()) {
            throw new SegmentsException(file, step, "buckets " + node + " is not [first, last] or a list of them");
        }
        if (node.get(0).isArray()) {
            for (JsonNode r : node) {
                ranges.add(range(file, step, r, buckets));
            }
        } else {
            ranges.add(range(file, step, node, buckets));
        }
        return ranges;
    }

    private static int[] range(String file, String step, JsonNode r, int buckets) {
        if (!r.isArray() || r.size() != 2 || !r.get(0).isInt() || !r.get(1).isInt()) {
            throw new SegmentsException(file, step, "buckets " + r + " is not [first, last]");
        }
        int first = r.get(0).asInt();
        int last = r.get(1).asInt();
        if (first < 0 || last < first || last >= buckets) {
            throw new SegmentsException(file, step, "buckets " + r + " is not a range within 0.." + (buckets - 1));
        }
        return new int[] { first, last };
    }
}
