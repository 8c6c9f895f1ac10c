package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/** Test conveniences over the scheduler's REST API of a running cluster. */
final class Api {
    private final ApiClient client;

    Api(LocalCluster cluster) {
        this.client = new ApiClient("http://127.0.0.1:" + cluster.functions().httpPort());
    }

    JsonNode status(String date) throws ApiClient.ApiException {
        return client.get("/api/days/" + date);
    }

    JsonNode post(String date, String action, Map<String, String> body) throws ApiClient.ApiException {
        return client.post("/api/days/" + date + "/" + action, body, "test");
    }

    JsonNode rollbackTo(String date, String stage) throws ApiClient.ApiException {
        return post(date, "rollback", Map.of("to", stage, "by", "test"));
    }

    /** Polls the day's status until it matches, failing after {@code timeout}. */
    JsonNode await(String date, Predicate<JsonNode> condition, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = status(date);
                if (condition.test(last)) {
                    return last;
                }
            } catch (ApiClient.ApiException e) {
                // not there yet
            }
            Thread.sleep(20);
        }
        fail("day " + date + " never became " + what + "; last status " + last);
        return null;
    }

    static Predicate<JsonNode> inStatus(String... any) {
        return d -> java.util.List.of(any).contains(d.path("status").asText());
    }
}
