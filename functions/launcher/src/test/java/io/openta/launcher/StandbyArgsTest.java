package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad arguments of {@code infra --standby} and {@code bench failover} exit 2 with the reason, starting nothing. */
class StandbyArgsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "infra --standby --partitions 0       | --partitions '0' is not a whole number",
        "infra --standby --bogus x            | unknown option --bogus for infra",
        "bench failover --runs 0              | --runs '0' is not a whole number from 1 to 100",
        "bench failover --runs x              | --runs 'x' is not a whole number",
        "bench failover --accounts 5          | --accounts must be at least 10",
        "bench failover --bogus 1             | unknown option --bogus for failover" })
    void refused(String args, String reason) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new OpenTa(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8), Map.of()).run(args.trim().split("\\s+"));
        String first = err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
        assertEquals(OpenTa.USAGE, code, first);
        assertTrue(first.contains(reason.trim()), first);
    }
}
