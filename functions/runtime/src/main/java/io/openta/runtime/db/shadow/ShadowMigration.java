package io.openta.runtime.db.shadow;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.scanner.Scanner;

/**
 * Creates and migrates the shadow schemas (issue 12): a second Flyway run over the production migrations, with
 * their text mapped by {@link ShadowNames#migration} and its own history table in {@code shadow_sched}. Run after
 * the production migration, by whoever migrates (the scheduler, when {@code openta.shadow.enabled}). Flyway is a
 * provided dependency of the runtime: only apps that migrate (they have Flyway) use this class.
 */
public final class ShadowMigration {
    private ShadowMigration() {
    }

    /** Migrates the shadow schemas with the settings (data source, locations, scripts) of the production run. */
    public static MigrateResult migrate(Configuration production) {
        String history = ShadowNames.shadowSchema(ShadowNames.PRODUCTION_SCHEMAS.get(0));
        return Flyway.configure(production.getClassLoader()).configuration(production)
                .schemas(history).defaultSchema(history).createSchemas(true)
                .resourceProvider(new ShadowScripts(scripts(production)))
                .load().migrate();
    }

    /**
     * The production run's scripts: the provider Quarkus built at build time, or (plain Flyway, as in the tests)
     * Flyway's own classpath scanner over the configured locations.
     */
    private static ResourceProvider scripts(Configuration production) {
        ResourceProvider given = production.getResourceProvider();
        return given != null ? given : new Scanner<>(JavaMigration.class, production, production.getLocations());
    }
}
