package io.openta.access.console.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.openta.access.console.config.ConsoleConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * An access app configured for the console ({@code openta.access.scheduler-url} set) does not start without a way
 * to verify operators' tokens: the same {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} (or {@code MP_JWT_VERIFY_PUBLICKEY})
 * and {@code MP_JWT_VERIFY_ISSUER} as the scheduler. Without them every sign-in would be refused, which looks like a
 * working console; one line saying what to set is clearer. An access app for SFTP only needs neither.
 */
@ApplicationScoped
public class ConsoleAuthCheck {
    private static final Logger LOG = Logger.getLogger(ConsoleAuthCheck.class);

    private final Config config;
    private final ConsoleConfig console;

    public ConsoleAuthCheck(Config config, ConsoleConfig console) {
        this.config = config;
        this.console = console;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL || console.schedulerUrl().isEmpty()) {
            return;
        }
        String problem = problem(value("mp.jwt.verify.publickey.location"), value("mp.jwt.verify.publickey"),
                value("mp.jwt.verify.issuer"));
        if (problem != null) {
            LOG.error("cannot start the console: " + problem);
            throw new IllegalStateException("cannot start the console: " + problem);
        }
        LOG.infof("console at /console/, actions to the scheduler at %s", console.schedulerUrl().get());
    }

    /** What is missing, or null when tokens can be verified. */
    static String problem(Optional<String> keyLocation, Optional<String> key, Optional<String> issuer) {
        if (keyLocation.isEmpty() && key.isEmpty()) {
            return "no key to verify operators' tokens: set MP_JWT_VERIFY_PUBLICKEY_LOCATION (the scheduler's: a PEM "
                    + "file or an issuer's JWKS URL) and MP_JWT_VERIFY_ISSUER";
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
