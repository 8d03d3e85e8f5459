import { MS_PER_DAY, vietnamInstant } from '@gov/calendar';
import { schema, withTenant } from '@gov/db';
import { loadFontFiles, renderDossierRegister, type DossierRegisterRow } from '@gov/documents';
import { invalid } from '@gov/domain';
import { and, asc, eq, gte, inArray, lt, min } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan, assertCanInTenant } from '../../authorize.js';
import type { ServiceContext } from '../../context.js';
import { atUnit, loadUnit } from '../../org-units/load-unit.js';
import { parseInput } from '../../parse-input.js';
import { FORM_TITLES, type FormDeps } from './get-dossier-form.js';
import { signForm } from './sign-form.js';

const Day = v.pipe(v.string(), v.isoDate('ngày có dạng YYYY-MM-DD'));
export const DossierRegisterQuery = v.pipe(
  v.object({ unitId: v.pipe(v.string(), v.uuid()), from: Day, to: Day }),
  v.check((q) => q.from <= q.to, 'ngày bắt đầu phải trước ngày kết thúc'),
);
// A register is kept by month or quarter; a year is the most one file prints.
const MAX_DAYS = 366;
const MAX_ROWS = 3000;

/**
 * Form 06, the dossier register (sổ theo dõi hồ sơ) of one receiving unit over a period of
 * Vietnam days: every dossier it received, with the promised, handed-over and returned dates.
 * For officers whose units cover that unit (the check reading its dossiers needs), never citizens.
 */
export async function getDossierRegister({
  ctx,
  tenantId,
  input,
  deps,
}: {
  ctx: ServiceContext;
  tenantId: string;
  input: v.InferInput<typeof DossierRegisterQuery>;
  deps: Pick<FormDeps, 'fontDir' | 'signing'>;
}) {
  assertCanInTenant(ctx, 'read', 'Dossier', tenantId);
  const q = parseInput(DossierRegisterQuery, input);
  const start = vietnamInstant(q.from);
  // Vietnam keeps UTC+7 all year: the day after `to` starts one day of milliseconds later.
  const end = new Date(vietnamInstant(q.to).getTime() + MS_PER_DAY);
  if (end.getTime() - start.getTime() > MAX_DAYS * MS_PER_DAY)
    throw invalid({ vi: 'Sổ theo dõi in tối đa một năm mỗi lần.', en: 'The register prints at most one year at a time.' });
  const { dossiers: d, procedures: p, orgUnits: u, dossierEvents: e, tenants } = schema;
  const read = await withTenant(ctx.sql, tenantId, async (tx) => {
    const unit = await loadUnit(tx, tenantId, q.unitId);
    assertCan(ctx, 'read', 'Dossier', { ...atUnit(tenantId, unit.path), applicantUserId: null });
    const [tenant] = await tx.select({ code: tenants.code, name: tenants.name, fullName: tenants.fullName }).from(tenants).where(eq(tenants.id, tenantId));
    const rows = await tx
      .select({
        id: d.id,
        code: d.code,
        procedureName: p.name,
        applicantName: d.applicantName,
        phone: d.applicantPhone,
        email: d.applicantEmail,
        handlingUnitName: u.name,
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        returnedAt: d.returnedAt,
        nationalStatus: d.nationalStatus,
      })
      .from(d)
      .innerJoin(p, eq(p.id, d.procedureId))
      .innerJoin(u, and(eq(u.tenantId, d.tenantId), eq(u.id, d.currentUnitId)))
      .where(and(eq(d.tenantId, tenantId), eq(d.receivingUnitId, unit.id), gte(d.receivedAt, start), lt(d.receivedAt, end)))
      .orderBy(asc(d.receivedAt), asc(d.code))
      .limit(MAX_ROWS + 1);
    if (rows.length > MAX_ROWS)
      throw invalid({
        vi: `Kỳ đã chọn có hơn ${MAX_ROWS} hồ sơ; hãy chọn khoảng ngày ngắn hơn.`,
        en: `The period has more than ${MAX_ROWS} dossiers; choose a shorter one.`,
      });
    const ids = rows.map((r) => r.id);
    const handed =
      ids.length === 0
        ? []
        : await tx
            .select({ dossierId: e.dossierId, at: min(e.occurredAt) })
            .from(e)
            .where(and(eq(e.tenantId, tenantId), inArray(e.dossierId, ids), eq(e.kind, 'handed_over')))
            .groupBy(e.dossierId);
    return {
      unit,
      tenantName: tenant?.name ?? '',
      province: { code: tenant?.code ?? '', name: tenant?.name ?? '', fullName: tenant?.fullName ?? '' },
      rows,
      handed,
    };
  });
  const rows: DossierRegisterRow[] = read.rows.map((r) => {
    const handedOverAt = read.handed.find((h) => h.dossierId === r.id)?.at ?? null;
    return {
      code: r.code,
      procedureName: r.procedureName,
      applicantName: r.applicantName,
      contact: [r.phone, r.email].filter(Boolean).join(', '),
      handlingUnitName: r.handlingUnitName,
      receivedAt: r.receivedAt.toISOString(),
      promisedReturnAt: r.dueAt?.toISOString() ?? null,
      handedOverAt: handedOverAt ? new Date(handedOverAt).toISOString() : null,
      returnedAt: r.returnedAt?.toISOString() ?? null,
      note: r.nationalStatus === 3 ? 'Từ chối tiếp nhận' : r.nationalStatus === 7 ? 'Rút hồ sơ' : r.nationalStatus === 8 ? 'Dừng xử lý' : '',
    };
  });
  const pdf = await renderDossierRegister(await loadFontFiles(deps.fontDir), {
    header: { authority: `UBND ${read.tenantName}`, unitName: read.unit.name, issuedAt: new Date().toISOString() },
    from: q.from,
    to: q.to,
    rows,
  });
  return {
    pdf: await signForm(deps.signing, pdf, read.province, `Mẫu 06 - ${FORM_TITLES['06']}`),
    fileName: `Mẫu 06 - ${FORM_TITLES['06']} - ${read.unit.code} - ${q.from} đến ${q.to}.pdf`,
  };
}
