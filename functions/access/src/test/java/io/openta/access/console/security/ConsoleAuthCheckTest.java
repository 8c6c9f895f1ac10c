package io.openta.access.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** An access app with a console and no way to verify tokens names what to set; with key and issuer it starts. */
class ConsoleAuthCheckTest {

    @Test
    void aKeyAndAnIssuerAreNeeded() {
        String noKey = ConsoleAuthCheck.problem(Optional.empty(), Optional.empty(), Optional.of("openta-local"));
        assertTrue(noKey.startsWith("no key to verify operators' tokens: set MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
                noKey);
        assertEquals("no token issuer: set MP_JWT_VERIFY_ISSUER (the iss claim operators' tokens carry)",
                ConsoleAuthCheck.problem(Optional.of("/keys/public-key.pem"), Optional.empty(), Optional.empty()));
        assertNull(ConsoleAuthCheck.problem(Optional.of("/keys/public-key.pem"), Optional.empty(),
                Optional.of("openta-local")));
        assertNull(ConsoleAuthCheck.problem(Optional.empty(), Optional.of("MIIBIjANBg..."),
                Optional.of("https://issuer.example")));
    }
}
