import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { readProblem } from '../testing/problem.js';
import { buildTenantWorld, call, createGlobalUser, signIn, type Session, type TenantWorld } from '../testing/world.js';

// The satisfaction survey over HTTP: only the applicant, only once the result was returned, only
// once; and the aggregates, scoped like every province report.
const { deps, close } = createTestDeps();
const app = createApp(deps);
let own: TenantWorld;
let other: TenantWorld;
let citizen: Session;
let stranger: Session;
let admin: Session;
let clerk: Session;
let otherAdmin: Session;
let ministry: Session;
let citizenId: string;
const procedureCode = `1.${randomUUID().slice(0, 6)}`;

/** A dossier of `citizenId` received at `unitId`, in the given national status. */
async function dossierOf(world: TenantWorld, unitId: string, nationalStatus: number, applicantUserId: string | null = citizenId): Promise<string> {
  return withTenant(deps.sql, world.tenantId, async (tx) => {
    const [procedure] = await tx.select({ id: schema.procedures.id }).from(schema.procedures).where(eq(schema.procedures.code, procedureCode));
    const id = randomUUID();
    await tx.insert(schema.dossiers).values({
      tenantId: world.tenantId,
      id,
      code: `KS-${id.slice(0, 8).toUpperCase()}`,
      procedureId: procedure!.id,
      channel: 'online',
      receivingUnitId: unitId,
      currentUnitId: unitId,
      applicantUserId,
      applicantName: 'Nguyễn Thị Đánh Giá',
      nationalStatus,
      localStatus: 'x',
      receivedAt: new Date(),
    });
    return id;
  });
}

const GOOD = { attitude: 5, timeliness: 4, clarity: 3, overall: 4 };
const surveyPath = (dossierId: string, world: TenantWorld = own) => `/api/tenants/${world.tenantId}/dossiers/${dossierId}/survey`;
const resultsPath = (world: TenantWorld = own, query = '') => `/api/tenants/${world.tenantId}/survey-results${query}`;

interface Scores {
  count: number;
  attitude: number | null;
  timeliness: number | null;
  clarity: number | null;
  overall: number | null;
}
interface Results {
  byUnit: (Scores & { unitId: string })[];
  byProcedure: (Scores & { procedureCode: string; procedureName: string | null })[];
  total: Scores;
}
async function results(session: Session, query = '', world: TenantWorld = own): Promise<Results> {
  const response = await call(app, session, 'GET', resultsPath(world, query));
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as Results;
}

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [own, other] = await Promise.all([buildTenantWorld(deps.db, deps.sql, ownerUrl), buildTenantWorld(deps.db, deps.sql, ownerUrl)]);
  await deps.db.insert(schema.procedures).values({
    code: procedureCode,
    version: 1,
    name: 'Cấp bản sao trích lục hộ tịch',
    sector: 'Hộ tịch',
    level: 'commune',
    channels: ['online'],
    processingTime: [{ channel: 'online', amount: 1, unit: 'working_days' }],
    onlineServiceLevel: 'full',
  });
  const login = await createGlobalUser(deps.db, 'citizen');
  citizenId = (await deps.db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.login, login)))[0]!.id;
  citizen = await signIn(app, login, '203.0.113.30');
  stranger = await signIn(app, await createGlobalUser(deps.db, 'citizen'), '203.0.113.31');
  admin = await signIn(app, own.logins.province_admin, '203.0.113.32');
  clerk = await signIn(app, own.logins.reception_officer, '203.0.113.34');
  otherAdmin = await signIn(app, other.logins.province_admin, '203.0.113.35');
  ministry = await signIn(app, await createGlobalUser(deps.db, 'ministry_oversight'), '203.0.113.36');
});
afterAll(close);

