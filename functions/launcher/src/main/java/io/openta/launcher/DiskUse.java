package io.openta.launcher;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What folders hold on disk: the blocks allocated to them, as {@code du} counts them. File lengths would overstate a
 * running broker: Kafka preallocates each segment's index files (10 MB, sparse), so a 1M bench's broker folder
 * showed 4.7 GB of lengths where 3 MB was allocated. The JDK gives no allocated size, so {@code du} (coreutils) is
 * asked; it also counts a file hard-linked into several of the folders once, in the first, and skips an entry
 * deleted while it walks (a running broker or database renames and deletes files as they are listed).
 */
final class DiskUse {
    private DiskUse() {
    }

    /** The bytes allocated under {@code dir}; 0 when it does not exist. */
    static long bytes(Path dir) throws IOException {
        return bytes(List.of(dir)).get(0);
    }

    /**
     * The bytes allocated under each of {@code dirs}, in their order, 0 for one that does not exist. A file
     * hard-linked into more than one of them is counted in the first only (a link takes no more disk).
     */
    static List<Long> bytes(List<Path> dirs) throws IOException {
        List<String> present = dirs.stream().filter(Files::exists).map(Path::toString).distinct().toList();
        Map<String, Long> found = present.isEmpty() ? Map.of() : du(present);
        List<Long> bytes = new ArrayList<>();
        for (Path dir : dirs) {
            String name = dir.toString();
            Long allocated = found.get(name);
            if (allocated == null && present.contains(name)) {
                throw new IOException("du gave no total for " + dir);
            }
            bytes.add(allocated == null ? 0L : allocated);
        }
        return bytes;
    }

    /** {@code du -s -B1} of the folders: a total line each, "bytes TAB folder as given". */
    private static Map<String, Long> du(List<String> dirs) throws IOException {
        List<String> command = new ArrayList<>(List.of("du", "-s", "-B1", "--"));
        command.addAll(dirs);
        // du's warnings (a file gone during the walk) go nowhere: it still totals what it found, exiting 1
        Process du = new ProcessBuilder(command).redirectError(Redirect.DISCARD).start();
        String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            du.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for du", e);
        }
        Map<String, Long> totals = new HashMap<>();
        for (String line : out.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                totals.put(line.substring(tab + 1), Long.parseLong(line.substring(0, tab)));
            }
        }
        return totals;
    }
}
