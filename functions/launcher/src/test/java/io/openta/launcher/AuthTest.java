package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.openta.model.events.Topics;

/**
 * The operators' API of the real functions app, started by the launcher with its data folder's key: who may call
 * what. 401 (JSON, with a reason) without a token, with another key's token and with an expired one; 403 (JSON) for a
 * role below the call's; the call made for the right role; the rollback log's "by" is the token's user; probes stay
 * open; a token printed by {@code openta token} is accepted; without a key the app does not start.
 */
class AuthTest {
    private static final String DAY = "20261125";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void everyCallNeedsAValidTokenWithARoleThatAllowsIt() throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        Path data = work.resolve("data");
        ClusterOptions options = TestCases.options(data);
        Path inboxRoot = TestCases.inboxRoot(golden, work.resolve("in"), DAY);
        try (LocalCluster cluster = LocalCluster.start(options.withHttp(0, Map.of("OPENTA_STORAGE_INBOX_ROOT",
                inboxRoot.toString(), "OPENTA_STORAGE_OUTBOX_ROOT", work.resolve("out").toString())))) {
            String url = "http://127.0.0.1:" + cluster.functions().httpPort();
            LocalAuth auth = cluster.auth();
            String viewer = auth.mint("vera", "viewer", Duration.ofMinutes(10));
            String operator = auth.mint("otto", "operator", Duration.ofMinutes(10));
            String admin = auth.mint("carol", "admin", Duration.ofMinutes(10));

            // no token, another key's token, an expired one (past the verifier's 60 s clock skew): 401 with a reason
            Answer none = call(url, "GET", "/api/days", null, null);
            assertEquals(401, none.status, none.body);
            assertTrue(none.json().path("message").asText().contains("no bearer token"), none.body);
            assertEquals("Bearer", none.wwwAuthenticate, "the scheme to use");
            String foreign = LocalAuth.open(work.resolve("other-key")).mint("mallory", "admin", Duration.ofMinutes(10));
            Answer forged = call(url, "POST", "/api/days/" + DAY + "/rollback", foreign, "{\"to\":\"day-init\"}");
            assertEquals(401, forged.status, forged.body);
            assertTrue(forged.json().path("message").asText().startsWith("the bearer token was refused"), forged.body);
            Answer expired = call(url, "GET", "/api/days", auth.mint("vera", "viewer", Duration.ofSeconds(-300)), null);
            assertEquals(401, expired.status, expired.body);
            assertTrue(expired.json().path("message").asText().startsWith("the bearer token was refused"),
                    expired.body);

            // probes stay open
            assertEquals(200, call(url, "GET", "/q/health/ready", null, null).status);
            assertEquals(200, call(url, "GET", "/q/metrics", null, null).status);

            // a viewer reads, and may not start, cancel or roll back
            assertEquals(200, call(url, "GET", "/api/days", viewer, null).status);
            assertEquals(200, call(url, "GET", "/api/leader", viewer, null).status);
            for (String action : new String[] { "start", "cancel", "rollback" }) {
                Answer refused = call(url, "POST", "/api/days/" + DAY + "/" + action, viewer, "{}");
                assertEquals(403, refused.status, action + ": " + refused.body);
                assertTrue(refused.json().path("message").asText().startsWith("vera (roles [viewer]) may not call"),
                        refused.body);
            }
            // an operator starts the day, and may not cancel it or migrate a register
            assertEquals(403, call(url, "POST", "/api/days/" + DAY + "/cancel", operator, "{}").status);
            assertEquals(403, call(url, "POST", "/api/register/migrate", operator, "{}").status);
            Answer started = call(url, "POST", "/api/days/" + DAY + "/start", operator, "{}");
            assertEquals(202, started.status, started.body);
            new Api(cluster).await(DAY, Api.inStatus("COMPLETED"), Duration.ofMinutes(2), "completed");

            // an admin rolls back; the log says who from the token, and a caller-chosen "by" is refused
            Answer chosen = call(url, "POST", "/api/days/" + DAY + "/rollback", admin,
                    "{\"to\":\"export\",\"by\":\"somebody-else\"}");
            assertEquals(400, chosen.status, chosen.body);
            Answer rolledBack = call(url, "POST", "/api/days/" + DAY + "/rollback", admin, "{\"to\":\"export\"}");
            assertEquals(200, rolledBack.status, rolledBack.body);
            JsonNode day = call(url, "GET", "/api/days/" + DAY, viewer, null).json();
            assertEquals(1, day.path("rollbacks").size(), day.toString());
            assertEquals("carol", day.path("rollbacks").get(0).path("by").asText());

            // what ./openta token prints for this data folder is accepted
            TokenCommandTest.Result printed = TokenCommandTest.cli(Map.of(), "token", "--user", "dave", "--role",
                    "viewer", "--data", data.toString());
            assertEquals(0, printed.code(), printed.err());
            assertEquals(200, call(url, "GET", "/api/days/" + DAY, printed.out().trim(), null).status);
        }
    }

    /** Secure by default: the packaged app, started without a key to verify tokens with, does not start. */
    @Test
    void theAppRefusesToStartWithoutAKeyOrIssuer() throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(work.resolve("pg"));
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(work.resolve("kafka"))) {
            EmbeddedKafkaBroker.createTopics(kafka.bootstrapServers(), Topics.all(), 2);
            FunctionsProcess.Settings noKey = new FunctionsProcess.Settings(FunctionsProcess.locateJar(Map.of()),
                    pg.jdbcUrl(), pg.reactiveUrl(), pg.user(), pg.password(), kafka.bootstrapServers(), "99", 2,
                    work.resolve("staging"), work.resolve("logs/functions.log"), 0, Map.of());
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> FunctionsProcess.start(noKey, Duration.ofMinutes(2)).stop());
            assertTrue(refused.getMessage().contains("cannot start the scheduler: no key to verify operators' tokens: "
                    + "set MP_JWT_VERIFY_PUBLICKEY_LOCATION"), refused.getMessage());
        }
    }

    private record Answer(int status, String body, String wwwAuthenticate) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    private static Answer call(String url, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type",
                "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r.headers().firstValue("WWW-Authenticate").orElse(null));
    }
}
