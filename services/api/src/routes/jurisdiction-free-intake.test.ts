import { randomUUID } from 'node:crypto';
import { ensureRootUnit, hashPassword } from '@gov/core';
import { schema, withTenant } from '@gov/db';
import type { TenantRole } from '@gov/domain';
import { and, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, onlineBody } from '../testing/dossier-client.js';
import { dossierSuite } from '../testing/dossier-suite.js';
import { addProvinceAdmin, freshProcedure, PDF, type DossierWorld } from '../testing/dossier-world.js';
import { problemDetail } from '../testing/problem.js';
import { call, PASSWORD, signIn, type Session } from '../testing/world.js';

// Tiếp nhận không phụ thuộc địa giới hành chính (Decree 118/2025): a dossier of a procedure so
// marked is filed at a ward that is not competent for it, received there, and routed by the
// province's rule for the applicant's ward to the competent ward, which works it.
const suite = dossierSuite('jurisdiction-free', { poolSize: 8 });
const { app, client, deps, s } = suite;
let w: DossierWorld;
/** Competent for applicants of ward 00091 by the province's rule. */
let competentId: string;
/** A one-stop unit that receives another procedure, not this one. */
let elsewhereId: string;
const o = {} as Record<'elsewhereReception' | 'competentSpecialist', Session>;
let admin: Session;
const APPLICANT_WARD = '00091';

/** A unit under the root with officers holding `roles`, signed in. */
async function unitWith(name: string, roles: TenantRole[]): Promise<{ id: string; logins: string[] }> {
  const passwordHash = await hashPassword(PASSWORD);
  return withTenant(deps.sql, w.tenantId, async (tx) => {
    const root = await ensureRootUnit(tx, w.tenantId);
    const id = randomUUID();
    await tx
      .insert(schema.orgUnits)
      .values({ tenantId: w.tenantId, id, parentId: root.id, path: [...root.path, id], code: `P${id.slice(0, 5)}`, name, kind: 'commune_one_stop' });
    const logins: string[] = [];
    for (const role of roles) {
      const login = `${role}-${randomUUID().slice(0, 8)}`;
      const [user] = await tx.insert(schema.users).values({ login, passwordHash, kind: 'officer', homeTenantId: w.tenantId, displayName: role }).returning();
      await tx.insert(schema.tenantUsers).values({ tenantId: w.tenantId, userId: user!.id, fullName: `Cán bộ ${role}`, orgUnitId: id });
      await tx.insert(schema.roleAssignments).values({ tenantId: w.tenantId, userId: user!.id, role, orgUnitId: id, reason: 'jurisdiction-free test' });
      logins.push(login);
    }
    return { id, logins };
  });
}

async function markJurisdictionFree(code: string) {
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
  try {
    await owner`update procedures set jurisdiction_free = true where code = ${code}`;
  } finally {
    await owner.end({ timeout: 1 });
  }
}

beforeAll(async () => {
  ({ w } = suite);
  const competent = await unitWith('Bộ phận một cửa phường Tây Hồ', ['specialist']);
  const elsewhere = await unitWith('Bộ phận một cửa phường Cầu Giấy', ['reception_officer']);
  [competentId, elsewhereId] = [competent.id, elsewhere.id];
  [o.competentSpecialist, o.elsewhereReception] = [await signIn(app, competent.logins[0]!), await signIn(app, elsewhere.logins[0]!)];
  // Cầu Giấy's desk is a one-stop unit: it receives another procedure of the province.
  const other = await freshProcedure(deps.db, false);
  await withTenant(deps.sql, w.tenantId, (tx) =>
    tx.insert(schema.procedureSettings).values({ tenantId: w.tenantId, procedureCode: other, receivingUnitIds: [elsewhereId], handlingUnitIds: [elsewhereId] }),
  );
  admin = await signIn(app, await addProvinceAdmin(deps.sql, w));
});

const fileAt = (receivingUnitId: string, fullName: string) =>
  client.submit(
    s.citizen,
    w.tenantId,
    { ...onlineBody(w, { fullName }), receivingUnitId, applicantCommuneCode: APPLICANT_WARD },
    { files: { don: { name: 'don.pdf', bytes: PDF } } },
  );

