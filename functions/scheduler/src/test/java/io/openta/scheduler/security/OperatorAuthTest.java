package io.openta.scheduler.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The scheduler's API rules with real tokens (RS256, signed here) against the real verifier, PostgreSQL and Kafka:
 * 401 as JSON without a token, with another key's or an expired token; 403 for a viewer's start, cancel and rollback;
 * the right role gets through; the rollback log's "by" is the token's subject; stress day calls
 * ({@code ?traffic=shadow}) are refused while shadow traffic is off.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedInfra.class)
class OperatorAuthTest {
    private static final String DAY = "20260105";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;
    @ConfigProperty(name = EmbeddedInfra.PRIVATE_KEY_CONFIG)
    String privateKey;
    @ConfigProperty(name = EmbeddedInfra.JDBC_URL_CONFIG)
    String jdbcUrl;

    private PrivateKey key() throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(
                privateKey)));
    }

    /** The API is served by the leader only: wait until this scheduler took the lease. */
    @BeforeEach
    void awaitLeadership() throws Exception {
        String viewer = token(key(), "vera", "viewer", 600);
        ApiAnswer a = null;
        for (int i = 0; i < 300; i++) {
            a = call("GET", "api/leader", viewer, null);
            if (a.status() == 200 && a.json().path("leading").asBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the scheduler never led: " + a);
    }

    @Test
    void withoutAValidTokenTheAnswerIs401AsJson() throws Exception {
        ApiAnswer none = call("GET", "api/days", null, null);
        assertEquals(401, none.status(), none.body());
        assertTrue(none.json().path("message").asText().startsWith("no bearer token"), none.body());

        PrivateKey other = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        String forgedToken = token(other, "mallory", "admin", 600);
        ApiAnswer forged = call("GET", "api/days", forgedToken, null);
        assertEquals(401, forged.status(), forged.body());
        assertTrue(forged.json().path("message").asText().startsWith("the bearer token was refused"), forged.body());
        assertTrue(!forged.body().contains(forgedToken.substring(0, 40)), "the reason does not echo the token");

        ApiAnswer expired = call("GET", "api/days", token(key(), "vera", "viewer", -300), null);
        assertEquals(401, expired.status(), expired.body());
        assertTrue(expired.json().path("message").asText().startsWith("the bearer token was refused"), expired.body());

        assertEquals(200, call("GET", "q/health/live", null, null).status(), "probes stay open");
    }

    @Test
    void eachRoleMayCallWhatItAllowsAndTheLogNamesTheTokensSubject() throws Exception {
        PrivateKey key = key();
        String viewer = token(key, "vera", "viewer", 600);
        for (String action : List.of("start", "cancel", "rollback")) {
            ApiAnswer refused = call("POST", "api/days/" + DAY + "/" + action, viewer, "{}");
            assertEquals(403, refused.status(), action + ": " + refused.body());
            assertTrue(refused.json().path("message").asText().contains("may not call"), refused.body());
        }
        assertEquals(200, call("GET", "api/days", viewer, null).status());
        assertEquals(403, call("POST", "api/days/" + DAY + "/cancel", token(key, "otto", "operator", 600), "{}")
                .status());
        assertEquals(202, call("POST", "api/days/" + DAY + "/start", token(key, "otto", "operator", 600), "{}")
                .status());

        // a day as a finished one leaves it (this app runs no stages): then the admin's rollback is logged as hers
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO sched.day (biz_date, status, stage, step, inbox, outbox) VALUES ('20260106', "
                    + "'COMPLETED', 'profit-export', '', '/nowhere', '/nowhere') ON CONFLICT DO NOTHING");
        }
        String admin = token(key, "carol", "admin", 600);
        ApiAnswer chosen = call("POST", "api/days/20260106/rollback", admin, "{\"to\":\"export\",\"by\":\"eve\"}");
        assertEquals(400, chosen.status(), "a caller-chosen by is refused: " + chosen.body());
        ApiAnswer done = call("POST", "api/days/20260106/rollback", admin, "{\"to\":\"export\"}");
        assertEquals(200, done.status(), done.body());
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT done_by FROM sched.rollback_log WHERE biz_date = '20260106'")) {
            assertTrue(rs.next(), "the rollback is logged");
            assertEquals("carol", rs.getString(1));
        }
    }

    /** Without shadow traffic (the default) the stress day calls are refused with one line; production's answer. */
    @Test
    void stressDayCallsAreRefusedWithShadowTrafficOff() throws Exception {
        PrivateKey key = key();
        for (ApiAnswer refused : List.of(call("GET", "api/days?traffic=shadow", token(key, "vera", "viewer", 600), null),
                call("POST", "api/days/" + DAY + "/pause?traffic=shadow", token(key, "otto", "operator", 600), "{}"))) {
            assertEquals(409, refused.status(), refused.body());
            assertEquals(io.openta.scheduler.service.DayScheduler.SHADOW_REFUSED,
                    refused.json().path("message").asText());
        }
        assertEquals(200, call("GET", "api/days?traffic=production", token(key, "vera", "viewer", 600), null).status());
    }

    /** An RS256 JWT as an issuer makes it: iss, sub, groups (the role), exp {@code ttl} seconds from now. */
    static String token(PrivateKey key, String user, String role, long ttl) throws Exception {
        long now = Instant.now().getEpochSecond();
        String input = b64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT"))) + "." + b64(JSON
                .writeValueAsBytes(Map.of("iss", EmbeddedInfra.ISSUER, "sub", user, "groups", List.of(role), "iat",
                        now, "exp", now + ttl)));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(rs256.sign());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private ApiAnswer call(String method, String path, String token, String body) throws Exception {
        return ApiAnswer.call(base, method, path, token, body);
    }
}
