package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/** Where the tests find their days, and how they compare outboxes. */
final class TestCases {
    private TestCases() {
    }

    /** A golden case of ../shared, or the test is skipped with the reason. */
    static Path golden(String name) {
        String shared = System.getProperty("openta.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "golden-v2", name);
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir),
                "golden case " + name + " not found (openta.shared.dir=" + shared + ")");
        return dir;
    }

    static void assertSameOutbox(Path expected, Path actual, String what) throws IOException {
        List<String> problems = GoldenCasesTest.compare(expected, actual);
        assertTrue(problems.isEmpty(), what + ":\n  " + String.join("\n  ", problems));
    }

    static Path copyWithout(Path inbox, Path to, String... leaveOut) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(inbox)) {
            for (Path f : s.toList()) {
                if (!List.of(leaveOut).contains(f.getFileName().toString())) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        return to;
    }

    /**
     * {@code root} as an inbox root holding each of {@code dates}' golden inputs ({@code golden/D/in}) in its folder
     * D, where a day started through the API reads them.
     */
    static Path inboxRoot(Path golden, Path root, String... dates) throws IOException {
        for (String date : dates) {
            copyWithout(golden.resolve(date).resolve("in"), root.resolve(date));
        }
        return root;
    }

    static ClusterOptions options(Path data) {
        return ClusterOptions.embedded(data).withHttp(Ports.free(), java.util.Map.of())
                .withDayTimeout(java.time.Duration.ofMinutes(3));
    }
}
