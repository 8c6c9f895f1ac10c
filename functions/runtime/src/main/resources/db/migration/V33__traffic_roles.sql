-- Stress traffic (issue 12): the role a production transaction runs as, with privileges on the production schemas
-- only. The shadow run of the migrations (ShadowMigration) applies this same script with every schema and this
-- role mapped to their shadow twins, which gives openta_shadow the shadow schemas only. The data layer switches
-- each transaction to its traffic's role (SET LOCAL ROLE, when openta.shadow.enabled), so a statement naming the
-- other side's table is refused by PostgreSQL before it touches a row.
-- Roles belong to the whole server: created here when the migrating user may create roles (a superuser, the
-- embedded services); otherwise an administrator creates them (NOLOGIN) and grants them to the application user
-- before this runs, and this script only grants privileges.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'openta_production') THEN
    IF NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
      RAISE NOTICE 'role openta_production not created: the migrating user may not create roles';
      RETURN;
    END IF;
    CREATE ROLE openta_production NOLOGIN;
  END IF;
  IF NOT pg_has_role(current_user, 'openta_production', 'MEMBER') THEN
    EXECUTE format('GRANT openta_production TO %I', current_user);
  END IF;
  GRANT USAGE ON SCHEMA sched, acct, trd, clr, access TO openta_production;
  GRANT ALL ON ALL TABLES IN SCHEMA sched, acct, trd, clr, access TO openta_production;
  GRANT ALL ON ALL SEQUENCES IN SCHEMA sched, acct, trd, clr, access TO openta_production;
  -- tables of later migrations (created by this same user) get the same privileges
  ALTER DEFAULT PRIVILEGES IN SCHEMA sched, acct, trd, clr, access GRANT ALL ON TABLES TO openta_production;
  ALTER DEFAULT PRIVILEGES IN SCHEMA sched, acct, trd, clr, access GRANT ALL ON SEQUENCES TO openta_production;
END $$;
