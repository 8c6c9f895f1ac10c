package io.openta.k8s;

import static io.openta.k8s.Manifests.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rendered AnalysisTemplates judge the canary only and fail on missing data during a clearing window. The
 * queries are checked two ways: their text (selectors by track, version, stage and namespace; the conditions; no
 * {@code or vector(0)}) and what they give, evaluated by Prometheus's own engine ({@code promtool test rules}, from
 * Debian's prometheus package, as .ci/run installs it) over series shaped like the ones OpenTA exports, with the
 * arguments the clearing Rollout passes substituted.
 */
class CanaryAnalysisTest {
    private static final String FAILURE = "-task-failure-rate";
    private static final String MISMATCHES = "-verify-mismatches";

    private static List<JsonNode> objects;
    private static Map<String, String> args;

    static List<ChartRenderer.Combination> combinations() {
        return ChartRenderer.combinations();
    }

    @BeforeAll
    static void render() {
        objects = ChartRenderer.rendered(ChartRenderer.byName("zone-a"));
        args = analysisArgs(objects, "openta-a-clearing");
    }

    private static Map<String, String> analysisArgs(List<JsonNode> objects, String rollout) {
        JsonNode analysis = get(objects, "Rollout", rollout).path("spec").path("strategy").path("canary")
                .path("steps").get(2).path("analysis");
        Map<String, String> out = new LinkedHashMap<>();
        analysis.path("args").forEach(a -> out.put(a.path("name").asText(), a.path("value").asText()));
        return out;
    }

    private static JsonNode metric(List<JsonNode> objects, String template) {
        return get(objects, "AnalysisTemplate", template).path("spec").path("metrics").get(0);
    }

