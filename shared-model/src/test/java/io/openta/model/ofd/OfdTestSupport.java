package io.openta.model.ofd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/** Helpers shared by the OFD tests. Lines are byte strings (ISO-8859-1 chars). */
final class OfdTestSupport {

    static final String TA = "99";
    static final String DATE = "20261125";
    static final String NAME_01 = "OFD_A01_99_20261125_01.TXT";
    static final String NAME_03 = "OFD_A01_99_20261125_03.TXT";

    /** Two valid 01 records (68 bytes each) in the order of {@link #FIELDS_01}. */
    static final String REC1 = "1001                    202611250930006222000000000001 A01      0011";
    static final String REC2 = "1002                    202611250930006222000000000002 A01      0011";

    static final List<String> FIELDS_01 = List.of("AppSheetSerialNo", "TransactionDate", "TransactionTime",
            "TransactionAccountID", "DistributorCode", "BusinessCode", "IndividualOrInstitution");

    /** The 03 fields: widths 24 8 6 17 9 12 3 6 16 16 60 = 177 bytes (v21). */
    static final List<String> FIELDS_03 = List.of("AppSheetSerialNo", "TransactionDate", "TransactionTime",
            "TransactionAccountID", "DistributorCode", "TAAccountID", "BusinessCode", "FundCode",
            "ApplicationAmount", "ApplicationVol", "Specification");

    private OfdTestSupport() {
    }

    /** The lines of a valid version-21 01 file of A01 for 20261125 with two records. */
    static List<String> valid01() {
        List<String> l = new ArrayList<>(List.of(
                "OFDCFDAT", "21  ", "A01      ", "99       ", "20261125", "999", "01", "        ", "        ", "007"));
        l.addAll(FIELDS_01);
        l.addAll(List.of("00000002", REC1, REC2, "OFDCFEND"));
        return l;
    }

    /** The header lines 1-10 of a version-22 file. */
    static List<String> header22(String sender, String receiver, String date, String type, int fields) {
        return new ArrayList<>(List.of("OFDCFDAT", "22      ", pad(sender, 20), pad(receiver, 20), date,
                pad("999", 8), pad(type, 8), "        ", "        ", String.format("%08d", fields)));
    }

    /** The header lines 1-10 of a version-21 (or 20) file. */
    static List<String> header21(String version, String sender, String receiver, String date, String type,
                                 int fields) {
        return new ArrayList<>(List.of("OFDCFDAT", pad(version, 4), pad(sender, 9), pad(receiver, 9), date, "999",
                type, "        ", "        ", String.format("%03d", fields)));
    }

    static String pad(String s, int w) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < w) {
            sb.append(' ');
        }
        return sb.toString();
    }

    /** A 03 record (v21 widths) with a Specification byte string. */
    static String rec03(String serial, String spec) {
        return pad(serial, 24) + "20261125" + "100000" + pad("TA1", 17) + pad("A01", 9) + pad("000000000001", 12)
                + "022" + "000001" + "0000000000100000" + "0000000000000000" + pad(spec, 60);
    }

    /** A complete version-21 03 file of A01 with these records. */
    static List<String> file03(String... records) {
        List<String> l = header21("21", "A01", "99", DATE, "03", FIELDS_03.size());
        l.addAll(FIELDS_03);
        l.add(String.format("%08d", records.length));
        l.addAll(List.of(records));
        l.add("OFDCFEND");
        return l;
    }

    /** Lines joined with CRLF, with a final CRLF. */
    static String crlf(List<String> lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    /** Lines joined with LF, with a final LF. */
    static String lf(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    /** Writes a byte string. */
    static Path write(Path dir, String name, String byteString) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, byteString.getBytes(StandardCharsets.ISO_8859_1));
        return p;
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** A file's bytes as a byte string. */
    static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    }

    /**
     * The shared folder (spec and golden cases): system property openta.shared.dir, else ../../shared and
     * ../shared relative to the module directory (user.dir).
     */
    static Optional<Path> sharedDir() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("openta.shared.dir");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        Path module = Path.of(System.getProperty("user.dir"));
        candidates.add(module.resolve("../../shared"));
        candidates.add(module.resolve("../shared"));
        for (Path c : candidates) {
            if (Files.isDirectory(c.resolve("golden-v2")) || Files.isDirectory(c.resolve("spec/v2"))) {
                return Optional.of(c.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    static Path goldenDirOrSkip() {
        Optional<Path> shared = sharedDir().filter(s -> Files.isDirectory(s.resolve("golden-v2")));
        Assumptions.assumeTrue(shared.isPresent(),
                "golden-v2 cases not found: set -Dopenta.shared.dir=<dir holding golden-v2/> or place shared/"
                        + " beside the repository (tried the property, ../../shared and ../shared)");
        return shared.get().resolve("golden-v2");
    }
}
