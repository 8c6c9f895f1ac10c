package io.openta.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code <data>/serve.properties}: where a running {@code openta serve} on that data folder answers (its URL) and
 * which Kafka broker its scheduler reads day commands from. Written once the serve is ready, deleted when it stops;
 * {@code openta day} on the same data folder finds it there and runs the day on the running processes.
 */
final class ServeFile {
    static final String NAME = "serve.properties";

    /** A serve process: its base URL and its Kafka bootstrap servers. */
    record Running(String url, String kafka) {
    }

    private static final String PID = "pid";

    private ServeFile() {
    }

    static void write(Path data, Running serve) throws IOException {
        Properties p = new Properties();
        p.setProperty("url", serve.url());
        p.setProperty("kafka", serve.kafka());
        // the launcher that serves: its data folder is in use while it lives (an HTTP check under load may time out)
        p.setProperty(PID, String.valueOf(ProcessHandle.current().pid()));
        Path tmp = data.resolve(NAME + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "a running openta serve on this data folder");
        }
        Files.move(tmp, data.resolve(NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static void delete(Path data) {
        try {
            Files.deleteIfExists(data.resolve(NAME));
        } catch (IOException e) {
            // a stale file is harmless: find() checks that the serve answers
        }
    }

    /**
     * The serve the data folder names, if its file is there and the launcher that wrote it still runs; a stale file
     * (a serve killed with -9) gives empty.
     */
    static Optional<Running> find(Path data) {
        Path f = data.resolve(NAME);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String url = p.getProperty("url");
        String kafka = p.getProperty("kafka");
        String pid = p.getProperty(PID, "");
        if (url == null || kafka == null || !pid.matches("\\d{1,18}")
                || !ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(new Running(url, kafka));
    }

    /** Whether {@code url}'s liveness check ({@code /q/health/live}) answers 200 (a busy machine gets 15 s). */
    static boolean answers(String url) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest live = HttpRequest.newBuilder(URI.create(base + "/q/health/live"))
                    .timeout(Duration.ofSeconds(15)).GET().build();
            return http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
