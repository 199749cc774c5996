-- Makes FerretDB 1.24's PostgreSQL backend use indexes for equality filters (dev database only;
-- production MongoDB needs none of this).
--
-- FerretDB turns `find({field: value})` into `_jsonb->$1 @> $2` (`_jsonb #> $1 @> $2` for a
-- dotted path), with the field name as a bind parameter. The B-tree expression indexes it builds
-- for `createIndex` (`(_jsonb->'field')`) cannot serve `@>`, so every lookup, `_id` included, is
-- a sequential scan. Two things fix that:
--   1. a GIN `jsonb_path_ops` index on the same expression, which serves `@>`: an event trigger
--      adds one for every index FerretDB creates (and for `_id` on every collection table), and
--      drops it again when FerretDB drops the last index on that field;
--   2. `plan_cache_mode = force_custom_plan`, so the planner sees the field name as a constant
--      and can match the expression (FerretDB prepares its statements; a generic plan keeps
--      `$1`). Applies to connections opened after this ran.
--
-- Idempotent; run by ensure-dev-db.sh on every start (psql -v ON_ERROR_STOP=1 -1), followed by
-- `CALL bigtix_dev_db.sweep()` for indexes made before. Nothing here may abort FerretDB's own
-- DDL: the trigger functions turn any error into a WARNING.
-- Our indexes are named `..._gin` (FerretDB's always end in `_idx`, so names never collide) and
-- carry the comment below, so we only ever drop our own. FerretDB lists indexes from its own
-- metadata table, so clients never see them.

SELECT pg_advisory_xact_lock(hashtext('bigtix_dev_db.gin_indexes'));

CREATE SCHEMA IF NOT EXISTS bigtix_dev_db;
COMMENT ON SCHEMA bigtix_dev_db IS
  'BigTix dev database: GIN indexes for FerretDB equality filters (tools/dev-db/gin-indexes.sql)';

-- A schema is a FerretDB database when it holds FerretDB's metadata table.
CREATE OR REPLACE FUNCTION bigtix_dev_db.is_ferretdb_schema(schema_oid oid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM pg_class
    WHERE relnamespace = schema_oid AND relname = '_ferretdb_database_metadata' AND relkind = 'r')
$$;

-- The JSON path of one FerretDB index key, e.g. `((_jsonb -> 'a'::text) -> 'b'::text)` gives
-- {a,b}; NULL when the expression is not exactly that shape.
CREATE OR REPLACE FUNCTION bigtix_dev_db.key_path(expr text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  path text[];
BEGIN
  SELECT array_agg(replace(m[1], '''''', '''') ORDER BY n) INTO path
  FROM regexp_matches(expr, '''((?:[^'']|'''')*)''::text', 'g') WITH ORDINALITY AS t(m, n);
  IF path IS NULL THEN
    RETURN NULL;
  END IF;
  -- Accept only what renders back to the same text: anything else is not a plain key path.
  IF repeat('(', cardinality(path)) || '_jsonb' ||
     (SELECT string_agg(' -> ' || quote_literal(f) || '::text)', '' ORDER BY n)
      FROM unnest(path) WITH ORDINALITY AS u(f, n)) <> expr THEN
    RETURN NULL;
  END IF;
  RETURN path;
END
$$;

-- The expression FerretDB's filter uses for a path, which is what the GIN index must be on.
CREATE OR REPLACE FUNCTION bigtix_dev_db.filter_expr(path text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN cardinality(path) = 1
    THEN format('(_jsonb -> %L::text)', path[1])
    ELSE format('(_jsonb #> %L::text[])', path::text)
  END
$$;

-- The GIN indexes a collection table should have: one per field path of its B-tree indexes
-- (FerretDB's, `(_jsonb->'a')` or `((_jsonb->'a')->'b')`), plus `_id`; named after table and path.
CREATE OR REPLACE FUNCTION bigtix_dev_db.wanted(table_oid oid) RETURNS TABLE (name text, expr text)
LANGUAGE sql STABLE AS $$
  SELECT DISTINCT
    format('%s_%s_%s_gin',
           left(c.relname, 24),
           left(regexp_replace(lower(array_to_string(p.path, '_')), '[^a-z0-9]+', '_', 'g'), 16),
           left(md5(c.relname || '/' || p.path::text), 10)),
    bigtix_dev_db.filter_expr(p.path)
  FROM pg_class c
  CROSS JOIN LATERAL (
    SELECT ARRAY['_id']::text[] AS path
    UNION
    SELECT bigtix_dev_db.key_path(pg_get_indexdef(i.indexrelid, k.n::int, true))
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_am am ON am.oid = ic.relam AND am.amname = 'btree'
    CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) AS k(n)
    WHERE i.indrelid = c.oid
  ) p
  WHERE c.oid = table_oid AND p.path IS NOT NULL
$$;

-- Gives one collection table exactly the GIN indexes its FerretDB indexes (plus `_id`) call for.
CREATE OR REPLACE FUNCTION bigtix_dev_db.sync_table(table_oid oid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tbl record;
  want record;
  ours record;
  wanted text[];
  marker CONSTANT text := 'bigtix dev-db: GIN for FerretDB equality filters';
  was_busy CONSTANT text := coalesce(current_setting('bigtix_dev_db.busy', true), '');
BEGIN
  SELECT c.oid, c.relname, c.relnamespace, n.nspname INTO tbl
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.oid = table_oid AND c.relkind = 'r'
    AND c.relname <> '_ferretdb_database_metadata'
    AND bigtix_dev_db.is_ferretdb_schema(n.oid)
    AND EXISTS (SELECT 1 FROM pg_attribute a
                WHERE a.attrelid = c.oid AND a.attname = '_jsonb' AND NOT a.attisdropped);
  IF NOT FOUND THEN
    RETURN;
  END IF;
  PERFORM set_config('bigtix_dev_db.busy', 'on', true);

  SELECT coalesce(array_agg(w.name), '{}') INTO wanted FROM bigtix_dev_db.wanted(tbl.oid) w;

  -- Drop ours that no FerretDB index calls for any more (FerretDB dropped an index).
  FOR ours IN
    SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
    WHERE i.indrelid = tbl.oid AND obj_description(ic.oid, 'pg_class') = marker
      AND ic.relname <> ALL (wanted)
  LOOP
    EXECUTE format('DROP INDEX %I.%I', tbl.nspname, ours.relname);
  END LOOP;

  FOR want IN
    SELECT w.name, w.expr FROM bigtix_dev_db.wanted(tbl.oid) w
    WHERE NOT EXISTS (SELECT 1 FROM pg_class ic
                      WHERE ic.relnamespace = tbl.relnamespace AND ic.relname = w.name)
  LOOP
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin (%s jsonb_path_ops)',
                   want.name, tbl.nspname, tbl.relname, want.expr);
    EXECUTE format('COMMENT ON INDEX %I.%I IS %L', tbl.nspname, want.name, marker);
  END LOOP;
  PERFORM set_config('bigtix_dev_db.busy', was_busy, true);
END
$$;

CREATE OR REPLACE FUNCTION bigtix_dev_db.sync_schema(schema_oid oid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  t oid;
BEGIN
  FOR t IN SELECT oid FROM pg_class WHERE relnamespace = schema_oid AND relkind = 'r' LOOP
    PERFORM bigtix_dev_db.sync_table(t);
  END LOOP;
END
$$;

-- sync_table, with any error (a table locked past lock_timeout, a concurrent sweep) a WARNING.
CREATE OR REPLACE FUNCTION bigtix_dev_db.try_sync_table(table_oid oid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bigtix_dev_db.sync_table(table_oid);
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'bigtix dev-db: GIN indexes for table % skipped: %', table_oid::regclass, SQLERRM;
END
$$;

-- Indexes FerretDB made before the trigger existed. One transaction per table, so the sweep
-- never holds locks on many tables at once, and waits at most 2 s for any one of them.
-- Run with CALL outside a transaction block (after the install transaction commits).
DROP FUNCTION IF EXISTS bigtix_dev_db.sync_all();
CREATE OR REPLACE PROCEDURE bigtix_dev_db.sweep()
LANGUAGE plpgsql AS $$
DECLARE
  t oid;
BEGIN
  PERFORM set_config('lock_timeout', '2s', false);
  FOR t IN
    SELECT c.oid FROM pg_class c
    WHERE c.relkind = 'r' AND bigtix_dev_db.is_ferretdb_schema(c.relnamespace)
    ORDER BY c.oid
  LOOP
    PERFORM bigtix_dev_db.try_sync_table(t);
    COMMIT;
  END LOOP;
END
$$;

-- Our own CREATE/DROP INDEX fire the triggers again; this flag (set by sync_table, local to the
-- transaction, put back on the way out and rolled back with a failed one) keeps them from recursing.
CREATE OR REPLACE FUNCTION bigtix_dev_db.busy() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('bigtix_dev_db.busy', true), '') = 'on'
$$;

CREATE OR REPLACE FUNCTION bigtix_dev_db.on_create_index() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  t oid;
BEGIN
  IF bigtix_dev_db.busy() THEN
    RETURN;
  END IF;
  BEGIN
    FOR t IN
      SELECT DISTINCT i.indrelid
      FROM pg_event_trigger_ddl_commands() c JOIN pg_index i ON i.indexrelid = c.objid
      WHERE c.classid = 'pg_class'::regclass
    LOOP
      PERFORM bigtix_dev_db.sync_table(t);
    END LOOP;
  EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'bigtix dev-db: GIN index sync skipped: %', SQLERRM;
  END;
END
$$;

CREATE OR REPLACE FUNCTION bigtix_dev_db.on_drop_index() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  s oid;
BEGIN
  IF bigtix_dev_db.busy() THEN
    RETURN;
  END IF;
  BEGIN
    FOR s IN
      SELECT DISTINCT n.oid
      FROM pg_event_trigger_dropped_objects() d JOIN pg_namespace n ON n.nspname = d.schema_name
      WHERE d.object_type = 'index' AND d.original
    LOOP
      PERFORM bigtix_dev_db.sync_schema(s);
    END LOOP;
  EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'bigtix dev-db: GIN index sync skipped: %', SQLERRM;
  END;
END
$$;

DROP EVENT TRIGGER IF EXISTS bigtix_dev_db_create_index;
CREATE EVENT TRIGGER bigtix_dev_db_create_index ON ddl_command_end
  WHEN TAG IN ('CREATE INDEX')
  EXECUTE FUNCTION bigtix_dev_db.on_create_index();

DROP EVENT TRIGGER IF EXISTS bigtix_dev_db_drop_index;
CREATE EVENT TRIGGER bigtix_dev_db_drop_index ON sql_drop
  WHEN TAG IN ('DROP INDEX')
  EXECUTE FUNCTION bigtix_dev_db.on_drop_index();

DO $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
    WHERE d.datname = current_database() AND s.setrole = 0
      AND 'plan_cache_mode=force_custom_plan' = ANY (s.setconfig)) THEN
    EXECUTE format('ALTER DATABASE %I SET plan_cache_mode = force_custom_plan', current_database());
  END IF;
END
$$;
