import { timingSafeEqual } from 'node:crypto';
import { schema, withTenant, type TenantDb } from '@gov/db';
import { NATIONAL_STATUS, notFound, type NationalStatus } from '@gov/domain';
import { and, eq, inArray } from 'drizzle-orm';
import * as v from 'valibot';
import type { ServiceContext } from '../context.js';
import { contactColumns } from '../org-units/contact-columns.js';
import { parseInput } from '../parse-input.js';
import type { DossierRow } from './load-dossier.js';
import { readStatusToken } from './status-token.js';

export const PublicStatusQuery = v.object({
  tenantId: v.pipe(v.string(), v.uuid()),
  code: v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[A-Z0-9._-]{3,40}-\d{6}-\d{4,}$/, 'mã hồ sơ có dạng <mã đơn vị>-YYMMDD-NNNN')),
  idSuffix: v.pipe(v.string(), v.regex(/^\d{4}$/, 'nhập 4 số cuối của số định danh')),
});

// One message whether the code does not exist or the suffix is wrong: no existence oracle.
const NOT_FOUND = { vi: 'Không tìm thấy hồ sơ với mã và số định danh đã nhập.', en: 'No dossier matches this code and ID number.' };
const sameSuffix = (stored: string | null, given: string) => timingSafeEqual(Buffer.from((stored ?? '----').padEnd(4).slice(0, 4)), Buffer.from(given));

/**
 * Public status lookup (tra cứu hồ sơ) by code and the last four digits of the applicant's ID
 * number. Public by design, so no CASL check: the suffix (compared in constant time) or the
 * receipt's signed QR token is the key, and the answer carries no names, ID numbers or phones of
 * people: only the receiving unit's public contact details.
 */
export async function lookupDossierStatus({ ctx, input }: { ctx: ServiceContext; input: v.InferInput<typeof PublicStatusQuery> }) {
  const q = parseInput(PublicStatusQuery, input);
  return withTenant(ctx.sql, q.tenantId, async (tx) => {
    const d = schema.dossiers;
    const [row] = await tx
      .select()
      .from(d)
      .where(and(eq(d.tenantId, q.tenantId), eq(d.code, q.code)));
    if (!sameSuffix(row?.applicantIdSuffix ?? null, q.idSuffix) || !row) throw notFound(NOT_FOUND);
    return publicView(tx, row);
  });
}

/** The same view from the receipt's QR code. */
export async function lookupDossierStatusByToken({ ctx, token, secret }: { ctx: ServiceContext; token: string; secret: string }) {
  const ids = readStatusToken(secret, token);
  if (!ids) throw notFound(NOT_FOUND);
  return withTenant(ctx.sql, ids.tenantId, async (tx) => {
    const d = schema.dossiers;
    const [row] = await tx
      .select()
      .from(d)
      .where(and(eq(d.tenantId, ids.tenantId), eq(d.id, ids.dossierId)));
    if (!row) throw notFound(NOT_FOUND);
    return publicView(tx, row);
  });
}

const noContact = { name: '', publicAddress: null, hotline: null, publicEmail: null, openingHours: null, mapUrl: null };

/** Each step of the process the dossier runs, with its unit, deadline and whether it was met. */
async function publicView(tx: TenantDb, row: DossierRow) {
  const { tasks: t, processDefinitions: pd, procedures: p, orgUnits: u } = schema;
  const [process] = row.processDefinitionId
    ? await tx
        .select({ steps: pd.steps })
        .from(pd)
        .where(and(eq(pd.tenantId, row.tenantId), eq(pd.id, row.processDefinitionId)))
    : [];
  const steps = process?.steps ?? [];
  const [procedure] = await tx.select({ name: p.name }).from(p).where(eq(p.id, row.procedureId));
  const tasks = await tx
    .select()
    .from(t)
    .where(and(eq(t.tenantId, row.tenantId), eq(t.dossierId, row.id)));
  const unitIds = [...new Set([row.receivingUnitId, ...steps.map((s) => s.orgUnitId)])];
  const units = new Map(
    (
      await tx
        .select({ id: u.id, name: u.name, ...contactColumns })
        .from(u)
        .where(and(eq(u.tenantId, row.tenantId), inArray(u.id, unitIds)))
    ).map(({ id, ...unit }) => [id, unit]),
  );
  const { name: receivingUnitName, ...receivingUnitContact } = units.get(row.receivingUnitId) ?? noContact;
  const status = NATIONAL_STATUS[row.nationalStatus as NationalStatus];
  return {
    code: row.code,
    procedureName: procedure?.name ?? '',
    receivingUnitName,
    // Where to ask and collect: the receiving desk's public contacts, never an officer's.
    receivingUnitContact,
    nationalStatus: row.nationalStatus,
    statusText: status,
    receivedAt: row.receivedAt,
    promisedReturnAt: row.dueAt,
    finishedAt: row.finishedAt,
    returnedAt: row.returnedAt,
    overdue: row.overdueAt !== null,
    steps: steps.map((s) => {
      const task = tasks.find((x) => x.stepKey === s.key);
      const state: 'pending' | 'current' | 'done' | 'cancelled' = !task
        ? 'pending'
        : task.status === 'open'
          ? 'current'
          : task.status === 'done'
            ? 'done'
            : 'cancelled';
      const deadlineMet = task?.completedAt && task.dueAt ? task.completedAt <= task.dueAt : null;
      return {
        key: s.key,
        name: s.name,
        unitName: units.get(s.orgUnitId)?.name ?? '',
        state,
        startedAt: task?.createdAt ?? null,
        completedAt: task?.completedAt ?? null,
        dueAt: task?.dueAt ?? null,
        deadlineMet,
      };
    }),
  };
}