describe('answering the survey', () => {
  it('opens for the applicant once the result was returned, and takes one answer only', async () => {
    const dossierId = await dossierOf(own, own.wardTeamId, 10);
    const before = await call(app, citizen, 'GET', surveyPath(dossierId));
    expect(before.status).toBe(200);
    expect(await before.json()).toMatchObject({ answered: false, open: true, submittedAt: null });

    const sent = await call(app, citizen, 'POST', surveyPath(dossierId), { ...GOOD, comment: '  Cán bộ nhiệt tình.  ' });
    expect(sent.status).toBe(201);
    expect(await sent.json()).toMatchObject({ answered: true, open: false });
    expect(await (await call(app, citizen, 'GET', surveyPath(dossierId))).json()).toMatchObject({ answered: true, open: false });

    const again = await call(app, citizen, 'POST', surveyPath(dossierId), GOOD);
    expect(again.status).toBe(409);
    expect((await readProblem(again)).detail).toBe('Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.');

    // The row keeps the unit and procedure for the aggregates, and the trimmed comment; no user id column exists.
    const [row] = await withTenant(deps.sql, own.tenantId, (tx) =>
      tx.select().from(schema.satisfactionSurveys).where(eq(schema.satisfactionSurveys.dossierId, dossierId)),
    );
    expect(row).toMatchObject({ unitId: own.wardTeamId, procedureCode, ...GOOD, comment: 'Cán bộ nhiệt tình.' });
    expect(Object.keys(row!)).not.toContain('userId');

    // Audited without the scores or the comment.
    const [entry] = await withTenant(deps.sql, own.tenantId, (tx) => tx.select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, dossierId)));
    expect(entry).toMatchObject({ action: 'dossier.survey_answered', subjectType: 'Dossier', details: null });
  });

  it('is refused before the result was returned, in Vietnamese', async () => {
    for (const status of [4, 9]) {
      const dossierId = await dossierOf(own, own.wardTeamId, status);
      expect(await (await call(app, citizen, 'GET', surveyPath(dossierId))).json()).toMatchObject({ answered: false, open: false });
      const refused = await call(app, citizen, 'POST', surveyPath(dossierId), GOOD);
      expect(refused.status).toBe(409);
      expect((await readProblem(refused)).detail).toBe('Chỉ đánh giá được sau khi hồ sơ đã trả kết quả.');
    }
  });

  it('is only for the applicant: another citizen and an officer are refused, and an unknown dossier is 404', async () => {
    const dossierId = await dossierOf(own, own.wardTeamId, 10);
    for (const session of [stranger, admin, ministry]) {
      const refused = await call(app, session, 'POST', surveyPath(dossierId), GOOD);
      expect(refused.status).toBe(403);
      expect((await readProblem(refused)).detail).toBe('Chỉ người nộp hồ sơ được đánh giá sự hài lòng về hồ sơ này.');
      expect((await call(app, session, 'GET', surveyPath(dossierId))).status).toBe(403);
    }
    expect((await call(app, null, 'POST', surveyPath(dossierId), GOOD)).status).toBe(401);
    // The same dossier asked for under another province does not exist there.
    expect((await call(app, citizen, 'POST', surveyPath(dossierId, other), GOOD)).status).toBe(404);
    expect((await call(app, citizen, 'GET', surveyPath(randomUUID()))).status).toBe(404);
    // Still open for its applicant.
    expect(await (await call(app, citizen, 'GET', surveyPath(dossierId))).json()).toMatchObject({ open: true });
  });

  it('refuses a score outside 1–5, a missing criterion and a long comment, naming each in Vietnamese', async () => {
    const dossierId = await dossierOf(own, own.wardTeamId, 10);
    for (const [body, field] of [
      [{ ...GOOD, attitude: 0 }, 'attitude'],
      [{ ...GOOD, overall: 6 }, 'overall'],
      [{ ...GOOD, clarity: 3.5 }, 'clarity'],
    ] as const) {
      const response = await call(app, citizen, 'POST', surveyPath(dossierId), body);
      expect(response.status).toBe(400);
      const problem = await readProblem(response);
      expect(problem.errors?.map((e) => e.field)).toEqual([field]);
      expect(problem.errors?.[0]?.detail).toBe('điểm từ 1 đến 5');
    }
    const missing = await call(app, citizen, 'POST', surveyPath(dossierId), { attitude: 5, timeliness: 5, clarity: 5 });
    expect(missing.status).toBe(400);
    expect((await readProblem(missing)).errors).toEqual([{ pointer: '#/overall', field: 'overall', detail: 'chưa chấm điểm tiêu chí này (từ 1 đến 5)' }]);
    const long = await call(app, citizen, 'POST', surveyPath(dossierId), { ...GOOD, comment: 'a'.repeat(1001) });
    expect(long.status).toBe(400);
    expect((await readProblem(long)).errors?.[0]).toMatchObject({ field: 'comment', detail: 'góp ý tối đa 1000 ký tự' });
    // Nothing was written: the survey is still open.
    expect(await (await call(app, citizen, 'GET', surveyPath(dossierId))).json()).toMatchObject({ open: true });
  });
});

