package io.openta.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openta serve}: the functions (and the operators' API) until stopped; days start by {@code openta start}. */
@Command(name = "serve", description = { "Runs the functions until stopped; days start by ./openta start (or POST "
        + "/api/days/D/start): day D reads INBOX/D and writes OUTBOX/D.",
        "With --db-url and --kafka (e.g. from ./openta infra) several serve processes share one database, broker, "
                + "inbox, outbox and --staging folder: one of them leads, the others follow." })
final class ServeCommand extends LauncherCommand {
    @Option(names = "--inbox", paramLabel = "DIR", converter = Args.DirToBe.class,
            description = "the inbox root: day D reads DIR/D (default DATA/files/inbox, created if missing)")
    Path inbox;
    @Option(names = "--outbox", paramLabel = "DIR", converter = Args.DirToBe.class,
            description = "the outbox root: day D writes DIR/D (default DATA/files/outbox, created if missing)")
    Path outbox;
    @Option(names = "--access-config", paramLabel = "FILE", converter = Args.ExistingFile.class,
            description = "the users file (YAML, see README.md): also runs the access app (SFTP for distributors and "
                    + "the fund manager, the console); days then start when their files have arrived")
    Path accessConfig;
    @Option(names = "--sftp-port", paramLabel = "P", defaultValue = "2222", converter = Args.PortOrFree.class,
            description = "with --access-config: the SFTP port, default ${DEFAULT-VALUE}, 0 any free port")
    int sftpPort;
    @Option(names = "--access-port", paramLabel = "P", converter = Args.PortOrFree.class,
            description = "with --access-config: the access app's HTTP port (the console), default --port + 1, "
                    + "0 any free port")
    Integer accessPort;
    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", converter = Args.Port.class,
            description = "the HTTP port of the API, default ${DEFAULT-VALUE}")
    int port;
    @Option(names = "--staging", paramLabel = "DIR", converter = Args.DirToBe.class,
            description = "the staging folder all serve processes on one infra share (env OPENTA_STAGING; "
                    + "default under --data)")
    Path staging;
    @Option(names = "--zone", paramLabel = "ZONE", description = "the zone this process runs in (env OPENTA_ZONE, "
            + "default a): the primary zone a runs 80 %% of the shard tasks (env OPENTA_ZONES_PRIMARY_SHARE), zone b "
            + "the rest, a lone zone all of them")
    String zone;
    @Option(names = "--track", paramLabel = "TRACK", description = "the release track this process runs on, stable "
            + "or canary (env OPENTA_TRACK, default stable): recorded with every task it runs and on its task metrics")
    String track;
    @Option(names = "--version", paramLabel = "X", description = "the version this process reports (env "
            + "OPENTA_VERSION, default the build's version): recorded with every task it runs and on its task metrics")
    String version;
    @Mixin
    Options.Cluster cluster;
    @Mixin
    Options.Shards shards;

    @Override
    public Integer call() throws UsageException {
        ClusterOptions options = cluster.options(env()).withShards(shards.count);
        Path stagingDir = staging != null ? staging : stagingFromEnv();
        String z = orEnv(zone, "OPENTA_ZONE");
        // the functions app checks it too (and the share) at start; here a mistyped zone costs no app start
        String known = orEnv(null, "OPENTA_ZONES_KNOWN");
        List<String> zones = List.of((known == null ? "a,b" : known).split(","));
        if (z != null && !zones.contains(z)) {
            throw new UsageException("--zone '" + z + "' is not one of the known zones " + String.join(",", zones)
                    + " (OPENTA_ZONES_KNOWN)");
        }
        String t = orEnv(track, "OPENTA_TRACK");
        if (t != null && !List.of("stable", "canary").contains(t.toLowerCase(java.util.Locale.ROOT))) {
            // the functions app refuses it too (TrackCheck); here it costs no app start
            throw new UsageException("--track '" + t + "' is not one of stable, canary (OPENTA_TRACK)");
        }
        Map<String, String> release = new LinkedHashMap<>();
        if (t != null) {
            release.put("OPENTA_TRACK", t);
        }
        String v = orEnv(version, "OPENTA_VERSION");
        if (v != null) {
            release.put("OPENTA_VERSION", v);
        }
        if (inbox != null && !java.nio.file.Files.isDirectory(inbox)) {
            throw new UsageException("--inbox " + inbox + " is not an existing directory");
        }
        Path files = options.dataDir().toAbsolutePath().normalize().resolve("files");
        Path inboxRoot = (inbox != null ? inbox : files.resolve("inbox")).toAbsolutePath().normalize();
        Path outboxRoot = (outbox != null ? outbox : files.resolve("outbox")).toAbsolutePath().normalize();
        AccessProcess.Request access = accessRequest(files, inboxRoot, outboxRoot);
        return operators().serve(options, port, inboxRoot, outboxRoot, stagingDir, z, release, access);
    }

    /** The access app to run beside the functions, or null without --access-config. */
    private AccessProcess.Request accessRequest(Path files, Path inboxRoot, Path outboxRoot) throws UsageException {
        if (accessConfig == null) {
            if (accessPort != null) {
                throw new UsageException("--access-port needs --access-config");
            }
            return null;
        }
        int http = accessPort != null ? accessPort : port + 1;
        if (http > 65535) {
            throw new UsageException("--access-port: --port " + port + " + 1 is not a port; give --access-port");
        }
        return new AccessProcess.Request(accessConfig, sftpPort, http, files, inboxRoot, outboxRoot);
    }

    private Path stagingFromEnv() throws UsageException {
        String s = orEnv(null, "OPENTA_STAGING");
        return s == null ? null : Args.dirToBe("--staging", s);
    }
}
