package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every input file of the golden cases is accepted, or rejected with the REASON of its {@code out/<name>.ERR}
 * (first two words). Day folders are named YYYYMMDD optionally followed by a letter; the TA code is 99.
 */
class GoldenFilesTest {

    @TestFactory
    List<DynamicTest> everyGoldenInputIsCheckedAsTheGoldenOutboxSays() throws IOException {
        Path golden = OfdTestSupport.goldenDirOrSkip();
        List<Path> inputs;
        try (Stream<Path> s = Files.walk(golden)) {
            inputs = s.filter(Files::isRegularFile)
                    .filter(p -> p.getParent().getFileName().toString().equals("in"))
                    .sorted().toList();
        }
        assertFalse(inputs.isEmpty(), "no golden inputs under " + golden);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path in : inputs) {
            Path day = in.getParent().getParent();
            String date = day.getFileName().toString().substring(0, 8);
            Path err = day.resolve("out").resolve(in.getFileName() + ".ERR");
            String name = golden.relativize(in).toString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                OfdCheck c = OfdReader.check(in, "99", date);
                if (Files.exists(err)) {
                    String[] words = Files.readString(err, StandardCharsets.US_ASCII).trim().split(" ");
                    assertEquals("REJECTED", words[0]);
                    assertFalse(c.accepted(), name + " should be rejected " + words[1]);
                    assertEquals(words[1], c.rejection().reason(), c.rejection().errLine());
                    assertEquals(in.getFileName() + ".ERR", c.errFileName());
                } else {
                    assertTrue(c.accepted(), () -> name + ": " + c.rejection().errLine());
                    long[] n = {0};
                    OfdReader.forEachRecord(in, c.header(), (no, r) -> {
                        assertEquals(++n[0], no);
                        assertEquals(c.header().recordWidth(), r.line().length());
                    });
                    assertEquals(c.recordCount(), n[0]);
                    assertEquals(OfdFileName.parse(in.getFileName().toString()).orElseThrow(),
                            c.header().fileName());
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("README.txt is rejected with NAME, detail the file name", () -> {
            Path readme = golden.resolve("case-02-rejections/20261201/in/README.txt");
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(readme));
            assertEquals("REJECTED NAME README.txt", OfdReader.check(readme, "99", "20261201").rejection().errLine());
            assertEquals(Files.readString(golden.resolve("case-02-rejections/20261201/out/README.txt.ERR")),
                    OfdReader.check(readme, "99", "20261201").rejection().errFileText());
        }));
        return tests;
    }
}
