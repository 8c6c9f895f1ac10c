package io.openta.runtime.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.openta.model.zone.ZoneSplit;
import io.quarkus.runtime.StartupEvent;

/**
 * A process in a zone that is not one of the known zones, a primary zone that is not known, or a primary share
 * outside 0-100 % does not start: one line says which. Observed before the messaging channels start (so no task
 * consumer ever joins the group with a zone the split does not know).
 */
@ApplicationScoped
public class ZoneCheck {
    private static final Logger LOG = Logger.getLogger(ZoneCheck.class);

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, OpenTaConfig config) {
        String problem = problem(config.zone(), config.zones());
        if (problem != null) {
            // thrown from a start observer, this ends the start: the app never reports ready and exits
            LOG.error("cannot start: " + problem);
            throw new IllegalStateException("cannot start: " + problem);
        }
    }

    /** What is wrong with the zone settings, or null. */
    static String problem(String zone, OpenTaConfig.Zones zones) {
        String known = String.join(", ", zones.known());
        if (!zones.known().contains(zone)) {
            return "zone '" + zone + "' is not one of the known zones " + known + " (openta.zone, env OPENTA_ZONE, "
                    + "serve --zone)";
        }
        if (!zones.known().contains(zones.primary())) {
            return "primary zone '" + zones.primary() + "' is not one of the known zones " + known
                    + " (openta.zones.primary)";
        }
        try {
            new ZoneSplit(zones.primary(), zones.primaryShare());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
