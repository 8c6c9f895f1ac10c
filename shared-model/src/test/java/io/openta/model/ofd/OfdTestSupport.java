package io.openta.model.ofd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/** Helpers shared by the OFD tests. */
final class OfdTestSupport {

    static final String TA = "99";
    static final String DATE = "20261125";
    static final String NAME_01 = "OFD_A01_99_20261125_01.TXT";

    /** Two valid 01 records (68 characters each). */
    static final String REC1 = "1001                    202611250930006222000000000001 A01      0011";
    static final String REC2 = "1002                    202611250930006222000000000002 A01      0011";

    private OfdTestSupport() {
    }

    /** The lines of a valid 01 file of A01 for 20261125 with two records. */
    static List<String> valid01() {
        return new ArrayList<>(List.of(
                "OFDCFDAT", "21", "A01", "99", "20261125", "000", "01", "", "", "007",
                "AppSheetSerialNo", "TransactionDate", "TransactionTime", "TransactionAccountID", "DistributorCode",
                "BusinessCode", "IndividualOrInstitution",
                "00000002", REC1, REC2, "OFDCFEND"));
    }

    /** Lines joined with CRLF, with a final CRLF. */
    static String crlf(List<String> lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(StandardCharsets.ISO_8859_1));
        return p;
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** The shared folder (golden cases): system property openta.shared.dir, else ../../shared, else ../shared. */
    static Optional<Path> sharedDir() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("openta.shared.dir");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("../../shared"));
        candidates.add(Path.of("../shared"));
        for (Path c : candidates) {
            if (Files.isDirectory(c.resolve("golden"))) {
                return Optional.of(c.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    static Path goldenDirOrSkip() {
        Optional<Path> shared = sharedDir();
        Assumptions.assumeTrue(shared.isPresent(),
                "golden cases not found: set -Dopenta.shared.dir=<dir holding golden/> or place shared/ beside the"
                        + " repository (tried the property, ../../shared and ../shared)");
        return shared.get().resolve("golden");
    }
}
