package io.openta.scheduler.service;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.openta.runtime.db.shadow.ShadowConfig;
import io.openta.runtime.db.shadow.ShadowMigration;
import io.quarkus.runtime.StartupEvent;

/**
 * With {@code openta.shadow.enabled} (issue 12), migrates the shadow schemas right after Quarkus migrated
 * production's at start, from the same scripts ({@link ShadowMigration}), before a migrate-only run exits; and
 * stops the start (one line) when the database user cannot take the traffic roles.
 */
@ApplicationScoped
public class ShadowSchemas {
    private static final Logger LOG = Logger.getLogger(ShadowSchemas.class);

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, ShadowConfig config,
            Flyway production) {
        if (config.enabled()) {
            var result = ShadowMigration.migrate(production.getConfiguration());
            LOG.infof("shadow schemas migrated: %d migrations applied, now at version %s", result.migrationsExecuted,
                    result.targetSchemaVersion);
            ShadowMigration.requireRoles(production.getConfiguration().getDataSource());
        }
    }
}
