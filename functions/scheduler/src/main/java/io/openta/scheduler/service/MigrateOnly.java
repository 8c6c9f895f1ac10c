package io.openta.scheduler.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.openta.runtime.config.OpenTaConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

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

    /** Scheduled scheduler work is skipped in a migrate-only run. */
    @jakarta.inject.Singleton
    public static class Skip implements Scheduled.SkipPredicate {
        private final OpenTaConfig config;

        public Skip(OpenTaConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return config.migrateOnly();
        }
    }
}
