-- The ministry's summary of every province adds up whole months. From dossier_counts that is one
-- row per unit, procedure and month (a year: 120,000 rows, 316–370 ms); here it is one row per
-- province, month, hand-over and stripe (a year: at most 34 × 12 × 2 × 16), the same facts without
-- the unit and procedure (docs/reports/speed.md).
--
-- Kept by the same trigger, in the same transaction, for every month, closed or running: a
-- closed month's facts still move when a late projection dates a result before the month's end,
-- when a dossier is deleted, or when its receiving unit, procedure or channel is corrected, so a
-- rollup of "ended months only" would need its own invalidation and a race-free idea of when a
-- month has ended. Kept always, it is exact by the trigger's own argument (0059).
--
-- Striped by dossier (the last byte of its id, 16 stripes): one row per province and month would
-- make every change of a province's dossiers wait for every other open transaction of that
-- province; two dossiers share a stripe 1 time in 16, and the same dossier's changes already wait
-- for each other on the dossier row.
CREATE TABLE "dossier_province_months" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "month" date NOT NULL,
  "handed_in" boolean NOT NULL,
  "stripe" smallint NOT NULL,
  "received_online" integer NOT NULL DEFAULT 0,
  "received_other" integer NOT NULL DEFAULT 0,
  "resolved_early" integer NOT NULL DEFAULT 0,
  "resolved_on_time" integer NOT NULL DEFAULT 0,
  "resolved_late" integer NOT NULL DEFAULT 0,
  "ended_without_result" integer NOT NULL DEFAULT 0,
  "ended_overdue" integer NOT NULL DEFAULT 0,
  -- Tenant first like every tenant table's key (and Citus's); the national read of a range of
  -- months reads the index alone, a few hundred entries per province and year.
  CONSTRAINT "dossier_province_months_pk" PRIMARY KEY ("tenant_id", "month", "handed_in", "stripe")
    INCLUDE ("received_online", "received_other", "resolved_early", "resolved_on_time", "resolved_late", "ended_without_result", "ended_overdue")
);--> statement-breakpoint

-- A dossier's stripe: the last byte of its id (random in a v4 uuid), modulo 16.
CREATE FUNCTION gov_dossier_stripe(id uuid) RETURNS smallint
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT (get_byte(uuid_send(id), 15) % 16)::smallint
$$;--> statement-breakpoint

-- As 0059, and the same facts added to the province's month and the dossier's stripe, after the
-- dossier_counts rows (every transaction locks the two tables in the same order, each in key order).
CREATE OR REPLACE FUNCTION gov_count_dossier_change() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.tenant_id, OLD.receiving_unit_id, OLD.procedure_id, OLD.handed_over_from, OLD.channel,
      OLD.received_at, OLD.due_at, OLD.overdue_at, OLD.finished_at, OLD.closed_at)
    IS NOT DISTINCT FROM (NEW.tenant_id, NEW.receiving_unit_id, NEW.procedure_id, NEW.handed_over_from, NEW.channel,
      NEW.received_at, NEW.due_at, NEW.overdue_at, NEW.finished_at, NEW.closed_at) THEN
    RETURN NULL;
  END IF;
  -- OLD is null on an insert, NEW on a delete: gov_dossier_facts gives no rows for them.
  INSERT INTO dossier_counts AS c (tenant_id, span, day, unit_id, procedure_id, handed_in, received_online, received_other,
      resolved_early, resolved_on_time, resolved_late, ended_without_result, ended_overdue)
    SELECT f.tenant_id, s.span, CASE s.span WHEN 'day' THEN f.day ELSE date_trunc('month', f.day)::date END AS bucket,
        f.unit_id, f.procedure_id, f.handed_in, sum(f.received_online), sum(f.received_other), sum(f.resolved_early),
        sum(f.resolved_on_time), sum(f.resolved_late), sum(f.ended_without_result), sum(f.ended_overdue)
      FROM (SELECT * FROM gov_dossier_facts(OLD, -1) UNION ALL SELECT * FROM gov_dossier_facts(NEW, 1)) f
      CROSS JOIN (VALUES ('day'), ('month')) AS s(span)
      GROUP BY f.tenant_id, s.span, bucket, f.unit_id, f.procedure_id, f.handed_in
      HAVING (sum(f.received_online), sum(f.received_other), sum(f.resolved_early), sum(f.resolved_on_time),
          sum(f.resolved_late), sum(f.ended_without_result), sum(f.ended_overdue)) <> (0, 0, 0, 0, 0, 0, 0)
      ORDER BY f.tenant_id, s.span, bucket, f.unit_id, f.procedure_id, f.handed_in
  ON CONFLICT (tenant_id, span, day, unit_id, procedure_id, handed_in) DO UPDATE SET
    received_online = c.received_online + excluded.received_online,
    received_other = c.received_other + excluded.received_other,
    resolved_early = c.resolved_early + excluded.resolved_early,
    resolved_on_time = c.resolved_on_time + excluded.resolved_on_time,
    resolved_late = c.resolved_late + excluded.resolved_late,
    ended_without_result = c.ended_without_result + excluded.ended_without_result,
    ended_overdue = c.ended_overdue + excluded.ended_overdue;
  INSERT INTO dossier_province_months AS m (month, tenant_id, handed_in, stripe, received_online, received_other,
      resolved_early, resolved_on_time, resolved_late, ended_without_result, ended_overdue)
    SELECT date_trunc('month', f.day)::date AS month, f.tenant_id, f.handed_in, f.stripe, sum(f.received_online),
        sum(f.received_other), sum(f.resolved_early), sum(f.resolved_on_time), sum(f.resolved_late),
        sum(f.ended_without_result), sum(f.ended_overdue)
      FROM (SELECT *, gov_dossier_stripe(OLD.id) AS stripe FROM gov_dossier_facts(OLD, -1)
            UNION ALL SELECT *, gov_dossier_stripe(NEW.id) FROM gov_dossier_facts(NEW, 1)) f
      GROUP BY month, f.tenant_id, f.handed_in, f.stripe
      HAVING (sum(f.received_online), sum(f.received_other), sum(f.resolved_early), sum(f.resolved_on_time),
          sum(f.resolved_late), sum(f.ended_without_result), sum(f.ended_overdue)) <> (0, 0, 0, 0, 0, 0, 0)
      ORDER BY month, f.tenant_id, f.handed_in, f.stripe
  ON CONFLICT (tenant_id, month, handed_in, stripe) DO UPDATE SET
    received_online = m.received_online + excluded.received_online,
    received_other = m.received_other + excluded.received_other,
    resolved_early = m.resolved_early + excluded.resolved_early,
    resolved_on_time = m.resolved_on_time + excluded.resolved_on_time,
    resolved_late = m.resolved_late + excluded.resolved_late,
    ended_without_result = m.ended_without_result + excluded.ended_without_result,
    ended_overdue = m.ended_overdue + excluded.ended_overdue;
  RETURN NULL;
