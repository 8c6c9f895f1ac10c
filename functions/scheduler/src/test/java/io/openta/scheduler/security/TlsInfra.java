package io.openta.scheduler.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * HTTPS as an operator configures it (beside {@link EmbeddedInfra}; restricted to the test class that names it, since
 * a test resource otherwise applies to every test of the module): a self-signed certificate for localhost, made here
 * with the JDK's {@code keytool} and written as the PEM certificate and private key files that
 * {@code QUARKUS_HTTP_SSL_CERTIFICATE_FILES} and {@code QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES} name, and plain HTTP
 * closed ({@code QUARKUS_HTTP_INSECURE_REQUESTS=disabled}). The test learns the certificate (to trust it) and the
 * plain-HTTP port (to find it closed) from {@link #CERTIFICATE_CONFIG} and {@link #HTTP_PORT_CONFIG}.
 */
public class TlsInfra implements QuarkusTestResourceLifecycleManager {
    static final String CERTIFICATE_CONFIG = "tls-test.certificate";
    static final String HTTP_PORT_CONFIG = "tls-test.http-port";
    private static final char[] PASSWORD = "changeit".toCharArray();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        try {
            Path dir = Files.createTempDirectory("openta-tls-test");
            Path store = dir.resolve("server.p12");
            Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                    .toString(), "-genkeypair", "-alias", "openta", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                    "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype",
                    "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-keypass",
                    new String(PASSWORD), "-noprompt")).redirectErrorStream(true).start();
            String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + said);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(store)) {
                ks.load(in, PASSWORD);
            }
            Certificate cert = ks.getCertificate("openta");
            Key key = ks.getKey("openta", PASSWORD);
            Path certFile = Files.writeString(dir.resolve("tls.crt"), pem("CERTIFICATE", cert.getEncoded()));
            Path keyFile = Files.writeString(dir.resolve("tls.key"), pem("PRIVATE KEY", key.getEncoded()));
            int httpPort = free();
            config.put("quarkus.http.ssl.certificate.files", certFile.toString());
            config.put("quarkus.http.ssl.certificate.key-files", keyFile.toString());
            config.put("quarkus.http.insecure-requests", "disabled");
            // the test launch mode's ports (quarkus.http.port and ssl-port outside tests)
            config.put("quarkus.http.test-port", String.valueOf(httpPort));
            config.put("quarkus.http.test-ssl-port", String.valueOf(free()));
            config.put(CERTIFICATE_CONFIG, certFile.toString());
            config.put(HTTP_PORT_CONFIG, String.valueOf(httpPort));
        } catch (Exception e) {
            throw new IllegalStateException("the test certificate could not be made: " + e, e);
        }
        return config;
    }

    @Override
    public void stop() {
        // files under the temporary folder only
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static int free() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
