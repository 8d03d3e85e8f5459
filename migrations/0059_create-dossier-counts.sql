-- Counts of what happened to dossiers, per province, receiving unit, procedure and Vietnam civil
-- day, so a period's report adds up days instead of counting a year of dossiers at request time
-- (docs/reports/speed.md, docs/domain/report-rules.md). Each fact is kept twice: on its day
-- (span 'day') and on its month (span 'month', day = the month's first day), so a period of whole
-- months reads one row per month and only its partial months by day. A fact is final once it
-- happened: a dossier received, closed with a result (early, on time, late), or closed without
-- one (and whether it was overdue then). What is still open at a period's end is not here: the
-- report counts it from dossiers, with the due date as it stood at the period's end.
--
-- Written by a trigger on dossiers, in the transaction that changes the dossier (the workflow's
-- projection, the counter's receipt, a hand-over's copy, any other writer): the trigger takes
-- away the old row's facts and adds the new row's, so the table always equals a count of the
-- dossiers themselves, whatever wrote them and however transactions interleave (the upsert takes
-- the row lock; a concurrent transaction adds to the committed count). It runs as the writer
-- (gov_app, in the dossier's province), under the tenant policy like any write of the app.
CREATE TABLE "dossier_counts" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "span" text NOT NULL CONSTRAINT "dossier_counts_span_check" CHECK ("span" IN ('day', 'month')),
  "day" date NOT NULL,
  "unit_id" uuid NOT NULL,
  "procedure_id" uuid NOT NULL REFERENCES "procedures"("id"),
  -- A province's copy of a dossier handed over from another province (dossiers.handed_over_from):
  -- in the province's figures, left out of the national line.
  "handed_in" boolean NOT NULL,
  "received_online" integer NOT NULL DEFAULT 0,
  "received_other" integer NOT NULL DEFAULT 0,
  "resolved_early" integer NOT NULL DEFAULT 0,
  "resolved_on_time" integer NOT NULL DEFAULT 0,
  "resolved_late" integer NOT NULL DEFAULT 0,
  "ended_without_result" integer NOT NULL DEFAULT 0,
  "ended_overdue" integer NOT NULL DEFAULT 0,
  -- A report reads its rows from the index alone (the counts included), in key order: a province's
  -- year is a few thousand adjacent entries, not as many heap pages.
  CONSTRAINT "dossier_counts_pk" PRIMARY KEY ("tenant_id", "span", "day", "unit_id", "procedure_id", "handed_in")
    INCLUDE ("received_online", "received_other", "resolved_early", "resolved_on_time", "resolved_late", "ended_without_result", "ended_overdue"),
  CONSTRAINT "dossier_counts_unit_fk" FOREIGN KEY ("tenant_id", "unit_id") REFERENCES "org_units"("tenant_id", "id")
);--> statement-breakpoint
-- The ministry's summary reads every province's months: by time, not by province.
CREATE INDEX "dossier_counts_span_day_idx" ON "dossier_counts" ("span", "day")
  INCLUDE ("tenant_id", "handed_in", "received_online", "received_other", "resolved_early", "resolved_on_time", "resolved_late",
    "ended_without_result", "ended_overdue");--> statement-breakpoint

-- A dossier's facts as rows of counts, `sign` 1 to add them, -1 to take them away; none for a
-- null row (the missing OLD of an insert, NEW of a delete). The day is Vietnam's civil day (UTC+7
-- all year, as deadline-rules.ts and report-period.ts). Lateness is deadline-rules.ts's, on the
-- due date the dossier closed with: the projection moves a due date only while the dossier is
-- open, so it is the due date as it stood at the end of any period the closing falls in.
CREATE FUNCTION gov_dossier_facts(d dossiers, sign integer)
  RETURNS TABLE (tenant_id uuid, unit_id uuid, procedure_id uuid, handed_in boolean, day date,
    received_online integer, received_other integer, resolved_early integer, resolved_on_time integer,
    resolved_late integer, ended_without_result integer, ended_overdue integer)
  LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
  WITH f AS (
    SELECT d.tenant_id, d.receiving_unit_id AS unit_id, d.procedure_id, d.handed_over_from IS NOT NULL AS handed_in,
      d.channel, d.received_at, d.finished_at, d.closed_at,
      (d.overdue_at IS NOT NULL OR coalesce((d.finished_at AT TIME ZONE interval '+07:00')::date > (d.due_at AT TIME ZONE interval '+07:00')::date, false)) AS late,
      (d.overdue_at IS NULL AND coalesce((d.finished_at AT TIME ZONE interval '+07:00')::date < (d.due_at AT TIME ZONE interval '+07:00')::date, false)) AS early,
      coalesce(least(d.overdue_at, d.due_at) < d.closed_at, false) AS overdue_when_closed
    WHERE d.tenant_id IS NOT NULL
  )
  SELECT tenant_id, unit_id, procedure_id, handed_in, (received_at AT TIME ZONE interval '+07:00')::date,
      sign * (channel = 'online')::int, sign * (channel <> 'online')::int, 0, 0, 0, 0, 0
    FROM f
  UNION ALL
  SELECT tenant_id, unit_id, procedure_id, handed_in, (finished_at AT TIME ZONE interval '+07:00')::date,
      0, 0, sign * early::int, sign * (NOT early AND NOT late)::int, sign * late::int, 0, 0
    FROM f WHERE finished_at IS NOT NULL
  UNION ALL
  SELECT tenant_id, unit_id, procedure_id, handed_in, (closed_at AT TIME ZONE interval '+07:00')::date,
      0, 0, 0, 0, 0, sign, sign * overdue_when_closed::int
    FROM f WHERE finished_at IS NULL AND closed_at IS NOT NULL
$$;--> statement-breakpoint

-- Takes away the old row's facts and adds the new row's, on their day and month rows. Rows are
-- written in key order, so two transactions changing the same rows lock them in the same order;
-- an update that moves no fact (a status change within the same facts) writes nothing.
CREATE FUNCTION gov_count_dossier_change() RETURNS trigger
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
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER dossiers_count AFTER INSERT OR DELETE OR UPDATE OF tenant_id, receiving_unit_id, procedure_id,
    handed_over_from, channel, received_at, due_at, overdue_at, finished_at, closed_at ON dossiers
  FOR EACH ROW EXECUTE FUNCTION gov_count_dossier_change();--> statement-breakpoint

-- Recounts every dossier: the backfill below, and the synthetic loader after a COPY (which skips
-- triggers for speed). Locks dossiers against writers meanwhile, so the recount is exact.
-- Runs as its caller: the owner inside a migration (RLS lifted below), a superuser for the loader.
CREATE FUNCTION gov_recount_dossiers() RETURNS void
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
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION gov_recount_dossiers() FROM PUBLIC;--> statement-breakpoint

-- The dossiers already there (none on a new database). Both tables are FORCE RLS with no policy
-- for the owner: lifted for this statement and restored in the migration's transaction, as 0049.
ALTER TABLE dossiers NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
SELECT gov_recount_dossiers();--> statement-breakpoint
ALTER TABLE dossiers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
SELECT gov_enable_tenant_rls('dossier_counts'::regclass);--> statement-breakpoint
ALTER TABLE "dossier_counts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The trigger writes as the app; nothing else should (no DELETE: a fact, once counted, is only
-- taken away by the dossier change that undoes it).
GRANT SELECT, INSERT, UPDATE ON "dossier_counts" TO gov_app;--> statement-breakpoint
ANALYZE dossier_counts;
