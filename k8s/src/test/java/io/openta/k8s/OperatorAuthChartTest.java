package io.openta.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scheduler refuses to start without a key and issuer for operators' tokens (AuthConfigCheck): the chart passes
 * {@code operatorAuth.*} as MP_JWT_VERIFY_* to every function's environment, and does not invent them.
 */
class OperatorAuthChartTest {
    private static final String JWKS = "https://idp.example/realms/ta/protocol/openid-connect/certs";

    @Test
    void issuerAndKeyLocationReachTheFunctionsEnvironment() {
        List<JsonNode> objects = AccessChartTest.render(Map.of("operatorAuth.issuer", "https://idp.example/realms/ta",
                "operatorAuth.publicKeyLocation", JWKS));
        Map<String, String> env = AccessChartTest.configEnv(objects);
        assertEquals("https://idp.example/realms/ta", env.get("MP_JWT_VERIFY_ISSUER"));
        assertEquals(JWKS, env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
    }

    @Test
    void unsetMeansNoneRendered() {
        Map<String, String> env = AccessChartTest.configEnv(AccessChartTest.render(Map.of()));
        assertFalse(env.containsKey("MP_JWT_VERIFY_ISSUER"));
        assertFalse(env.containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
    }
}