describe('jurisdiction-free intake', () => {
  it('refuses a unit that is not competent while the procedure is not jurisdiction-free', async () => {
    const refused = await fileAt(elsewhereId, 'Trần Văn Sai Nơi');
    expect(refused.status).toBe(400);
    expect(await problemDetail(refused)).toBe('Đơn vị này không tiếp nhận thủ tục; vui lòng nộp tại đơn vị có thẩm quyền.');
  });

  it('lets the province admin set routing rules: the ward → the competent unit, and a default', async () => {
    const rule = (body: Record<string, string>) => call(app, admin, 'POST', `/api/tenants/${w.tenantId}/intake-routing-rules`, body);
    expect((await rule({ procedureCode: w.procedureCode, communeCode: APPLICANT_WARD, competentUnitId: competentId })).status).toBe(201);
    expect((await rule({ competentUnitId: w.communeId })).status).toBe(201);
    const twice = await rule({ competentUnitId: w.communeId });
    expect(twice.status).toBe(409);
    const listed = (await (await call(app, admin, 'GET', `/api/tenants/${w.tenantId}/intake-routing-rules`)).json()) as {
      items: { communeCode: string | null }[];
    };
    expect(listed.items.map((r) => r.communeCode).sort()).toEqual([APPLICANT_WARD, null]);
    // A rule is changed in place: it keeps its id; a change onto another rule's key is refused.
    const added = (await (await rule({ communeCode: '00092', competentUnitId: w.communeId })).json()) as { id: string };
    const change = (id: string, body: Record<string, string>) => call(app, admin, 'PUT', `/api/tenants/${w.tenantId}/intake-routing-rules/${id}`, body);
    const changed = await change(added.id, { procedureCode: w.procedureCode, communeCode: '00093', competentUnitId: competentId });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ id: added.id, procedureCode: w.procedureCode, communeCode: '00093', competentUnitId: competentId });
    const clash = await change(added.id, { procedureCode: w.procedureCode, communeCode: APPLICANT_WARD, competentUnitId: competentId });
    expect(clash.status).toBe(409);
    expect(await problemDetail(clash)).toBe('Đã có quy tắc khác cho thủ tục và xã, phường này; hãy sửa hoặc xóa quy tắc đó.');
    const badWard = await change(added.id, { communeCode: 'ab', competentUnitId: competentId });
    expect(badWard.status).toBe(400);
    expect((await change(randomUUID(), { competentUnitId: competentId })).status).toBe(404);
    // The refused changes left the rule as it was.
    const kept = (await (await call(app, admin, 'GET', `/api/tenants/${w.tenantId}/intake-routing-rules`)).json()) as {
      items: { id: string; communeCode: string | null }[];
    };
    expect(kept.items.find((r) => r.id === added.id)?.communeCode).toBe('00093');
    expect((await call(app, admin, 'DELETE', `/api/tenants/${w.tenantId}/intake-routing-rules/${added.id}`)).status).toBe(200);
    // An officer may not change them.
    expect((await call(app, o.competentSpecialist, 'GET', `/api/tenants/${w.tenantId}/intake-routing-rules`)).status).toBe(403);
  });

  it('receives the dossier at any one-stop unit and routes it to the competent unit, recording both', async () => {
    await markJurisdictionFree(w.procedureCode);
    // A unit that is not a one-stop desk still cannot receive it.
    const notOneStop = await fileAt(w.departmentId, 'Lê Thị Không Một Cửa');
    expect(notOneStop.status).toBe(400);
    expect(await problemDetail(notOneStop)).toContain('không phải bộ phận một cửa');

    const filed = await fileAt(elsewhereId, 'Phạm Thị Nộp Đâu Cũng Được');
    expect(filed.status).toBe(201);
    const { dossierId, code } = await client.json<{ dossierId: string; code: string }>(filed);
    const [row] = await withTenant(deps.sql, w.tenantId, (tx) =>
      tx
        .select({ receivingUnitId: schema.dossiers.receivingUnitId, routedToUnitId: schema.dossiers.routedToUnitId })
        .from(schema.dossiers)
        .where(and(eq(schema.dossiers.tenantId, w.tenantId), eq(schema.dossiers.id, dossierId))),
    );
    expect(row).toEqual({ receivingUnitId: elsewhereId, routedToUnitId: competentId });
    // The receiving unit's code opens the dossier code, as for any dossier it receives.
    expect(code.startsWith(`P${elsewhereId.slice(0, 5)}`)).toBe(true);

    // Cầu Giấy's reception officer receives it; then it is Tây Hồ's work, not the home ward's.
    const detail = (who: Session) => client.get(who, `/api/tenants/${w.tenantId}/dossiers/${dossierId}`);
    await eventually(
      async () => (await (await detail(o.elsewhereReception)).json()) as { allowedActions: string[] },
      (d) => d.allowedActions.includes('accept'),
    );
    expect((await client.act(o.elsewhereReception, w.tenantId, dossierId, 'accept')).status).toBe(200);
    expect((await client.act(s.specialist, w.tenantId, dossierId, 'forward')).status).toBe(403);
    const forwarded = await client.act(o.competentSpecialist, w.tenantId, dossierId, 'forward');
    expect(forwarded.status).toBe(200);
    expect(((await forwarded.json()) as { step: { key: string } }).step.key).toBe('to-dept');
  });
});
