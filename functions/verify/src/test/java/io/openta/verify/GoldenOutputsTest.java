package io.openta.verify;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The verifier's reader against the worked cases (../shared/golden-v2, when there): every data file a correct TA
 * writes reads with no departure from the written form, and every OFI index holds exactly the lines the verifier
 * expects for the data files beside it.
 */
class GoldenOutputsTest {
    @Test
    void goldenOutputsReadAsWritten() throws IOException {
        String shared = System.getProperty("openta.shared.dir", "../../../shared");
        Path golden = Path.of(shared, "golden-v2");
        Assumptions.assumeTrue(Files.isDirectory(golden), "no golden-v2 cases in " + golden);
        List<Path> outs;
        try (Stream<Path> s = Files.find(golden, 3, (p, a) -> a.isDirectory() && p.getFileName().toString()
                .equals("out"))) {
            outs = s.sorted().toList();
        }
        int files = 0;
        for (Path out : outs) {
            Map<String, List<String>> byDistributor = new TreeMap<>();
            List<Path> indexes = new ArrayList<>();
            try (Stream<Path> s = Files.list(out)) {
                for (Path p : s.sorted().toList()) {
                    OutputFileName n = OutputFileName.parse(p.getFileName().toString()).orElse(null);
                    if (n == null) {
                        continue;
                    }
                    if (n.isIndex()) {
                        indexes.add(p);
                        continue;
                    }
                    files++;
                    OutputFile.Structure st = OutputFile.check(p, Layouts.of(n.type()), n.sender(), n.receiver(),
                            n.date());
                    assertNull(st.problem(), p.toString());
                    assertEquals(List.of(), st.deviations(), p.toString());
                    byDistributor.computeIfAbsent(n.receiver(), k -> new ArrayList<>()).add(n.fileName());
                }
            }
            assertEquals(byDistributor.size(), indexes.size(), out.toString());
            for (Path p : indexes) {
                OutputFileName n = OutputFileName.parse(p.getFileName().toString()).orElseThrow();
                boolean[] crlf = {false};
                assertEquals(IndexFileChecks.expectedLines(n.sender(), n.receiver(), n.date(),
                        byDistributor.get(n.receiver())), OutputFile.allLines(p, crlf), p.toString());
                assertEquals(true, crlf[0], p.toString());
            }
        }
        Assumptions.assumeTrue(files > 0, "no output files in " + golden);
    }
}
