package io.openta.launcher;

import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code openta release set-step STEP | status | abort}: the gray release of a serve process (its API
 * {@code /api/release}). A step names a step of the scheduler's segments.json; it applies from the next stage start.
 */
@Command(name = "release", description = "The gray release: which segment of accounts the canary track clears.",
        subcommands = { ReleaseCommand.SetStep.class, ReleaseCommand.Status.class, ReleaseCommand.Abort.class })
final class ReleaseCommand extends LauncherCommand {
    @Override
    public Integer call() throws UsageException {
        throw new UsageException("release needs a subcommand: set-step STEP, status or abort");
    }

    /** What the three subcommands share: --url/--token and the parent's streams. */
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        ReleaseCommand release;
        @Option(names = { "-h", "--help" }, usageHelp = true, description = "this help")
        boolean help;
        @Mixin
        Options.Url url;

        int call(String method, String path, Map<String, String> body) {
            OperatorCommands ops = release.operators();
            try {
                ApiClient api = new ApiClient(ops.url(url.url), ops.token(url.token));
                JsonNode r = "GET".equals(method) ? api.get(path) : api.post(path, body);
                print(r);
                return OpenTa.OK;
            } catch (ApiClient.ApiException e) {
                release.err().println("openta: " + e.getMessage());
                return OpenTa.FAILED;
            }
        }

        private void print(JsonNode r) {
            String step = r.path("step").isNull() || r.path("step").isMissingNode() ? null : r.path("step").asText();
            if (step == null) {
                release.out().println("release: no step set; every task runs on the stable track");
                return;
            }
            release.out().printf("release step %s%s; %s%n", step,
                    r.path("aborted").asBoolean() ? " (canary aborted)" : "",
                    r.path("canaryNow").asBoolean() ? "stages starting now send its segment to the canary track"
                            : "stages starting now run on the stable track only");
            release.out().printf("  segment: %s%n", r.path("segment").asText());
            release.out().printf("  set %s by %s%n", r.path("updatedAt").asText(), r.path("updatedBy").asText());
        }
    }

    @Command(name = "set-step", description = "Sets the release step (a step of the scheduler's segments.json); "
            + "it applies from the next stage start.")
    static final class SetStep extends Sub {
        @Parameters(index = "0", paramLabel = "STEP", description = "the release step, e.g. beta, group, gray-20")
        String step;

        @Override
        public Integer call() throws UsageException {
            if (!step.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new UsageException("STEP '" + step + "' is not a step name (1 to 64 letters, digits, . _ -)");
            }
            return call("POST", "/api/release/step", Map.of("step", step));
        }
    }

    @Command(name = "status", description = "The release step, its segment, and whether the canary is aborted.")
    static final class Status extends Sub {
        @Override
        public Integer call() {
            return call("GET", "/api/release", null);
        }
    }

    @Command(name = "abort", description = "Aborts the canary: stages starting from now run on the stable track only.")
    static final class Abort extends Sub {
        @Override
        public Integer call() {
            return call("POST", "/api/release/abort", Map.of());
        }
    }
}
