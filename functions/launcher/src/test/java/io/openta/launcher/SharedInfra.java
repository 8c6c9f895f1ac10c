package io.openta.launcher;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code openta infra} and the {@code openta serve} processes sharing it, each a real process group, for the
 * leadership tests. Every serve gets its own data folder (logs) and shares the infra's staging folder, inbox and
 * outbox.
 */
final class SharedInfra implements AutoCloseable {
    private final Path work;
    private final ServeProcess infra;
    private final List<ServeProcess> serves = new ArrayList<>();
    private int next;

    private SharedInfra(Path work, ServeProcess infra) {
        this.work = work;
        this.infra = infra;
    }

    static SharedInfra start(Path work, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("infra", "--data", work.resolve("infra").toString()));
        args.addAll(List.of(more));
        return new SharedInfra(work, ServeProcess.start(work.resolve("infra"), 0, Map.of(), "infra ready",
                Duration.ofMinutes(3), args));
    }

    /** The infra's data folder. */
    Path infraData() {
        return work.resolve("infra");
    }

    String dbUrl() {
        return infra.printed("OPENTA_DB_URL");
    }

    /** Starts a serve process; {@code env} reaches its functions app too (failpoints, profile). */
    String kafka() {
        return infra.printed("OPENTA_KAFKA");
    }

    ServeProcess serve(Path inbox, Path outbox, Map<String, String> env, String... more) throws Exception {
        int n;
        synchronized (serves) {
            n = ++next;
        }
        int port = Ports.free();
        List<String> args = List.of("serve", "--port", String.valueOf(port), "--db-url", dbUrl(), "--kafka",
                kafka(), "--staging", infra.printed("OPENTA_STAGING"), "--inbox", inbox.toString(), "--outbox",
                outbox.toString(), "--data", work.resolve("serve-" + n).toString());
        // one key folder for all serves, as on a real shared installation: a token works at whichever leads
        Map<String, String> withKeys = new java.util.HashMap<>(env);
        withKeys.putIfAbsent("OPENTA_AUTH_DIR", work.resolve("auth").toString());
        ServeProcess s = ServeProcess.start(work.resolve("serve-" + n), port, withKeys, "OpenTA serving on",
                Duration.ofMinutes(3), args, more);
        synchronized (serves) {
            serves.add(s);
        }
        return s;
    }

    CompletableFuture<ServeProcess> serveLater(Path inbox, Path outbox, Map<String, String> env) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return serve(inbox, outbox, env);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The one of {@code candidates} that leads, waiting up to {@code timeout}. */
    static ServeProcess awaitLeader(Duration timeout, ServeProcess... candidates) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ServeProcess c : candidates) {
                if (c.leading()) {
                    return c;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no leader among the serve processes after " + timeout);
    }

    /** The day's status from {@code via}, null while it does not answer 200. */
    static JsonNode status(ServeProcess via, String date) {
        try {
            return via.api().get("/api/days/" + date);
        } catch (ApiClient.ApiException | RuntimeException e) {
            return null;
        }
    }

    static JsonNode awaitStatus(ServeProcess via, String date, String status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            JsonNode s = status(via, date);
            last = s == null ? last : s;
            if (s != null && status.equals(s.path("status").asText())) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("day " + date + " not " + status + " after " + timeout + "; last " + last
                + "\n" + via.functionsLogTail());
    }

    Connection jdbc() throws SQLException {
        return DriverManager.getConnection(dbUrl());
    }

    long queryLong(String sql) throws SQLException {
        try (Connection c = jdbc(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    String queryText(String sql) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (Connection c = jdbc(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= cols; i++) {
                    b.append(rs.getString(i)).append(i == cols ? "\n" : "|");
                }
            }
        }
        return b.toString();
    }

    /**
     * No task's effect applied twice: since execution-log id {@code mark}, every task of the day ran its work (the
     * commit that marks it DONE, logged in sched.task_execution in the same transaction) exactly once. Returns the
     * number of tasks.
     */
    long assertEachTaskExecutedOnce(String date, long mark) throws SQLException {
        long twice = queryLong("SELECT count(*) FROM (SELECT stage, step, shard FROM sched.task_execution WHERE id > "
                + mark + " AND biz_date = '" + date + "' GROUP BY stage, step, shard HAVING count(*) > 1) x");
        long done = queryLong("SELECT count(*) FROM sched.task WHERE biz_date = '" + date + "' AND status = 'DONE'");
        long executions = queryLong("SELECT count(*) FROM sched.task_execution WHERE id > " + mark
                + " AND biz_date = '" + date + "'");
        if (twice != 0 || done != executions) {
            throw new AssertionError("tasks executed more than once: " + twice + "; DONE tasks " + done
                    + ", executions " + executions + "\n" + queryText("SELECT stage, step, shard, count(*) FROM "
                    + "sched.task_execution WHERE id > " + mark + " AND biz_date = '" + date
                    + "' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"));
        }
        return done;
    }

    long executionMark() throws SQLException {
        return queryLong("SELECT coalesce(max(id), 0) FROM sched.task_execution");
    }

    @Override
    public void close() {
        synchronized (serves) {
            serves.forEach(ServeProcess::close);
        }
        infra.close();
    }

    /** Waits until the day, as {@code leader} reports it, is in {@code stage} (or PUBLISHING); says where it was. */
    static String awaitPoint(ServeProcess leader, String date, String stage) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode s = status(leader, date);
            if (s != null) {
                String status = s.path("status").asText();
                if (stage.equals("PUBLISHING") ? status.equals("PUBLISHING")
                        : status.equals("RUNNING") && s.path("stage").asText().equals(stage)) {
                    return status + " " + s.path("stage").asText() + "/" + s.path("step").asText();
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the day never reached " + stage);
    }

    /**
     * Starts a serve process on this infra with {@code more} arguments and no --inbox/--outbox (e.g. with
     * --access-config, whose inbox and outbox roots are under its --data); its data folder is returned by
     * {@link ServeProcess#data()}.
     */
    ServeProcess serveWith(Map<String, String> env, String... more) throws Exception {
        int n;
        synchronized (serves) {
            n = ++next;
        }
        int port = Ports.free();
        List<String> args = List.of("serve", "--port", String.valueOf(port), "--db-url", dbUrl(), "--kafka",
                kafka(), "--staging", infra.printed("OPENTA_STAGING"), "--data", work.resolve("serve-" + n).toString());
        Map<String, String> withKeys = new java.util.HashMap<>(env);
        withKeys.putIfAbsent("OPENTA_AUTH_DIR", work.resolve("auth").toString());
        Path data = work.resolve("serve-" + n);
        ServeProcess s;
        try {
            // two apps start here, one after the other: more time than for a serve alone
            s = ServeProcess.start(data, port, withKeys, "OpenTA serving on", Duration.ofMinutes(8), args, more);
        } catch (IllegalStateException e) {
            Path access = data.resolve("logs").resolve("access.log");
            if (!java.nio.file.Files.exists(access)) {
                throw e;
            }
            List<String> lines = java.nio.file.Files.readAllLines(access, java.nio.charset.StandardCharsets.ISO_8859_1);
            throw new IllegalStateException(e.getMessage() + "\naccess.log ends with:\n" + String.join("\n",
                    lines.subList(Math.max(0, lines.size() - 30), lines.size())), e);
        }
        synchronized (serves) {
            serves.add(s);
        }
        return s;
    }
}
