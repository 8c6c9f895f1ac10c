package io.openta.runtime.db;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway configured as the apps migrate (db/migration, its history in sched, the schemas created), for tests that
 * migrate a bare PostgreSQL themselves.
 */
public final class ProductionMigrations {
    private ProductionMigrations() {
    }

    public static FluentConfiguration configure(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").schemas("sched")
                .createSchemas(true);
    }
}
