package io.openta.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A launcher subcommand ({@code openta infra} or {@code openta serve}) as a child process in its own process group
 * (started through {@code setsid}), so that a test can signal the whole group: the launcher and the functions app it
 * started. Its output goes to a file.
 */
final class ServeProcess implements AutoCloseable {
    private final Process process;
    private final Path output;
    private final Path data;
    private final Map<String, String> env;
    final int port;
    private String token;

    private ServeProcess(Process process, Path output, Path data, Map<String, String> env, int port) {
        this.process = process;
        this.output = output;
        this.data = data;
        this.env = env;
        this.port = port;
    }

    /** Starts {@code openta args...} with {@code env} added; returns once a line starting with {@code ready}. */
    static ServeProcess start(Path data, int port, Map<String, String> env, String ready, Duration timeout,
            String... args) throws Exception {
        return start(data, port, env, ready, timeout, List.of(args));
    }

    static ServeProcess start(Path data, int port, Map<String, String> env, String ready, Duration timeout,
            List<String> args, String... more) throws Exception {
        Files.createDirectories(data);
        List<String> cmd = new ArrayList<>(List.of("setsid", Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), OpenTa.class.getName()));
        cmd.addAll(args);
        cmd.addAll(List.of(more));
        Path output = data.resolve("launcher.out");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                        "/dev/null")));
        pb.environment().putAll(env);
        ServeProcess sp = new ServeProcess(pb.start(), output, data, env, port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (sp.output().lines().anyMatch(l -> l.startsWith(ready))) {
                return sp;
            }
            if (!sp.process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        String out = sp.output();
        sp.close();
        throw new IllegalStateException("openta " + args.get(0) + " did not print '" + ready + "':\n" + out + "\n"
                + sp.functionsLogTail());
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** The value of a {@code NAME=value} line of the output. */
    String printed(String name) {
        return output().lines().filter(l -> l.startsWith(name + "=")).findFirst()
                .map(l -> l.substring(name.length() + 1)).orElseThrow();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    ApiClient api() {
        return new ApiClient(url(), token());
    }

    /** An admin token signed with the key this serve verifies with (its data folder's, or OPENTA_AUTH_DIR's). */
    synchronized String token() {
        if (token == null) {
            try {
                token = LocalAuth.open(LocalAuth.dir(data, env)).mint("test", "admin", Api.TEST_TOKEN_TTL);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return token;
    }

    /** This serve's view of the leadership (GET /api/leader), or null when it does not answer. */
    JsonNode leader() {
        try {
            return api().get("/api/leader");
        } catch (ApiClient.ApiException | RuntimeException e) {
            return null;
        }
    }

    boolean leading() {
        JsonNode l = leader();
        return l != null && l.path("leading").asBoolean();
    }

    String functionsLogTail() {
        try {
            List<String> lines = Files.readAllLines(data.resolve("logs/functions.log"), StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no functions log)";
        }
    }

    String functionsLog() {
        try {
            return Files.readString(data.resolve("logs/functions.log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** Sends a signal (KILL, STOP, CONT, TERM) to the whole process group. */
    void signalGroup(String signal) throws Exception {
        Process k = new ProcessBuilder("kill", "-" + signal, "--", "-" + process.pid()).redirectErrorStream(true)
                .start();
        k.waitFor(10, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                signalGroup("CONT");
                signalGroup("TERM");
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    signalGroup("KILL");
                }
            }
            // the functions app of a killed launcher exits by itself (it watches its parent)
            signalGroup("KILL");
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /** This process's data folder (--data). */
    Path data() {
        return data;
    }
}
