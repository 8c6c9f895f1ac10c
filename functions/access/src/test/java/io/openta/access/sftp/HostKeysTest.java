package io.openta.access.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeysTest {
    @TempDir
    Path dir;

    @Test
    void aGeneratedKeyIsKeptAndReusedAfterARestart() throws Exception {
        Path kept = dir.resolve("access/ssh_host_key");
        KeyPair first = only(HostKeys.provider(Optional.empty(), kept));
        assertTrue(Files.exists(kept));
        KeyPair again = only(HostKeys.provider(Optional.empty(), kept));
        assertEquals(first.getPublic(), again.getPublic());
    }

    @Test
    void aConfiguredOpenSshKeyIsUsedAndABadOneStopsTheStart() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "ssh-keygen is not installed");
        Path key = dir.resolve("host_key");
        Process kg = new ProcessBuilder("/usr/bin/ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f",
                key.toString()).redirectErrorStream(true).start();
        assertTrue(kg.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, kg.exitValue());
        assertEquals("EC", only(HostKeys.provider(Optional.of(key), dir.resolve("unused"))).getPublic().getAlgorithm());
        assertTrue(Files.notExists(dir.resolve("unused")), "no key generated when one is configured");

        Path bad = dir.resolve("bad_key");
        Files.writeString(bad, "not a key\n");
        assertThrows(IOException.class, () -> HostKeys.provider(Optional.of(bad), dir.resolve("unused")));
        assertThrows(IOException.class, () -> HostKeys.provider(Optional.of(dir.resolve("missing")), dir.resolve("unused")));
    }

    private static KeyPair only(KeyPairProvider p) throws Exception {
        List<KeyPair> keys = new java.util.ArrayList<>();
        p.loadKeys(null).forEach(keys::add);
        assertEquals(1, keys.size());
        return keys.get(0);
    }
}
