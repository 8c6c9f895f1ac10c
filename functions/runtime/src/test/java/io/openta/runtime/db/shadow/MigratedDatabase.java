package io.openta.runtime.db.shadow;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;

import io.openta.runtime.db.ProductionMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky binaries) migrated as the scheduler migrates it with shadow traffic on: the production
 * run of db/migration (history in sched), then {@link ShadowMigration}. The test connects as a superuser; the
 * traffic roles then still restrict what it may do, because SET ROLE gives up the session user's rights.
 */
final class MigratedDatabase implements AutoCloseable {
    final EmbeddedPostgres postgres;

    MigratedDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway production = ProductionMigrations.configure(postgres.getPostgresDatabase()).load();
        production.migrate();
        ShadowMigration.migrate(production.getConfiguration());
    }

    /** One number from a query (a count), over JDBC as the superuser. */
    long count(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
