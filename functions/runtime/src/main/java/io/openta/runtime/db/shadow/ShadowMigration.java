package io.openta.runtime.db.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

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
     * Refuses to go on (one line) unless the database user may take both traffic roles: without them every
     * transaction under the guard would fail. V33 creates them only where the migrating user may create roles.
     */
    public static void requireRoles(DataSource db) {
        String query = "SELECT count(*) FROM pg_roles WHERE rolname IN ('" + ShadowNames.PRODUCTION_ROLE + "', '"
                + ShadowNames.SHADOW_ROLE + "') AND pg_has_role(current_user, oid, 'MEMBER')";
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            if (r.getInt(1) != 2) {
                throw new IllegalStateException("openta.shadow.enabled=true, but the database user is not a member of "
                        + "both roles " + ShadowNames.PRODUCTION_ROLE + " and " + ShadowNames.SHADOW_ROLE
                        + " (an administrator creates them NOLOGIN and grants them to it; see migration V33)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("checking the traffic roles: " + e.getMessage(), e);
        }
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
