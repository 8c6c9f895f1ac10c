package io.openta.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One local etcd member (Debian {@code etcd-server}), the store Patroni keeps its leader key in. Its data is wiped at
 * each start: the cluster's state that matters lives in the PostgreSQL data directories, and Patroni re-creates its
 * keys (the first node to start with data becomes the leader again).
 */
final class Etcd {
    static final String BINARY_ENV = "OPENTA_ETCD_BIN";

    private final ChildProcess process;
    private final String clientUrl;

    private Etcd(ChildProcess process, String clientUrl) {
        this.process = process;
        this.clientUrl = clientUrl;
    }

    static Etcd start(Path dir, Map<String, String> env) throws IOException {
        EmbeddedKafkaBroker.deleteTree(dir.resolve("member-data"));
        Files.createDirectories(dir);
        String client = "http://127.0.0.1:" + Ports.free();
        String peer = "http://127.0.0.1:" + Ports.free();
        String binary = env.getOrDefault(BINARY_ENV, "etcd");
        ChildProcess p = ChildProcess.start("etcd", List.of(binary, "--name", "openta", "--data-dir",
                dir.resolve("member-data").toString(), "--listen-client-urls", client, "--advertise-client-urls",
                client, "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer, "--initial-cluster",
                "openta=" + peer, "--initial-cluster-state", "new", "--log-level", "warn"), Map.of(),
                dir.resolve("etcd.log"), dir);
        Etcd etcd = new Etcd(p, client);
        try {
            etcd.awaitHealthy(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            etcd.stop();
            throw e;
        }
        return etcd;
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            process.checkAlive();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(clientUrl + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("true")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            Ports.pause(100);
        }
        throw new IllegalStateException("etcd not healthy after " + timeout.toSeconds() + " s (log "
                + process.log() + ")");
    }

    void checkAlive() {
        process.checkAlive();
    }

    /** host:port of its client API, as Patroni's {@code etcd3.hosts} takes it. */
    String hostPort() {
        return clientUrl.substring("http://".length());
    }

    void stop() {
        process.stop(10);
    }
}