describe('the results', () => {
  let scoped: TenantWorld;
  let leader: Session;
  let provinceAdmin: Session;

  beforeAll(async () => {
    // A province of its own, so the counts are exactly this test's answers.
    scoped = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
    provinceAdmin = await signIn(app, scoped.logins.province_admin, '203.0.113.40');
    leader = await signIn(app, scoped.logins.leader, '203.0.113.41');
    const answers: [string, typeof GOOD][] = [
      [scoped.wardTeamId, { attitude: 5, timeliness: 4, clarity: 3, overall: 4 }],
      [scoped.wardId, { attitude: 4, timeliness: 4, clarity: 4, overall: 5 }],
      [scoped.departmentId, { attitude: 1, timeliness: 2, clarity: 2, overall: 1 }],
    ];
    for (const [unitId, answer] of answers) {
      const dossierId = await dossierOf(scoped, unitId, 10);
      expect((await call(app, citizen, 'POST', surveyPath(dossierId, scoped), { ...answer, comment: 'Rất chậm, cán bộ khó chịu' })).status).toBe(201);
    }
  });

  it('a province admin sees counts and averages per unit, per procedure and in all, never a comment', async () => {
    const body = await results(provinceAdmin, '', scoped);
    expect(body.total).toEqual({ count: 3, attitude: 3.33, timeliness: 3.33, clarity: 3, overall: 3.33 });
    expect(body.byProcedure).toEqual([
      { procedureCode, procedureName: 'Cấp bản sao trích lục hộ tịch', count: 3, attitude: 3.33, timeliness: 3.33, clarity: 3, overall: 3.33 },
    ]);
    expect(body.byUnit.map((u) => [u.unitId, u.count, u.overall]).sort()).toEqual(
      [
        [scoped.wardTeamId, 1, 4],
        [scoped.wardId, 1, 5],
        [scoped.departmentId, 1, 1],
      ].sort(),
    );
    expect(JSON.stringify(body)).not.toContain('Rất chậm');
    // The unit filter takes the subtree.
    expect((await results(provinceAdmin, `?unitId=${scoped.wardId}`, scoped)).total.count).toBe(2);
    expect((await results(provinceAdmin, `?procedureCode=9.999`, scoped)).total).toEqual({
      count: 0,
      attitude: null,
      timeliness: null,
      clarity: null,
      overall: null,
    });
  });

  it('a unit leader sees only their unit’s subtree and is refused another unit', async () => {
    const body = await results(leader, '', scoped);
    expect(body.total.count).toBe(2);
    expect(body.byUnit.map((u) => u.unitId).sort()).toEqual([scoped.wardId, scoped.wardTeamId].sort());
    const refused = await call(app, leader, 'GET', resultsPath(scoped, `?unitId=${scoped.departmentId}`));
    expect(refused.status).toBe(403);
    expect((await readProblem(refused)).detail).toContain('đơn vị mình phụ trách');
  });

  it('another province’s admin and an officer without the reports’ right are refused; ministry staff read it', async () => {
    expect((await call(app, otherAdmin, 'GET', resultsPath(scoped))).status).toBe(403);
    expect((await call(app, admin, 'GET', resultsPath(scoped))).status).toBe(403);
    expect((await call(app, clerk, 'GET', resultsPath(own))).status).toBe(403);
    expect((await call(app, citizen, 'GET', resultsPath(scoped))).status).toBe(403);
    expect((await results(ministry, '', scoped)).total.count).toBe(3);
  });

  it('refuses a malformed period or unit in Vietnamese', async () => {
    const response = await call(app, provinceAdmin, 'GET', resultsPath(scoped, '?from=2026-02-30&unitId=x'));
    expect(response.status).toBe(400);
    const problem = await readProblem(response);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(['from', 'unitId']);
    const reversed = await call(app, provinceAdmin, 'GET', resultsPath(scoped, '?from=2026-03-10&to=2026-03-01'));
    expect(reversed.status).toBe(400);
    expect((await readProblem(reversed)).errors?.[0]?.detail).toBe('ngày bắt đầu phải trước hoặc bằng ngày kết thúc');
  });
});