    private static String query(JsonNode metric) {
        return metric.path("provider").path("prometheus").path("query").asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void theQueriesSelectTheCanaryOfTheVersionBeingRolledOut(ChartRenderer.Combination c) {
        List<JsonNode> rendered = ChartRenderer.rendered(c);
        for (String f : OpenTa.FUNCTIONS) {
            JsonNode container = get(rendered, "Rollout", c.release() + "-" + f).path("spec").path("template")
                    .path("spec").path("containers").get(0);
            String version = null;
            for (JsonNode e : container.path("env")) {
                if ("OPENTA_VERSION".equals(e.path("name").asText())) {
                    version = e.path("value").asText();
                }
            }
            assertEquals(version, analysisArgs(rendered, c.release() + "-" + f).get("canary-version"),
                    f + ": the analysis judges the version the canary pods report (OPENTA_VERSION)");
        }
        String tasks = query(metric(rendered, c.release() + FAILURE));
        for (String counter : List.of("openta_tasks_failed_total", "openta_tasks_completed_total")) {
            assertTrue(tasks.contains(counter + "{stage=\"{{args.stage}}\",namespace=\"{{args.namespace}}\","
                    + "track=\"canary\",version=\"{{args.canary-version}}\"}"), tasks);
        }
        assertTrue(tasks.contains("openta_tasks_dispatched_total{stage=\"{{args.stage}}\",traffic!=\"shadow\","
                + "namespace=\"{{args.namespace}}\"}"), "the clearing window of the stage: " + tasks);
        String verify = query(metric(rendered, c.release() + MISMATCHES));
        assertTrue(verify.contains("max(openta_verify_mismatches_total{namespace=\"{{args.namespace}}\","
                + "track=\"canary\",version=\"{{args.canary-version}}\"})"), verify);
        assertTrue(verify.contains("openta_verify_runs_total{namespace=\"{{args.namespace}}\"}"), verify);
        for (JsonNode t : Manifests.ofKind(rendered, "AnalysisTemplate")) {
            assertFalse(t.toString().contains("vector(0)"), "no data must not read as 0: " + t);
        }
    }

    @Test
    void noDataFailsAndOnlyTheNoWindowValuePassesUnjudged() {
        for (String t : List.of(FAILURE, MISMATCHES)) {
            JsonNode m = metric(objects, "openta-a" + t);
            String limit = t.equals(FAILURE) ? "0.01" : "0";
            assertEquals("len(result) == 0 || (result[0] != -1 && result[0] > " + limit + ")",
                    m.path("failureCondition").asText(), t);
            assertEquals("len(result) > 0 && (result[0] == -1 || result[0] <= " + limit + ")",
                    m.path("successCondition").asText(), t);
        }
    }

    /**
     * What the task failure rate query gives (window 5m, samples every minute): the canary's rate during a clearing
     * window, whatever stable does; nothing (so failure) when the canary did no work or no metrics arrive while the
     * stage clears; -1 when the stage dispatched nothing in the window.
     */
    @Test
    void theTaskFailureRateJudgesTheCanaryAndFailsOnNoDataWhileTheStageClears() throws Exception {
        String q = resolve(query(metric(objects, "openta-a" + FAILURE)));
        String stage = "stage=\"clearing\",namespace=\"openta\"";
        String canary = stage + ",track=\"canary\",version=\"" + args.get("canary-version") + "\"";
        String stable = stage + ",track=\"stable\",version=\"0.9.0\"";
        String dispatched = series("openta_tasks_dispatched_total{" + stage + "}", "0 0 0 10 20 30 30 30 30 30 30 30 30 30");
        String stableFailing = series("openta_tasks_failed_total{" + stable + "}", "0 0 0 5 10 15 15 15 15 15 15 15 15 15")
                + series("openta_tasks_completed_total{" + stable + "}", "0 0 0 1 2 3 3 3 3 3 3 3 3 3");
        List<String> cases = new ArrayList<>();
        // the canary failed 1 task of 10 while the stage cleared; stable's failures are not its
        cases.add(testCase(dispatched + stableFailing
                + series("openta_tasks_completed_total{" + canary + "}", "0 0 0 3 6 9 9 9 9 9 9 9 9 9")
                + series("openta_tasks_failed_total{" + canary + "}", "0 0 0 0 1 1 1 1 1 1 1 1 1 1"),
                expr(q, "6m", "0.1") + expr(q, "13m", "-1")));
        // the canary never failed: its failed counter has no series, which reads 0, not no data
        cases.add(testCase(dispatched + series("openta_tasks_completed_total{" + canary + "}", "0 0 0 3 6 9 9 9 9 9 9 9 9 9"),
                expr(q, "6m", "0")));
        // the stage cleared, the canary did nothing (its counters exist but did not move): no result, so failure
        cases.add(testCase(dispatched + stableFailing
                + series("openta_tasks_completed_total{" + canary + "}", "4 4 4 4 4 4 4 4 4 4 4 4 4 4"),
                expr(q, "6m", null)));
        // the stage cleared, no canary series at all: failure
        cases.add(testCase(dispatched + stableFailing, expr(q, "6m", null)));
        // only a stress (shadow) day dispatched: no clearing window, nothing judged (the canary takes no shadow tasks)
        String shadowOnly = series("openta_tasks_dispatched_total{" + stage + ",traffic=\"shadow\"}",
                "0 0 0 10 20 30 30 30 30 30 30 30 30 30")
                + series("openta_tasks_dispatched_total{" + stage + ",traffic=\"production\"}",
                "0 0 0 0 0 0 0 0 0 0 0 0 0 0");
        cases.add(testCase(shadowOnly + stableFailing, expr(q, "6m", "-1")));
        // no scheduler series (metrics missing): failure even with canary data
        cases.add(testCase(series("openta_tasks_completed_total{" + canary + "}", "0 0 0 3 6 9 9 9 9 9 9 9 9 9"),
                expr(q, "6m", null)));
        promtool(cases);
    }

    /**
     * What the verify query gives: the mismatches attributed to the canary's version (the largest count over the
     * scheduler pods, not their sum) while days are verified; nothing when the canary ran no task of the verified
     * days; -1 when nothing was verified in the window.
     */
    @Test
    void theVerifyMismatchesJudgeTheCanaryVersionAndFailOnNoData() throws Exception {
        String q = resolve(query(metric(objects, "openta-a" + MISMATCHES)));
        String ns = "namespace=\"openta\"";
        String canary = ns + ",track=\"canary\",version=\"" + args.get("canary-version") + "\"";
        String runs = series("openta_verify_runs_total{" + ns + ",pod=\"scheduler-0\"}", "0 0 0 1 1 1 1 1 1 1 1 1 1 1")
                + series("openta_verify_runs_total{" + ns + ",pod=\"scheduler-1\"}", "0 0 0 0 1 1 1 1 1 1 1 1 1 1");
        String stableWrong = series("openta_verify_mismatches_total{" + ns + ",track=\"stable\",version=\"0.9.0\",pod=\"scheduler-0\"}",
                "0 0 0 7 7 7 7 7 7 7 7 7 7 7");
        List<String> cases = new ArrayList<>();
        // two scheduler pods each counted the canary's 3 mismatches of a day: 3, not 6
        cases.add(testCase(runs + stableWrong
                + series("openta_verify_mismatches_total{" + canary + ",pod=\"scheduler-0\"}", "_ _ _ 3 3 3 3 3 3 3 3 3 3 3")
                + series("openta_verify_mismatches_total{" + canary + ",pod=\"scheduler-1\"}", "_ _ _ _ 3 3 3 3 3 3 3 3 3 3"),
                expr(q, "6m", "3") + expr(q, "13m", "-1")));
        // the canary did work of the verified day and wrote nothing wrong: 0 (stable's mismatches are not its)
        cases.add(testCase(runs + stableWrong
                + series("openta_verify_mismatches_total{" + canary + ",pod=\"scheduler-0\"}", "_ _ _ 0 0 0 0 0 0 0 0 0 0 0"),
                expr(q, "6m", "0")));
        // a day was verified but the canary ran none of its tasks: no result, so failure
        cases.add(testCase(runs + stableWrong, expr(q, "6m", null)));
        // no verify counters at all: failure
        cases.add(testCase(stableWrong, expr(q, "6m", null)));
        promtool(cases);
    }

    /** The query with the arguments the clearing Rollout's analysis step passes. */
    private static String resolve(String query) {
        String q = query;
        for (Map.Entry<String, String> a : args.entrySet()) {
            q = q.replace("{{args." + a.getKey() + "}}", a.getValue());
        }
        assertFalse(q.contains("{{args."), "every argument is passed by the Rollout: " + q);
        return q;
    }

    private static String series(String name, String values) {
        return "      - series: '" + name + "'\n        values: '" + values + "'\n";
    }

    /** One promql_expr_test; {@code value} null: the query must give no sample at all. */
    private static String expr(String query, String at, String value) {
        String samples = value == null ? "        exp_samples: []\n"
                : "        exp_samples:\n          - labels: '{}'\n            value: " + value + "\n";
        return "      - expr: '" + query.replace("'", "''") + "'\n        eval_time: " + at + "\n" + samples;
    }

    private static String testCase(String inputSeries, String exprs) {
        return "  - interval: 1m\n    input_series:\n" + inputSeries + "    promql_expr_test:\n" + exprs;
    }

    private static void promtool(List<String> cases) throws IOException, InterruptedException {
        Path file = Files.createTempFile(Repo.target(), "analysis-", ".yaml");
        Files.writeString(file, "rule_files: []\nevaluation_interval: 1m\ntests:\n" + String.join("", cases),
                StandardCharsets.UTF_8);
        Process p;
        try {
            p = new ProcessBuilder("promtool", "test", "rules", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool not found: install Debian's prometheus package (.ci/run does)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, p.exitValue(), file + "\n" + out);
    }
}
