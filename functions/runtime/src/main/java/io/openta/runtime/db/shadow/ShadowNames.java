package io.openta.runtime.db.shadow;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.openta.model.events.Traffic;

/**
 * The one mapping from production names to their shadow twins (issue 12): each schema {@code s} of
 * {@link #PRODUCTION_SCHEMAS} has the twin {@code shadow_s}, and the database role {@value #PRODUCTION_ROLE} has
 * {@value #SHADOW_ROLE}. Used twice: on the migration scripts, which creates the shadow schemas from the same DDL,
 * and on the statement text of a shadow transaction, so the stages' SQL is not rewritten.
 * <p>
 * Statement text maps schema-qualified names as the stages write them ({@code clr.position}); a name written
 * another way (quoted, unqualified, built inside a database function) is not mapped, and the transaction's role
 * then refuses it ({@link TrafficGuard}), or, for an unqualified name, PostgreSQL does not find it (a schema the role
 * may not use is skipped in the search path): the mapping is a convenience, the role is the guard.
 */
public final class ShadowNames {
    /** The schemas of the migrations: the four of the stages and the access layer's. */
    public static final List<String> PRODUCTION_SCHEMAS = List.of("sched", "acct", "trd", "clr", "access");
    public static final String SHADOW_PREFIX = "shadow_";
    public static final String PRODUCTION_ROLE = "openta_production";
    public static final String SHADOW_ROLE = "openta_shadow";

    private static final String SCHEMA_ALTERNATIVES = String.join("|", PRODUCTION_SCHEMAS);
    /** A production schema qualifying a name, as the stages write it: {@code clr.} not after a word or a quote. */
    private static final Pattern QUALIFIER = Pattern.compile("(?<![\\w$.\"])(" + SCHEMA_ALTERNATIVES + ")\\.(?=[\\w\"])");
    /** A production schema or role name as a whole word, in a migration script (also {@code 'clr'} literals). */
    private static final Pattern MIGRATION_WORD = Pattern.compile(
            "(?<![\\w$])(" + SCHEMA_ALTERNATIVES + "|" + PRODUCTION_ROLE + ")(?![\\w$])");
    /** A schema-qualified table name, quoted or not, for naming what a refused statement touched. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile(
            "(?<![\\w$.])\"?((?:" + SHADOW_PREFIX + ")?(?:" + SCHEMA_ALTERNATIVES + "))\"?\\s*\\.\\s*\"?(\\w+)\"?");

    private ShadowNames() {
    }

    public static String shadowSchema(String productionSchema) {
        return SHADOW_PREFIX + productionSchema;
    }

    public static List<String> shadowSchemas() {
        return PRODUCTION_SCHEMAS.stream().map(ShadowNames::shadowSchema).toList();
    }

    /** The database role a transaction of this traffic runs as. */
    public static String role(Traffic traffic) {
        return traffic == Traffic.SHADOW ? SHADOW_ROLE : PRODUCTION_ROLE;
    }

    /** A stage statement as a shadow transaction runs it: {@code clr.position} becomes {@code shadow_clr.position}. */
    public static String statement(String sql) {
        return QUALIFIER.matcher(sql).replaceAll(SHADOW_PREFIX + "$1.");
    }

    /** A migration script as the shadow run applies it: every schema and the production role become their twins. */
    public static String migration(String script) {
        Matcher m = MIGRATION_WORD.matcher(script);
        return m.replaceAll(r -> PRODUCTION_ROLE.equals(r.group(1)) ? SHADOW_ROLE : SHADOW_PREFIX + r.group(1));
    }

    /** The first table in {@code sql} that belongs to the other side of {@code traffic} ("schema.table"), if any. */
    public static Optional<String> foreignTable(Traffic traffic, String sql) {
        Matcher m = QUALIFIED_NAME.matcher(sql);
        while (m.find()) {
            boolean shadow = m.group(1).startsWith(SHADOW_PREFIX);
            if (shadow != (traffic == Traffic.SHADOW)) {
                return Optional.of(m.group(1) + "." + m.group(2));
            }
        }
        return Optional.empty();
    }
}
