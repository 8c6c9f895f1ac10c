package io.openta.access.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The server's host key: the configured file (e.g. mounted from a Secret) or, without one, an ECDSA P-256 key
 * generated on first start and kept under the data root, so that clients see the same host key after a restart.
 */
final class HostKeys {
    private HostKeys() {
    }

    static KeyPairProvider provider(Optional<Path> configured, Path generated) throws IOException {
        if (configured.isPresent()) {
            Path file = configured.get();
            if (!Files.isReadable(file)) {
                throw new IOException("host key " + file + " (openta.access.host-key) cannot be read");
            }
            FileKeyPairProvider p = new FileKeyPairProvider(file);
            // read it now: a key that cannot be used should stop the start, not fail each client's connection
            try {
                if (!p.loadKeys(null).iterator().hasNext()) {
                    throw new IOException("host key " + file + " (openta.access.host-key) holds no key");
                }
            } catch (RuntimeException e) {
                throw new IOException("host key " + file + " (openta.access.host-key) cannot be read: " + e, e);
            }
            return p;
        }
        Files.createDirectories(generated.getParent());
        SimpleGeneratorHostKeyProvider p = new SimpleGeneratorHostKeyProvider(generated);
        p.setAlgorithm(KeyUtils.EC_ALGORITHM);
        p.setKeySize(256);
        return p;
    }
}
