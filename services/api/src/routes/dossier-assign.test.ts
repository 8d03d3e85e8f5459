import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, onlineBody } from '../testing/dossier-client.js';
import { dossierSuite } from '../testing/dossier-suite.js';
import { PDF, userIdOf } from '../testing/dossier-world.js';
import { readProblem } from '../testing/problem.js';

// Phân công: a step's task goes only to an officer who can take it: active in the province,
// holding the step's role at its unit or above. Anyone else is refused with a 400 on the field,
// before the workflow is asked, and the task stays as it was.
const suite = dossierSuite('assign');
const { client, deps, s } = suite;

interface Detail {
  assignees: { userId: string; fullName: string }[];
  openTasks: { stepKey: string; assigneeUserId: string | null }[];
  currentStep: { key: string } | null;
}

let specialistId: string;
let deptSpecialistId: string;
let citizenId: string;
let onLeaveId: string;

beforeAll(async () => {
  const { w } = suite;
  specialistId = await userIdOf(deps.db, w.logins.specialist);
  deptSpecialistId = await userIdOf(deps.db, w.logins.deptSpecialist);
  citizenId = await userIdOf(deps.db, w.logins.citizen);
  // A second specialist of the commune, deactivated (on leave): their work role stays for their return.
  onLeaveId = await withTenant(deps.sql, w.tenantId, async (tx) => {
    const [user] = await tx
      .insert(schema.users)
      .values({ login: `nghi-phep-${randomUUID().slice(0, 8)}`, kind: 'officer', status: 'disabled', homeTenantId: w.tenantId, displayName: 'on leave' })
      .returning();
    await tx.insert(schema.tenantUsers).values({ tenantId: w.tenantId, userId: user!.id, fullName: 'Cán bộ nghỉ phép', orgUnitId: w.communeId, active: false });
    await tx.insert(schema.roleAssignments).values({ tenantId: w.tenantId, userId: user!.id, role: 'specialist', orgUnitId: w.communeId, reason: 'fixture' });
    return user!.id;
  });
});

const detail = async (id: string) => {
  const response = await client.get(s.communeLeader, `/api/tenants/${suite.w.tenantId}/dossiers/${id}`);
  expect(response.status).toBe(200);
  return client.json<Detail>(response);
};
const processTask = (d: Detail) => d.openTasks.find((task) => task.stepKey === 'process');

/** A dossier accepted at the commune, at the specialist's step. */
async function atProcessing(): Promise<string> {
  const { w } = suite;
  const submitted = await client.submit(s.citizen, w.tenantId, onlineBody(w), { files: { don: { name: 'don.pdf', bytes: PDF } } });
  expect(submitted.status).toBe(201);
  const { dossierId } = await client.json<{ dossierId: string }>(submitted);
  await eventually(
    () => detail(dossierId),
    (d) => d.currentStep?.key === 'receive',
  );
  expect((await client.act(s.reception, w.tenantId, dossierId, 'accept')).status).toBe(200);
  await eventually(
    () => detail(dossierId),
    (d) => processTask(d) !== undefined,
  );
  return dossierId;
}

describe('assigning a step (phân công)', () => {
  it('offers and accepts only officers who can take the step', { timeout: 60_000 }, async () => {
    const id = await atProcessing();
    expect((await detail(id)).assignees.map((a) => a.userId)).toEqual([specialistId]);

    const refused = { deptSpecialist: deptSpecialistId, onLeave: onLeaveId, citizen: citizenId, nobody: randomUUID() };
    for (const [who, assigneeUserId] of Object.entries(refused)) {
      const response = await client.act(s.communeLeader, suite.w.tenantId, id, 'assign', { assigneeUserId });
      const fields = (await readProblem(response)).errors?.map((e) => e.field);
      expect({ who, status: response.status, fields }).toEqual({ who, status: 400, fields: ['assigneeUserId'] });
    }
    expect(processTask(await detail(id))?.assigneeUserId).toBeNull();

    expect((await client.act(s.communeLeader, suite.w.tenantId, id, 'assign', { assigneeUserId: specialistId })).status).toBe(200);
    await eventually(
      () => detail(id),
      (d) => processTask(d)?.assigneeUserId === specialistId,
    );
  });
});
