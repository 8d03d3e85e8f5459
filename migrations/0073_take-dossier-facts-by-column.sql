-- gov_dossier_facts took a whole `dossiers` row. On a distributed database (Citus) the trigger runs
-- on a shard, where the row's type is the shard's (`dossiers_102014`), and no function takes it:
-- the first dossier written failed with 42883 (docs/operations/citus.md). The function now takes
-- the ten columns it reads, which every shard has under the same names and types; the facts are the
-- same expressions as 0059, so the counts do not move and need no recount.
-- (The first three are named apart from the result's columns of the same name, which PostgreSQL
-- would refuse; the body reads every argument by position.)
CREATE FUNCTION gov_dossier_facts(dossier_tenant_id uuid, dossier_unit_id uuid, dossier_procedure_id uuid, handed_over_from uuid,
    channel dossier_channel, received_at timestamptz, due_at timestamptz, overdue_at timestamptz,
    finished_at timestamptz, closed_at timestamptz, sign integer)
  RETURNS TABLE (tenant_id uuid, unit_id uuid, procedure_id uuid, handed_in boolean, day date,
    received_online integer, received_other integer, resolved_early integer, resolved_on_time integer,
    resolved_late integer, ended_without_result integer, ended_overdue integer)
  LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
  WITH d AS (
    SELECT $1 AS tenant_id, $2 AS receiving_unit_id, $3 AS procedure_id, $4 AS handed_over_from, $5 AS channel,
      $6 AS received_at, $7 AS due_at, $8 AS overdue_at, $9 AS finished_at, $10 AS closed_at
  ), f AS (
    SELECT d.tenant_id, d.receiving_unit_id AS unit_id, d.procedure_id, d.handed_over_from IS NOT NULL AS handed_in,
      d.channel, d.received_at, d.finished_at, d.closed_at,
      (d.overdue_at IS NOT NULL OR coalesce((d.finished_at AT TIME ZONE interval '+07:00')::date > (d.due_at AT TIME ZONE interval '+07:00')::date, false)) AS late,
      (d.overdue_at IS NULL AND coalesce((d.finished_at AT TIME ZONE interval '+07:00')::date < (d.due_at AT TIME ZONE interval '+07:00')::date, false)) AS early,
      coalesce(least(d.overdue_at, d.due_at) < d.closed_at, false) AS overdue_when_closed
    FROM d
    -- None for the missing OLD of an insert or NEW of a delete: every column is null there.
    WHERE d.tenant_id IS NOT NULL
  )
  SELECT f.tenant_id, f.unit_id, f.procedure_id, f.handed_in, (f.received_at AT TIME ZONE interval '+07:00')::date,
      $11 * (f.channel = 'online')::int, $11 * (f.channel <> 'online')::int, 0, 0, 0, 0, 0
    FROM f
  UNION ALL
  SELECT f.tenant_id, f.unit_id, f.procedure_id, f.handed_in, (f.finished_at AT TIME ZONE interval '+07:00')::date,
      0, 0, $11 * f.early::int, $11 * (NOT f.early AND NOT f.late)::int, $11 * f.late::int, 0, 0
    FROM f WHERE f.finished_at IS NOT NULL
  UNION ALL
  SELECT f.tenant_id, f.unit_id, f.procedure_id, f.handed_in, (f.closed_at AT TIME ZONE interval '+07:00')::date,
      0, 0, 0, 0, 0, $11, $11 * f.overdue_when_closed::int
    FROM f WHERE f.finished_at IS NULL AND f.closed_at IS NOT NULL
$$;--> statement-breakpoint

-- As 0066, the facts read by column. The UPDATE guard, the order of the two upserts and of their
-- rows (the counts' locking argument) are unchanged.
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
      FROM (SELECT * FROM gov_dossier_facts(OLD.tenant_id, OLD.receiving_unit_id, OLD.procedure_id, OLD.handed_over_from,
              OLD.channel, OLD.received_at, OLD.due_at, OLD.overdue_at, OLD.finished_at, OLD.closed_at, -1)
            UNION ALL SELECT * FROM gov_dossier_facts(NEW.tenant_id, NEW.receiving_unit_id, NEW.procedure_id, NEW.handed_over_from,
              NEW.channel, NEW.received_at, NEW.due_at, NEW.overdue_at, NEW.finished_at, NEW.closed_at, 1)) f
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
      FROM (SELECT *, gov_dossier_stripe(OLD.id) AS stripe
              FROM gov_dossier_facts(OLD.tenant_id, OLD.receiving_unit_id, OLD.procedure_id, OLD.handed_over_from,
                OLD.channel, OLD.received_at, OLD.due_at, OLD.overdue_at, OLD.finished_at, OLD.closed_at, -1)
            UNION ALL SELECT *, gov_dossier_stripe(NEW.id)
              FROM gov_dossier_facts(NEW.tenant_id, NEW.receiving_unit_id, NEW.procedure_id, NEW.handed_over_from,
                NEW.channel, NEW.received_at, NEW.due_at, NEW.overdue_at, NEW.finished_at, NEW.closed_at, 1)) f
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

-- As 0066, the facts read by column.
CREATE OR REPLACE FUNCTION gov_recount_province_months() RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  DELETE FROM dossier_province_months;
  INSERT INTO dossier_province_months (month, tenant_id, handed_in, stripe, received_online, received_other,
      resolved_early, resolved_on_time, resolved_late, ended_without_result, ended_overdue)
    SELECT date_trunc('month', f.day)::date AS month, f.tenant_id, f.handed_in, gov_dossier_stripe(d.id) AS stripe,
        sum(f.received_online), sum(f.received_other), sum(f.resolved_early), sum(f.resolved_on_time),
        sum(f.resolved_late), sum(f.ended_without_result), sum(f.ended_overdue)
      FROM dossiers d CROSS JOIN LATERAL gov_dossier_facts(d.tenant_id, d.receiving_unit_id, d.procedure_id,
        d.handed_over_from, d.channel, d.received_at, d.due_at, d.overdue_at, d.finished_at, d.closed_at, 1) f
      GROUP BY month, f.tenant_id, f.handed_in, stripe
      ORDER BY month, f.tenant_id, f.handed_in, stripe;
END
$$;--> statement-breakpoint

-- As 0066, the facts read by column.
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
      FROM dossiers d CROSS JOIN LATERAL gov_dossier_facts(d.tenant_id, d.receiving_unit_id, d.procedure_id,
        d.handed_over_from, d.channel, d.received_at, d.due_at, d.overdue_at, d.finished_at, d.closed_at, 1) f
      CROSS JOIN (VALUES ('day'), ('month')) AS s(span)
      GROUP BY f.tenant_id, s.span, bucket, f.unit_id, f.procedure_id, f.handed_in
      -- In key order, so a province's days lie together on disk too.
      ORDER BY f.tenant_id, s.span, bucket, f.unit_id, f.procedure_id, f.handed_in;
  PERFORM gov_recount_province_months();
END
$$;--> statement-breakpoint

-- Nothing calls the row-typed one any more.
DROP FUNCTION gov_dossier_facts(dossiers, integer);
