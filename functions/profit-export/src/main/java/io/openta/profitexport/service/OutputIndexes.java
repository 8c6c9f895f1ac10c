package io.openta.profitexport.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.openta.model.ofd.OfdFileName;
import io.openta.model.ofd.OfdIndex;
import io.openta.model.ofd.OfiFileName;
import io.openta.runtime.staging.Staging;

/**
 * The TA's own index files (spec 1.7): for each distributor that gets output files on T, {@code OFI_<TA>_<D>_<T>.TXT}
 * listing them in name order. Written last, from what the day's stages staged, so it lists exactly what is sent.
 */
final class OutputIndexes {
    private OutputIndexes() {
    }

    static long write(Staging staging, String stage, String taCode, String date) {
        Map<String, List<String>> byDistributor = new TreeMap<>();
        for (Path file : staging.stagedFiles(date)) {
            String name = file.getFileName().toString();
            Optional<OfdFileName> parsed = OfdFileName.parse(name);
            if (parsed.isPresent() && parsed.get().sender().equals(taCode) && name.equals(parsed.get().fileName())) {
                byDistributor.computeIfAbsent(parsed.get().receiver(), k -> new ArrayList<>()).add(name);
            }
        }
        Path dir = staging.stageDir(date, stage);
        long written = 0;
        for (Map.Entry<String, List<String>> e : byDistributor.entrySet()) {
            List<String> names = e.getValue().stream().sorted().toList();
            Path target = dir.resolve(new OfiFileName(taCode, e.getKey(), date).fileName());
            Path temp = staging.tempFor(target);
            try {
                OfdIndex.write(temp, taCode, e.getKey(), date, names);
            } catch (IOException ex) {
                throw new UncheckedIOException("writing " + target.getFileName(), ex);
            }
            staging.commit(temp, target);
            written += names.size();
        }
        return written;
    }
}
