package io.openta.scheduler.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.openta.runtime.config.OpenTaConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Secure by default: in the prod profile the scheduler does not start without a way to verify operators' tokens (a
 * public key or JWKS URL, and the issuer to expect). Without them smallrye-jwt would start and refuse every call, which
 * looks like a working API; failing the start with one line says what to set instead.
 */
@ApplicationScoped
public class AuthConfigCheck {
    private static final Logger LOG = Logger.getLogger(AuthConfigCheck.class);

    private final Config config;
    private final OpenTaConfig openta;

    public AuthConfigCheck(Config config, OpenTaConfig openta) {
        this.config = config;
        this.openta = openta;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL || openta.migrateOnly()) {
            return; // dev and test profiles configure their own keys; a migrate-only run serves no API
        }
        String problem = problem(value("mp.jwt.verify.publickey.location"), value("mp.jwt.verify.publickey"),
                value("mp.jwt.verify.issuer"));
        if (problem != null) {
            LOG.error("cannot start the scheduler: " + problem);
            throw new IllegalStateException("cannot start the scheduler: " + problem);
        }
    }

    /** What is missing, or null when tokens can be verified. */
    static String problem(Optional<String> keyLocation, Optional<String> key, Optional<String> issuer) {
        if (keyLocation.isEmpty() && key.isEmpty()) {
            return "no key to verify operators' tokens: set MP_JWT_VERIFY_PUBLICKEY_LOCATION (a PEM file or an "
                    + "issuer's JWKS URL) and MP_JWT_VERIFY_ISSUER";
        }
        if (issuer.isEmpty()) {
            return "no token issuer: set MP_JWT_VERIFY_ISSUER (the iss claim operators' tokens carry)";
        }
        return null;
    }

    private Optional<String> value(String name) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
    }
}
