-- Seeding a stress day from production's last close (issue 12, ./openta stress --from-production): the one
-- operation that reads production and writes the shadow set, in one transaction, runs as role openta_seed. The
-- role may read the production tables of the clearing (SELECT only: it cannot change production) and, through
-- membership in openta_shadow, write the shadow ones. openta_production and openta_shadow stay as V33 made them, so
-- every other transaction is still held to one side.
-- The shadow run of this script (ShadowMigration) maps the schema names, so there it grants openta_seed SELECT on
-- the shadow twins (the shadow schemas keep the same grants as production's) and, the literal 'sched' having become
-- 'shadow_sched', the membership in openta_shadow.
-- Created here when the migrating user may create roles (the embedded services do); otherwise an administrator
-- creates openta_seed NOLOGIN, grants it openta_shadow and grants it to the application user.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'openta_seed') THEN
    IF NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
      RAISE NOTICE 'role openta_seed not created: the migrating user may not create roles';
      RETURN;
    END IF;
    CREATE ROLE openta_seed NOLOGIN;
  END IF;
  IF NOT pg_has_role(current_user, 'openta_seed', 'MEMBER') THEN
    EXECUTE format('GRANT openta_seed TO %I', current_user);
  END IF;
  GRANT USAGE ON SCHEMA sched, acct, trd, clr TO openta_seed;
  GRANT SELECT ON ALL TABLES IN SCHEMA sched, acct, trd, clr TO openta_seed;
  GRANT SELECT ON ALL SEQUENCES IN SCHEMA sched, acct, trd, clr TO openta_seed;
  ALTER DEFAULT PRIVILEGES IN SCHEMA sched, acct, trd, clr GRANT SELECT ON TABLES TO openta_seed;
  ALTER DEFAULT PRIVILEGES IN SCHEMA sched, acct, trd, clr GRANT SELECT ON SEQUENCES TO openta_seed;
  IF starts_with('sched', 'shadow_') AND NOT pg_has_role('openta_seed', 'openta_production', 'MEMBER') THEN
    GRANT openta_production TO openta_seed;
  END IF;
END $$;
