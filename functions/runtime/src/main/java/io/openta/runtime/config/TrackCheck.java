package io.openta.runtime.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * A process on an unknown track does not start: one line names the value and the known tracks. Observed before the
 * messaging channels start, so such a process never takes a task it could not record.
 */
@ApplicationScoped
public class TrackCheck {
    private static final Logger LOG = Logger.getLogger(TrackCheck.class);

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, OpenTaConfig config) {
        try {
            Track track = Track.parse(config.track());
            LOG.infof("version %s on track %s", config.version(), track.id());
        } catch (IllegalArgumentException e) {
            // thrown from a start observer, this ends the start: the app never reports ready and exits
            LOG.error("cannot start: " + e.getMessage());
            throw new IllegalStateException("cannot start: " + e.getMessage());
        }
    }
}
