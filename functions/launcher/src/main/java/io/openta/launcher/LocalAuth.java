package io.openta.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The embedded mode's token issuer: an RSA key pair kept in {@code <data>/auth/} (or env {@code OPENTA_AUTH_DIR}, for
 * several serve processes that must accept the same tokens), made on first use, readable by its owner only. The
 * functions app verifies with the public key ({@link #appEnvironment()}); {@link #mint} signs RS256 JWTs with the
 * private one: {@code iss} {@value #ISSUER}, {@code sub} and {@code upn} the user, {@code groups} the role.
 */
final class LocalAuth {
    static final String ISSUER = "openta-local";
    static final List<String> ROLES = List.of("viewer", "operator", "admin");
    static final String PRIVATE_KEY = "signing-key.pem";
    static final String PUBLIC_KEY = "public-key.pem";
    /** How long the launcher's own tokens (for the calls it makes to an app it started) live. */
    static final Duration OWN_TOKEN_TTL = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final Path dir;
    private final KeyPair keys;

    private LocalAuth(Path dir, KeyPair keys) {
        this.dir = dir;
        this.keys = keys;
    }

    /** The key folder of a data folder: env OPENTA_AUTH_DIR, else {@code <data>/auth}. */
    static Path dir(Path dataDir, Map<String, String> env) {
        String shared = env.get("OPENTA_AUTH_DIR");
        return (shared == null || shared.isBlank() ? dataDir.resolve("auth") : Path.of(shared)).toAbsolutePath();
    }

    /** Loads the key pair in {@code dir}, making it first if there is none. */
    static LocalAuth open(Path dir) throws IOException {
        Files.createDirectories(dir);
        ownerOnly(dir, "rwx------");
        // several launchers may start on one key folder at once (serve processes sharing OPENTA_AUTH_DIR): the lock
        // makes exactly one of them create the pair; the others read it
        synchronized (LocalAuth.class) {
            try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                Path priv = dir.resolve(PRIVATE_KEY);
                Path pub = dir.resolve(PUBLIC_KEY);
                if (!Files.isRegularFile(priv) || !Files.isRegularFile(pub)) {
                    KeyPair pair = generate();
                    write(priv, "PRIVATE KEY", pair.getPrivate().getEncoded());
                    write(pub, "PUBLIC KEY", pair.getPublic().getEncoded());
                    return new LocalAuth(dir, pair);
                }
                return new LocalAuth(dir, read(priv, pub));
            }
        }
    }

    /** The public key file the functions app verifies tokens with. */
    Path publicKeyFile() {
        return dir.resolve(PUBLIC_KEY);
    }

    PublicKey publicKey() {
        return keys.getPublic();
    }

    /** What the functions app needs to verify this issuer's tokens (standard MicroProfile JWT settings). */
    Map<String, String> appEnvironment() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKeyFile().toString(), "MP_JWT_VERIFY_ISSUER", ISSUER);
    }

    /** A short-lived admin token for the launcher's own calls to an app it started ({@code user} for the log). */
    String ownToken(String user) {
        return mint(user, "admin", OWN_TOKEN_TTL);
    }

    /** A signed bearer token for {@code user} with {@code role}, valid for {@code ttl} from now. */
    String mint(String user, String role, Duration ttl) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("not a role: " + role);
        }
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", user);
        claims.put("upn", user); // the principal name smallrye-jwt takes first
        claims.put("groups", List.of(role));
        claims.put("iat", now);
        claims.put("exp", now + ttl.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        try {
            String signingInput = b64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT"))) + "."
                    + b64(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rs256.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token: " + e, e);
        }
    }

    private static String b64(byte[] bytes) {
        return B64URL.encodeToString(bytes);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a PEM file that only its owner can read (0600 from the start: the key is never readable by others). */
    private static void write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' })
                .encodeToString(der) + "\n-----END " + type + "-----\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static KeyPair read(Path priv, Path pub) throws IOException {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey p = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(priv)));
            PublicKey q = rsa.generatePublic(new X509EncodedKeySpec(der(pub)));
            return new KeyPair(q, p);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("the signing key in " + priv.getParent() + " does not read: " + e.getMessage()
                    + " (delete the folder to make a new one; tokens signed with the old key stop working)", e);
        }
    }

    private static byte[] der(Path pem) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing more can be done here
        }
    }
}
