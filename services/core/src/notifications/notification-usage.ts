import { VIETNAM_TIME_ZONE } from '@gov/calendar';
import { schema, withMinistryRead, withTenant } from '@gov/db';
import type { NotificationChannel } from '@gov/domain';
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { assertNationalRead } from '../reports/assert-national-read.js';
import { ReportPeriod, resolvePeriod } from '../reports/report-period.js';

export interface UsageRow {
  /** The month in Vietnam time, `YYYY-MM`. */
  month: string;
  channel: NotificationChannel;
  sent: number;
  failed: number;
}

const d = schema.notificationDeliveries;
/** Months are Vietnam's (UTC+7), like every period the reports count. */
// The zone inlined, not bound: the same expression is selected and grouped by.
const month = sql<string>`to_char(${d.at} at time zone ${sql.raw(`'${VIETNAM_TIME_ZONE}'`)}, 'YYYY-MM')`;
const counts = {
  month,
  channel: d.channel,
  sent: sql<number>`count(*) filter (where ${d.status} = 'sent')::int`,
  failed: sql<number>`count(*) filter (where ${d.status} = 'failed')::int`,
};

/**
 * Messages a province sent and failed to send, per month and channel (docs/domain/notifications.md#usage):
 * what the province pays its SMS and Zalo providers for. For its admins and the ministry.
 */
export async function getNotificationUsage({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ReportPeriod }) {
  assertCanInTenant(ctx, 'read', 'Notification', tenantId);
  const period = resolvePeriod(parseInput(ReportPeriod, input));
  const items: UsageRow[] = await withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select(counts)
      .from(d)
      .where(and(eq(d.tenantId, tenantId), gte(d.at, period.start), lt(d.at, period.end)))
      .groupBy(month, d.channel)
      .orderBy(asc(month), asc(d.channel)),
  );
  return { period: { from: period.from, to: period.to }, items };
}

/** The same for every province at once, for the ministry (one read-only query as gov_ministry). */
export async function getNationalNotificationUsage({ ctx, input }: { ctx: ServiceContext; input: ReportPeriod }) {
  assertNationalRead(ctx);
  const period = resolvePeriod(parseInput(ReportPeriod, input));
  const t = schema.tenants;
  const items: (UsageRow & { tenantId: string; code: string; name: string })[] = await withMinistryRead(ctx.sql, (tx) =>
    tx
      .select({ tenantId: t.id, code: t.code, name: t.name, ...counts })
      .from(d)
      .innerJoin(t, eq(t.id, d.tenantId))
      .where(and(gte(d.at, period.start), lt(d.at, period.end)))
      .groupBy(t.id, month, d.channel)
      .orderBy(asc(t.code), asc(month), asc(d.channel)),
  );
  return { period: { from: period.from, to: period.to }, items };
}
