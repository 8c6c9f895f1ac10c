package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden-v2 cases (shared/golden-v2): every input of a day is accepted, or rejected with the REASON of its
 * {@code out/<name>.ERR} (first two words), applying check 9 (INDEX) with the day's index verdicts; migrate days
 * use {@link OfdReader#checkRegister}. Every output data file re-reads with its standard layout and every
 * output index file is what {@link OfdIndex#write} writes.
 */
class GoldenFilesTest {

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Optional<String> expectedReason(Path day, Path in) throws IOException {
        Path err = day.resolve("out").resolve(in.getFileName() + ".ERR");
        if (!Files.exists(err)) {
            return Optional.empty();
        }
        String[] words = Files.readString(err, StandardCharsets.US_ASCII).trim().split(" ");
        assertEquals("REJECTED", words[0], err.toString());
        return Optional.of(words[1]);
    }

    private static void assertVerdict(String what, Optional<String> expected, Optional<Rejection> actual) {
        if (expected.isPresent()) {
            assertTrue(actual.isPresent(), what + " should be rejected " + expected.get());
            assertEquals(expected.get(), actual.get().reason(), what + ": " + actual.get().errLine());
        } else {
            assertTrue(actual.isEmpty(), () -> what + ": " + actual.get().errLine());
        }
    }

    @TestFactory
    List<DynamicNode> goldenDays() throws IOException {
        Path golden = OfdTestSupport.goldenDirOrSkip();
        List<DynamicNode> cases = new ArrayList<>();
        for (Path kase : dirs(golden)) {
            Path taFile = kase.resolve("ta");
            String ta = Files.exists(taFile) ? Files.readString(taFile).trim() : "99";
            List<DynamicNode> days = new ArrayList<>();
            for (Path day : dirs(kase)) {
                days.add(DynamicContainer.dynamicContainer(day.getFileName().toString(), dayTests(day, ta)));
            }
            cases.add(DynamicContainer.dynamicContainer(kase.getFileName().toString(), days));
        }
        assertFalse(cases.isEmpty(), "no golden cases under " + golden);
        return cases;
    }

    private static List<Path> dirs(Path p) throws IOException {
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static List<DynamicNode> dayTests(Path day, String ta) throws IOException {
        String dayName = day.getFileName().toString();
        String date = dayName.substring(0, 8);
        boolean migrate = dayName.endsWith("-migrate");
        boolean failed = Files.exists(day.resolve("out/DAY-FAILED"));
        List<Path> inputs = list(day.resolve("in"));
        List<String> inboxNames = inputs.stream().map(p -> p.getFileName().toString()).toList();
        List<DynamicNode> tests = new ArrayList<>();
        if (migrate) {
            for (Path in : inputs) {
                tests.add(DynamicTest.dynamicTest("migrate " + in.getFileName(), () -> {
                    OfdCheck c = OfdReader.checkRegister(in, date);
                    if (!failed) {
                        assertTrue(c.accepted(), () -> c.rejection().errLine());
                        long[] n = {0};
                        OfdReader.forEachRecord(in, c.header(), (no, r) -> n[0]++);
                        assertEquals(c.recordCount(), n[0]);
                    }
                }));
            }
            return tests;
        }
        // the index verdicts of the day
        List<IndexCheck> indexChecks = new ArrayList<>();
        for (Path in : inputs) {
            if (OfiFileName.isIndexName(in.getFileName().toString())) {
                indexChecks.add(OfdIndex.check(in, ta, date, inboxNames));
            }
        }
        IndexVerdicts verdicts = OfdIndex.verdicts(indexChecks);
        for (IndexCheck ic : indexChecks) {
            tests.add(DynamicTest.dynamicTest("index " + ic.file().getFileName(), () -> assertVerdict(
                    ic.file().getFileName().toString(), expectedReason(day, ic.file()),
                    Optional.ofNullable(ic.rejection()))));
        }
        for (Path in : inputs) {
            if (OfiFileName.isIndexName(in.getFileName().toString())) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest("data " + in.getFileName(), () -> {
                OfdCheck c = OfdReader.check(in, ta, date);
                Optional<Rejection> verdict = verdicts.forCheck(c);
                assertVerdict(in.getFileName().toString(), expectedReason(day, in), verdict);
                if (verdict.isPresent()) {
                    assertEquals(in.getFileName() + ".ERR", c.errFileName());
                    if (!failed) {
                        assertFalse(OfdReader.failsTheDay(in), "a rejected file of a day that cleared");
                    }
                } else {
                    long[] n = {0};
                    OfdReader.forEachRecord(in, c.header(), (no, r) -> {
                        assertEquals(++n[0], no);
                        assertEquals(c.header().recordWidth(), r.line().length());
                    });
                    assertEquals(c.recordCount(), n[0]);
                    OfdFileName name = OfdFileName.parse(in.getFileName().toString()).orElseThrow();
                    assertEquals(name.fileName(), c.header().fileName().fileName());
                }
            }));
        }
        for (Path out : list(day.resolve("out"))) {
            String n = out.getFileName().toString();
            Optional<OfdFileName> name = OfdFileName.parse(n);
            if (name.isPresent()) {
                tests.add(DynamicTest.dynamicTest("output " + n, () -> {
                    FileType t = name.get().fileType().orElseThrow();
                    assertFalse(t.input());
                    OfdCheck c = OfdReader.checkAnyType(out, name.get().receiver(), date);
                    assertTrue(c.accepted(), () -> c.rejection().errLine());
                    assertEquals(t.layout(), c.header().fields());
                    assertEquals(t.recordWidth(), c.header().recordWidth());
                    assertEquals("21", c.header().version());
                    assertEquals(ta, c.header().sender());
                    long[] count = {0};
                    OfdReader.forEachRecord(out, c.header(), (no, r) -> {
                        count[0]++;
                        assertEquals(t.recordWidth(), r.line().length());
                        assertTrue(Gbk.isValid(r.line()));
                        if (r.has("ErrorDetail")) {
                            // the GBK texts of return-codes.tsv, cut to C60, are what the golden files hold
                            assertEquals(Gbk.cut(ReturnCodeTexts.text(r.trimmed("ReturnCode")), 60),
                                    r.trimmed("ErrorDetail"), "ErrorDetail of " + r.trimmed("ReturnCode"));
                        }
                    });
                    assertEquals(c.recordCount(), count[0]);
                }));
            } else if (n.startsWith("OFI_") && !n.endsWith(".ERR")) {
                tests.add(DynamicTest.dynamicTest("output index " + n, () -> {
                    OfiFileName on = OfiFileName.parse(n).orElseThrow();
                    String golden = new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1);
                    String[] lines = golden.split("\r\n");
                    List<String> listed = List.of(lines).subList(6, lines.length - 1);
                    assertEquals(listed.stream().sorted().toList(), listed, "name order");
                    Path mine = Files.createTempFile("ofi", ".TXT");
                    try {
                        OfdIndex.write(mine, on.sender(), on.receiver(), on.date(), listed);
                        assertEquals(golden, new String(Files.readAllBytes(mine), StandardCharsets.ISO_8859_1));
                    } finally {
                        Files.delete(mine);
                    }
                }));
            }
        }
        return tests;
    }
}
