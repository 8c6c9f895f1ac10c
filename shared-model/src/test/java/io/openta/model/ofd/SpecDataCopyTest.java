package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The class-path copies of the contract data equal {@code shared/spec/v2/*} byte for byte. */
class SpecDataCopyTest {

    @ParameterizedTest
    @ValueSource(strings = {"fields-21.tsv", "fields-22.tsv", "layouts-21.tsv", "return-codes.tsv"})
    void copyIsByteIdentical(String name) throws IOException {
        Path spec = OfdTestSupport.sharedDir().map(s -> s.resolve("spec/v2")).orElse(null);
        Assumptions.assumeTrue(spec != null && Files.isDirectory(spec),
                "shared/spec/v2 not found beside the repository (user.dir " + System.getProperty("user.dir")
                        + "/../../shared): the copy is not compared");
        assertArrayEquals(Files.readAllBytes(spec.resolve(name)), SpecData.bytes(name), name);
    }
}
