package io.openta.scheduler.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.openta.runtime.config.OpenTaConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/** OPENTA_MIGRATE_ONLY=true: Flyway has migrated at start; exit (the Kubernetes pre-install/pre-upgrade job). */
@ApplicationScoped
public class MigrateOnly {
    private static final Logger LOG = Logger.getLogger(MigrateOnly.class);

    void onStart(@Observes StartupEvent event, OpenTaConfig config) {
        if (config.migrateOnly()) {
            LOG.info("schema migrated; exiting (openta.migrate-only=true)");
            Quarkus.asyncExit(0);
        }
    }
}
