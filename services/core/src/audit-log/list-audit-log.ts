import { schema, streamWithTenant, withTenant, type TenantDb } from '@gov/db';
import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { DateRange, dayBounds, ORDER_PROBLEM, ordered, Paging } from './log-filters.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const { auditLog: l, users: u } = schema;

export const ListAuditLog = v.pipe(
  v.object({
    /** Who acted: a user id, or a login as typed at sign-in. */
    actor: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'không được để trống'), v.maxLength(100, 'tối đa 100 ký tự'))),
    /** An action, or the start of one: `org_unit.` finds every change to units. */
    action: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[a-z0-9_.]{1,80}$/, 'chỉ gồm chữ thường, số, dấu chấm và gạch dưới'))),
    subjectType: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[a-z0-9_]{1,60}$/, 'chỉ gồm chữ thường, số và gạch dưới'))),
    subjectId: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'không được để trống'), v.maxLength(100, 'tối đa 100 ký tự'))),
    ...DateRange,
    ...Paging,
  }),
  v.forward(
    v.check((p) => ordered(p), ORDER_PROBLEM),
    ['to'],
  ),
);
export type ListAuditLog = v.InferInput<typeof ListAuditLog>;

/**
 * Nhật ký thao tác: one province's audit log, newest first, filtered and counted. A province
 * admin reads their own province; ministry staff any province (their rule has no tenant).
 */
export async function listAuditLog({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ListAuditLog }) {
  assertCanInTenant(ctx, 'read', 'AuditLog', tenantId);
  const { page, pageSize, ...filters } = parseInput(ListAuditLog, input);
  const where = auditLogFilter(tenantId, filters);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const items = await auditLogRows(tx, where)
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await tx.select({ n: count() }).from(l).where(where);
    return { items, total: total?.n ?? 0, page, pageSize };
  });
}

export const ExportAuditLog = v.pipe(
  v.omit(ListAuditLog.pipe[0], ['page', 'pageSize']),
  v.forward(
    v.check((p) => ordered(p), ORDER_PROBLEM),
    ['to'],
  ),
);
export type ExportAuditLog = v.InferInput<typeof ExportAuditLog>;

/** Every entry the list's filters match, in its order, read with a cursor for an export; the same rights. */
export async function* exportAuditLog({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ExportAuditLog }) {
  assertCanInTenant(ctx, 'read', 'AuditLog', tenantId);
  const where = auditLogFilter(tenantId, parseInput(ExportAuditLog, input));
  yield* streamWithTenant(ctx.sql, tenantId, (tx) => auditLogRows(tx, where));
}

function auditLogFilter(tenantId: string, filters: v.InferOutput<typeof ExportAuditLog>): SQL | undefined {
  const { actor, action, subjectType, subjectId, ...range } = filters;
  const { start, end } = dayBounds(range);
  const actorFilter =
    actor === undefined
      ? undefined
      : UUID.test(actor)
        ? eq(l.actorUserId, actor)
        : sql`${l.actorUserId} in (select ${u.id} from ${u} where ${u.login} = lower(${actor}))`;
  return and(
    eq(l.tenantId, tenantId),
    actorFilter,
    action === undefined ? undefined : sql`starts_with(${l.action}, ${action})`,
    subjectType === undefined ? undefined : eq(l.subjectType, subjectType),
    subjectId === undefined ? undefined : eq(l.subjectId, subjectId),
    start ? gte(l.occurredAt, start) : undefined,
    end ? lt(l.occurredAt, end) : undefined,
  );
}

/** The list's columns and order (newest first), for a page or the whole export. */
function auditLogRows(tx: TenantDb, where: SQL | undefined) {
  return tx
    .select({
      seq: l.seq,
      occurredAt: l.occurredAt,
      actorUserId: l.actorUserId,
      actorLogin: u.login,
      actorName: u.displayName,
      action: l.action,
      subjectType: l.subjectType,
      subjectId: l.subjectId,
      details: l.details,
      requestId: l.requestId,
    })
    .from(l)
    .leftJoin(u, eq(u.id, l.actorUserId))
    .where(where)
    .orderBy(desc(l.seq));
}
