package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Test conveniences over the scheduler's REST API of a running cluster, signed in with a token of the cluster's own key:
 * an admin "test" by default, or another user ({@link #as}).
 */
final class Api {
    /** Long enough for the longest test; the launcher's own tokens live minutes only. */
    static final Duration TEST_TOKEN_TTL = Duration.ofHours(2);

    private final ApiClient client;
    private final String url;
    private final LocalAuth auth;

    Api(LocalCluster cluster) {
        this("http://127.0.0.1:" + cluster.functions().httpPort(), cluster.auth(), "test");
    }

    private Api(String url, LocalAuth auth, String user) {
        this.url = url;
        this.auth = auth;
        this.client = new ApiClient(url, auth.mint(user, "admin", TEST_TOKEN_TTL));
    }

    /** The same API, as admin {@code user} (the rollback log's "by"). */
    Api as(String user) {
        return new Api(url, auth, user);
    }

    JsonNode status(String date) throws ApiClient.ApiException {
        return client.get("/api/days/" + date);
    }

    JsonNode post(String date, String action, Map<String, String> body) throws ApiClient.ApiException {
        return client.post("/api/days/" + date + "/" + action, body);
    }

    JsonNode rollbackTo(String date, String stage) throws ApiClient.ApiException {
        return post(date, "rollback", Map.of("to", stage));
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
