package io.openta.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * HAProxy (Debian {@code haproxy}) in front of the Patroni nodes: one port that always leads to the primary. Each
 * node is checked on Patroni's {@code /primary} every 500 ms; a node that stops answering 200 twice in a row is taken
 * out and its client sessions are cut ({@code on-marked-down shutdown-sessions}), so clients see a closed connection
 * at once instead of a half-dead one, and reconnect to whichever node Patroni promoted.
 */
final class HaProxy {
    static final String BINARY_ENV = "OPENTA_HAPROXY_BIN";

    private final ChildProcess process;
    private final int port;

    private HaProxy(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static HaProxy start(Path dir, List<PatroniNode> nodes, Map<String, String> env) throws IOException {
        Files.createDirectories(dir);
        int port = Ports.free();
        StringBuilder cfg = new StringBuilder("""
                global
                    maxconn 400
                defaults
                    mode tcp
                    timeout connect 2s
                    # a set-based statement may keep its connection silent for minutes
                    timeout client 1h
                    timeout server 1h
                    timeout check 1s
                listen postgres-primary
                    bind 127.0.0.1:%d
                    option httpchk GET /primary
                    http-check expect status 200
                    default-server inter 500ms fastinter 250ms downinter 500ms fall 2 rise 1 on-marked-down shutdown-sessions
                """.formatted(port));
        for (PatroniNode n : nodes) {
            cfg.append("    server ").append(n.zone()).append(" 127.0.0.1:").append(n.pgPort()).append(" check port ")
                    .append(n.restPort()).append('\n');
        }
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, cfg.toString(), StandardCharsets.UTF_8);
        ChildProcess p = ChildProcess.start("haproxy", List.of(env.getOrDefault(BINARY_ENV, "haproxy"), "-db", "-f",
                config.toString()), Map.of(), dir.resolve("haproxy.log"), dir);
        HaProxy h = new HaProxy(p, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!h.listening()) {
            p.checkAlive();
            if (System.nanoTime() > deadline) {
                h.stop();
                throw new IllegalStateException("haproxy not listening after 20 s (log " + p.log() + ")");
            }
            Ports.pause(100);
        }
        return h;
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    ChildProcess process() {
        return process;
    }

    void stop() {
        process.stop(10);
    }
}
