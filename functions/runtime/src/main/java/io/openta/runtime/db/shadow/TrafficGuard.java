package io.openta.runtime.db.shadow;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.events.Traffic;
import io.openta.runtime.db.DbRetry;
import io.openta.runtime.db.Sql;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.sqlclient.DatabaseException;

/**
 * Fail closed, in one place (issue 12). With shadow traffic on, every transaction of the data layer starts with
 * {@code SET LOCAL ROLE} to its traffic's role: {@value ShadowNames#SHADOW_ROLE} may use only the shadow schemas,
 * {@value ShadowNames#PRODUCTION_ROLE} only the production ones (migration V33). A statement naming the other
 * side's table then fails with PostgreSQL's permission error before it reads or writes a row, and the transaction is
 * rolled back; {@link #refusal} turns that error into a {@link TrafficViolation} naming the table and the mark.
 * A shadow transaction's statements are mapped to the shadow schemas first ({@link ShadowNames#statement}).
 * <p>
 * With shadow traffic off, production transactions run as before (no role switch) and shadow-marked work is
 * refused outright.
 */
@ApplicationScoped
public class TrafficGuard {
    /** SQLSTATE insufficient_privilege. */
    private static final String PERMISSION_DENIED = "42501";

    private final boolean enabled;

    public TrafficGuard(ShadowConfig config) {
        this.enabled = config.enabled();
    }

    /** Opens the work of a transaction just begun on {@code conn} under the mark {@code traffic}. */
    public Sql enter(SqlConnection conn, Traffic traffic) {
        Traffic mark = Traffic.orProduction(traffic);
        if (!enabled) {
            if (mark == Traffic.SHADOW) {
                throw new TrafficViolation("shadow traffic refused: shadow traffic is off (openta.shadow.enabled)",
                        null);
            }
            return new Sql(conn);
        }
        String role = ShadowNames.role(mark);
        try {
            conn.query("SET LOCAL ROLE " + role).executeAndAwait();
        } catch (RuntimeException e) {
            if (DbRetry.isTransient(e)) {
                throw e;
            }
            throw new TrafficViolation(mark.name() + " transaction refused: cannot run as role " + role + " ("
                    + e.getMessage() + "); migration V33 creates the traffic roles", e);
        }
        return new Sql(conn, mark);
    }

    /**
     * The error to throw for {@code error}, raised by {@code statement} in a transaction of {@code traffic}: a
     * {@link TrafficViolation} when the database refused it for lack of privilege, else {@code error} itself.
     */
    public static RuntimeException refusal(Traffic traffic, String statement, RuntimeException error) {
        DatabaseException db = null;
        for (Throwable t = error; t != null && db == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException d && PERMISSION_DENIED.equals(d.getSqlState())) {
                db = d;
            }
        }
        if (db == null) {
            return error;
        }
        String side = traffic == Traffic.SHADOW ? "production" : "shadow";
        String table = ShadowNames.foreignTable(traffic, statement).map(t -> side + " table " + t)
                .orElse("a table outside the " + traffic.name().toLowerCase(java.util.Locale.ROOT) + " schemas");
        return new TrafficViolation(traffic.name() + " transaction refused: its statement names " + table + " ("
                + db.getMessage() + ")", error);
    }
}