END
$$;--> statement-breakpoint

-- Recounts the rollup from the dossiers (the stripe is the dossier's, so not from dossier_counts).
-- The caller holds dossiers against writers: gov_recount_dossiers, or this migration.
CREATE FUNCTION gov_recount_province_months() RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  DELETE FROM dossier_province_months;
  INSERT INTO dossier_province_months (month, tenant_id, handed_in, stripe, received_online, received_other,
      resolved_early, resolved_on_time, resolved_late, ended_without_result, ended_overdue)
    SELECT date_trunc('month', f.day)::date AS month, f.tenant_id, f.handed_in, gov_dossier_stripe(d.id) AS stripe,
        sum(f.received_online), sum(f.received_other), sum(f.resolved_early), sum(f.resolved_on_time),
        sum(f.resolved_late), sum(f.ended_without_result), sum(f.ended_overdue)
      FROM dossiers d CROSS JOIN LATERAL gov_dossier_facts(d, 1) f
      GROUP BY month, f.tenant_id, f.handed_in, stripe
      ORDER BY month, f.tenant_id, f.handed_in, stripe;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION gov_recount_province_months() FROM PUBLIC;--> statement-breakpoint

-- As 0059, the rollup recounted with it (the synthetic loader calls this after its COPY).
CREATE OR REPLACE FUNCTION gov_recount_dossiers() RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  LOCK TABLE dossiers IN SHARE MODE;
  DELETE FROM dossier_counts;
  INSERT INTO dossier_counts (tenant_id, span, day, unit_id, procedure_id, handed_in, received_online, received_other,
      resolved_early, resolved_on_time, resolved_late, ended_without_result, ended_overdue)
    SELECT f.tenant_id, s.span, CASE s.span WHEN 'day' THEN f.day ELSE date_trunc('month', f.day)::date END AS bucket,
        f.unit_id, f.procedure_id, f.handed_in, sum(f.received_online), sum(f.received_other), sum(f.resolved_early),
        sum(f.resolved_on_time), sum(f.resolved_late), sum(f.ended_without_result), sum(f.ended_overdue)
      FROM dossiers d CROSS JOIN LATERAL gov_dossier_facts(d, 1) f
      CROSS JOIN (VALUES ('day'), ('month')) AS s(span)
      GROUP BY f.tenant_id, s.span, bucket, f.unit_id, f.procedure_id, f.handed_in
      -- In key order, so a province's days lie together on disk too.
      ORDER BY f.tenant_id, s.span, bucket, f.unit_id, f.procedure_id, f.handed_in;
  PERFORM gov_recount_province_months();
END
$$;--> statement-breakpoint

-- The dossiers already there (none on a new database), held against writers for the count. Both
-- tables are FORCE RLS with no policy for the owner: lifted for this statement and restored in the
-- migration's transaction, as 0059.
LOCK TABLE dossiers IN SHARE MODE;--> statement-breakpoint
ALTER TABLE dossiers NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
SELECT gov_recount_province_months();--> statement-breakpoint
ALTER TABLE dossiers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
SELECT gov_enable_tenant_rls('dossier_province_months'::regclass);--> statement-breakpoint
-- The trigger writes as the app; nothing else should.
GRANT SELECT, INSERT, UPDATE ON "dossier_province_months" TO gov_app;--> statement-breakpoint
ANALYZE dossier_province_months;
