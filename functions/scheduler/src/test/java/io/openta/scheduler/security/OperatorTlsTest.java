package io.openta.scheduler.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The operators' API over HTTPS, configured as README.md "Operators sign in" says (a PEM certificate and key, plain
 * HTTP disabled), against a real PostgreSQL and Kafka: a client that trusts the certificate gets the API's answers
 * (401 without a token, 200 with one); a client that does not trust it fails the handshake; nothing answers plain
 * HTTP.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedInfra.class)
@QuarkusTestResource(value = TlsInfra.class, restrictToAnnotatedClass = true)
class OperatorTlsTest {
    @ConfigProperty(name = EmbeddedInfra.PRIVATE_KEY_CONFIG)
    String privateKey;

    @Test
    void theApiAnswersOverHttpsWithTheConfiguredCertificateAndNotOverPlainHttp() throws Exception {
        // read here, not injected: every test class is a bean of whichever app runs, and an injected key that only
        // this class's resource sets would fail the other classes' app starts
        Config config = ConfigProvider.getConfig();
        Path certificate = config.getValue(TlsInfra.CERTIFICATE_CONFIG, Path.class);
        int httpPort = config.getValue(TlsInfra.HTTP_PORT_CONFIG, Integer.class);
        int httpsPort = config.getValue("quarkus.http.test-ssl-port", Integer.class);
        HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(certificate))
                .connectTimeout(Duration.ofSeconds(10)).build();
        String https = "https://localhost:" + httpsPort;

        assertEquals(200, get(trusting, https + "/q/health/live", null).statusCode(), "probes over HTTPS");
        HttpResponse<String> anonymous = get(trusting, https + "/api/days", null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        String viewer = OperatorAuthTest.token(key(), "vera", "viewer", 600);
        HttpResponse<String> days = awaitLeader(trusting, https + "/api/days", viewer);
        assertEquals(200, days.statusCode(), days.body());
        assertTrue(days.body().startsWith("["), days.body());

        // the certificate is what the server presents: a client trusting only the JDK's CAs refuses it
        HttpClient jdkDefault = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        assertThrows(SSLHandshakeException.class, () -> get(jdkDefault, https + "/q/health/live", null));

        // QUARKUS_HTTP_INSECURE_REQUESTS=disabled: no plain-HTTP listener at all
        assertThrows(ConnectException.class, () -> get(trusting, "http://localhost:" + httpPort + "/q/health/live",
                null));
    }

    /** The API answers 503 until this scheduler leads (a fresh app takes the lease within seconds). */
    private static HttpResponse<String> awaitLeader(HttpClient client, String url, String token) throws Exception {
        HttpResponse<String> r = get(client, url, token);
        for (int i = 0; i < 300 && r.statusCode() == 503; i++) {
            Thread.sleep(50);
            r = get(client, url, token);
        }
        return r;
    }

    private static HttpResponse<String> get(HttpClient client, String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A TLS context trusting exactly {@code pem}. */
    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            trust.setCertificateEntry("openta", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private PrivateKey key() throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(
                privateKey)));
    }
}
