package io.openta.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;

import io.openta.model.events.Stage;
import io.openta.model.events.Traffic;

/**
 * The operator's commands: {@code serve} runs the functions until stopped; {@code start}, {@code status},
 * {@code pause}, {@code resume}, {@code cancel} talk to it over its API; {@code rollback} does too, or, without
 * {@code --url}, starts the local cluster on {@code --data} for the time of the call (offline form). Given
 * {@link Traffic#SHADOW}, status, pause, resume, cancel and rollback call the same endpoints with
 * {@code ?traffic=shadow}: they act on the serve's stress days (issue 12), never on its production days.
 */
final class OperatorCommands {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    OperatorCommands(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /**
     * Serves until stopped: day D reads {@code inboxRoot/D} and writes {@code outboxRoot/D}; {@code staging} (may be
     * null: under the data folder) must be shared by all serves; {@code zone} (may be null: the app's default) is the
     * functions app's zone.
     */
    int serve(ClusterOptions options, int port, Path inboxRoot, Path outboxRoot, Path staging, String zone,
            Map<String, String> release, AccessProcess.Request access) {
        // a serve verifies each day in the background once it completed, unless the environment says false (the
        // bench does: a day's verification would run beside the next day)
        String verify = Options.orEnv(null, this.env, "OPENTA_SCHEDULER_VERIFY_AFTER_DAY");
        Map<String, String> env = new LinkedHashMap<>(Map.of("OPENTA_SCHEDULER_VERIFY_AFTER_DAY",
                verify == null ? "true" : verify));
        // days read <inbox root>/<date>/ and write <outbox root>/<date>/ (with the access app, where it puts and
        // takes the files); the scheduler's API takes no folder
        env.put("OPENTA_STORAGE_INBOX_ROOT", inboxRoot.toString());
        env.put("OPENTA_STORAGE_OUTBOX_ROOT", outboxRoot.toString());
        if (access != null) {
            env.put("OPENTA_ARRIVALS_ENABLED", "true");
        }
        if (staging != null) {
            env.put("OPENTA_STAGING_DIR", staging.toString());
        }
        if (zone != null) {
            env.put("OPENTA_ZONE", zone);
        }
        String sharedKeys = Options.orEnv(null, this.env, "OPENTA_AUTH_DIR");
        if (sharedKeys != null) {
            env.put("OPENTA_AUTH_DIR", sharedKeys); // serve processes on one infra accept the same tokens
        }
        env.putAll(release);   // OPENTA_TRACK, OPENTA_VERSION when given
        ClusterOptions o = options.withHttp(port, env);
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            Files.createDirectories(outboxRoot);
            Files.createDirectories(inboxRoot);
            LocalCluster cluster = LocalCluster.start(o);
            AccessProcess accessApp;
            try {
                accessApp = access == null ? null : cluster.startAccess(access, AccessProcess.locateJar(this.env));
            } catch (Exception e) {
                cluster.close();
                throw e;
            }
            cluster.advertise(); // ./openta day on this data folder runs its day here
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (accessApp != null) {
                    accessApp.close();
                }
                cluster.close();
                stopped.countDown();
            }, "openta-serve-stop"));
            out.printf("OpenTA serving on http://127.0.0.1:%d (API /api/days, OpenAPI /q/openapi, health /q/health)%n",
                    cluster.functions().httpPort());
            out.printf("inbox root %s, outbox root %s: day D reads %s/D and writes %s/D%n", inboxRoot, outboxRoot,
                    inboxRoot, outboxRoot);
            if (accessApp == null) {
                out.println("no access app (no --access-config): no SFTP, no console; put day D's files in the inbox "
                        + "root's folder D, then ./openta start --date D; Ctrl-C stops");
            } else {
                out.printf("SFTP on port %d (users of %s); console http://127.0.0.1:%d/console/%n",
                        accessApp.sftpPort(), access.usersFile(), accessApp.httpPort());
                out.println("a day starts when its files are in, or by ./openta start --date D; Ctrl-C stops");
            }
            out.printf("the API needs a bearer token: ./openta token --user NAME --role viewer|operator|admin --data %s"
                    + "%n", o.dataDir());
            out.flush();
            stopped.await();
            return OpenTa.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OpenTa.OK;
        } catch (Exception e) {
            err.println("openta: serve could not start: " + e.getMessage());
            return OpenTa.FAILED;
        }
    }

    /** Day {@code date} reads the serve's {@code <inbox root>/date}: the API takes no folder. */
    int start(String url, String token, String date) {
        return call(() -> {
            JsonNode r = new ApiClient(url, token).post("/api/days/" + date + "/start", Map.of());
            out.println("day " + date + ": start sent (request " + r.path("requestId").asText() + ")");
        });
    }

    int control(String url, String token, String command, String date, Traffic traffic) {
        return call(() -> {
            new ApiClient(url, token).post("/api/days/" + date + "/" + command + query(traffic), Map.of());
            out.println(dayName(traffic, date) + ": " + command + " sent");
        });
    }

    int status(String url, String token, String date, Traffic traffic) {
        return call(() -> {
            ApiClient api = new ApiClient(url, token);
            if (date == null) {
                for (JsonNode d : api.get("/api/days" + query(traffic))) {
                    out.printf("%s  %-10s %-20s %s%n", d.path("date").asText(), d.path("status").asText(),
                            d.path("stage").asText(), d.path("message").asText(""));
                }
                return;
            }
            printStatus(api.get("/api/days/" + date + query(traffic)), traffic);
        });
    }

    /** The query naming the day set: none for production (the API's default), {@code ?traffic=shadow}. */
    static String query(Traffic traffic) {
        return traffic == Traffic.SHADOW ? "?traffic=shadow" : "";
    }

    /** "day D", or "stress day D" for one of the shadow set, as the scheduler names them. */
    static String dayName(Traffic traffic, String date) {
        return (traffic == Traffic.SHADOW ? "stress day " : "day ") + date;
    }

    private void printStatus(JsonNode d, Traffic traffic) {
        out.printf("%s: %s at %s%s%s%n", dayName(traffic, d.path("date").asText()), d.path("status").asText(),
                d.path("stage").asText(), d.path("step").asText().isEmpty() ? "" : "/" + d.path("step").asText(),
                d.path("message").isNull() ? "" : " (" + d.path("message").asText() + ")");
        if (d.hasNonNull("startedBy")) {
            out.printf("  started by %s at %s%n", d.path("startedBy").asText(), d.path("startedAt").asText());
        }
        out.println("  steps:");
        for (JsonNode s : d.path("steps")) {
            out.printf("    %-20s %-12s %d/%d shards done%s records=%d%n", s.path("stage").asText(),
                    s.path("step").asText(), s.path("done").asLong(), s.path("shards").asInt(),
                    s.path("failed").asLong() > 0 ? ", " + s.path("failed").asLong() + " failing," : "",
                    s.path("records").asLong());
        }
        if (!d.path("rollbacks").isEmpty()) {
            out.println("  rollbacks:");
            for (JsonNode r : d.path("rollbacks")) {
                out.printf("    %s %s %s by %s: %s%n", r.path("at").asText(), r.path("kind").asText(),
                        r.path("target").asText(), r.path("by").asText(), r.path("detail").asText());
            }
        }
    }

    /**
     * Against {@code url} with {@code token}; or, without a URL, offline: the launcher starts the cluster on the data
     * folder and calls it with its own short-lived admin token for {@code localUser} (who ran the command: the log's
     * "by").
     */
    int rollback(String url, String token, ClusterOptions offline, String date, String to, String file,
            String account, String localUser, Traffic traffic) {
        Map<String, String> body = new LinkedHashMap<>();
        if (to != null) {
            body.put("to", to);
        }
        if (file != null) {
            body.put("file", file);
        }
        if (account != null) {
            body.put("account", account);
        }
        if (url != null) {
            return call(() -> out.println(new ApiClient(url, token).post("/api/days/" + date + "/rollback"
                    + query(traffic), body).path("message").asText()));
        }
        try (LocalCluster cluster = LocalCluster.start(offline)) {
            ApiClient own = new ApiClient("http://127.0.0.1:" + cluster.functions().httpPort(),
                    cluster.auth().ownToken(localUser));
            return call(() -> out.println(own.post("/api/days/" + date + "/rollback", body).path("message").asText()));
        } catch (Exception e) {
            err.println("openta: rollback could not run: " + e.getMessage());
            return OpenTa.FAILED;
        }
    }

    /** Checks the rollback target's form before anything starts. */
    static void checkRollbackTarget(String to, String file, String account) throws UsageException {
        int given = (to == null ? 0 : 1) + (file == null ? 0 : 1) + (account == null ? 0 : 1);
        if (given != 1) {
            throw new UsageException("rollback needs exactly one of --to STAGE, --file NAME, --account TAAccountID");
        }
        if (to != null && Stage.byId(to).isEmpty()) {
            throw new UsageException("--to '" + to + "' is not a stage (day-init, file-import, clearing, profit, "
                    + "share-adjust, export, secondary-clearing, profit-export)");
        }
        if (account != null && !account.matches("[0-9A-Za-z]{1,12}")) {
            throw new UsageException("--account '" + account + "' is not a TAAccountID (1 to 12 letters or digits)");
        }
    }

    String url(String given) {
        if (given != null) {
            return given;
        }
        String e = env.get("OPENTA_URL");
        return e == null || e.isBlank() ? ApiClient.DEFAULT_URL : e;
    }

    /** The token given, else env OPENTA_TOKEN, else null (the API will answer 401). */
    String token(String given) {
        return Options.orEnv(given, env, "OPENTA_TOKEN");
    }

    private interface ApiCall {
        void run() throws ApiClient.ApiException;
    }

    private int call(ApiCall call) {
        try {
            call.run();
            return OpenTa.OK;
        } catch (ApiClient.ApiException e) {
            err.println("openta: " + e.getMessage());
            return OpenTa.FAILED;
        }
    }
}
