package io.openta.scheduler.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@link EmbeddedInfra} and a segments file the test rewrites ({@code release-test.segments-file}). */
public class ReleaseInfra extends EmbeddedInfra {
    static final String SEGMENTS_CONFIG = "release-test.segments-file";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            Path file = Files.createTempDirectory("openta-release-test").resolve("segments.json");
            Files.writeString(file, "{}");
            config.put("openta.release.segments-file", file.toString());
            config.put(SEGMENTS_CONFIG, file.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return config;
    }
}
