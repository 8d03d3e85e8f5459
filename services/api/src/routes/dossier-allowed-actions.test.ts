import { MS_PER_DAY } from '@gov/calendar';
import type { DossierAction } from '@gov/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, onlineBody } from '../testing/dossier-client.js';
import { PDF, userIdOf, type DossierWorld, type Officer } from '../testing/dossier-world.js';
import { dossierSuite } from '../testing/dossier-suite.js';

// `allowedActions` of GET /dossiers/:id against the real workflow: along the happy
// path of the commune → department → commune world, each officer is offered exactly the expected
// actions; every offered action is accepted by the workflow (on a copy of the dossier at that
// state) and every action not offered is refused.
const suite = dossierSuite('allowed-actions');
const { client, deps, s } = suite;
let w: DossierWorld;
const OFFICERS: Officer[] = ['reception', 'specialist', 'communeLeader', 'clerk', 'deptLeader', 'deptSpecialist'];
const OFFICER_ACTIONS: DossierAction[] = [
  'accept',
  'refuse',
  'requestSupplement',
  'assign',
  'forward',
  'returnToPrevious',
  'handOver',
  'approve',
  'requestFee',
  'recordPayment',
  'recordApology',
  'returnResult',
  'stop',
];
/** Who holds each step's role at its unit: the one officer its task may be assigned to. */
const STEP_HOLDER: Record<string, Officer> = {
  receive: 'reception',
  process: 'specialist',
  'dept-approve': 'deptLeader',
  'to-commune': 'deptSpecialist',
  return: 'clerk',
};
const ids = {} as Record<Officer, string>;
/** The step the dossiers under test are at (set by `offers`), so an assignment names its holder. */
let atStep = 'receive';

beforeAll(async () => {
  ({ w } = suite);
  for (const who of OFFICERS) ids[who] = await userIdOf(deps.db, w.logins[who]);
});

interface Detail {
  allowedActions: DossierAction[];
  assignees: { userId: string }[];
  currentStep: { key: string } | null;
}

/** A valid input for each action, so a refusal is about who and when, never about the payload. */
const payload = (action: DossierAction, who: Officer): Record<string, unknown> => {
  switch (action) {
    case 'refuse':
    case 'returnToPrevious':
    case 'stop':
      return { reason: `Kiểm thử (${who})` };
    case 'requestSupplement':
      return { reason: 'Thiếu giấy tờ', items: ['Bản sao căn cước'] };
    case 'assign':
      return { assigneeUserId: ids[STEP_HOLDER[atStep]!] };
    case 'approve':
      return { signed: true };
    case 'requestFee':
      return { amountVnd: 50_000, description: 'Lệ phí' };
    case 'recordPayment':
      return { reference: 'BL-001' };
    case 'recordApology':
      return { reason: 'Cần xác minh', newDueAt: new Date(Date.now() + 120 * MS_PER_DAY).toISOString() };
    case 'returnResult':
      return { method: 'online' };
    default:
      return {};
  }
};

const detail = async (who: Officer, id: string) => {
  const response = await client.get(s[who], `/api/tenants/${w.tenantId}/dossiers/${id}`);
  expect(response.status).toBe(200);
  return client.json<Detail>(response);
};
/** What the officer is offered; an officer who may not even read the dossier (403) is offered nothing. */
const offered = async (who: Officer, id: string): Promise<DossierAction[]> => {
  const response = await client.get(s[who], `/api/tenants/${w.tenantId}/dossiers/${id}`);
  if (response.status === 403) return [];
  expect(response.status).toBe(200);
  return (await client.json<Detail>(response)).allowedActions;
};
const act = (who: Officer, id: string, action: DossierAction) => client.act(s[who], w.tenantId, id, action, payload(action, who));
const submit = async () => {
  const response = await client.submit(s.citizen, w.tenantId, onlineBody(w), { files: { don: { name: 'don.pdf', bytes: PDF } } });
  expect(response.status).toBe(201);
  return (await client.json<{ dossierId: string }>(response)).dossierId;
};
/** Everyone's offer at one state; waits for the step the state is named by (a hand-over child starts asynchronously). */
async function offers(id: string, stepKey: string): Promise<Record<Officer, DossierAction[]>> {
  atStep = stepKey;
  await eventually(
    () => detail('communeLeader', id),
    (d) => d.currentStep?.key === stepKey,
  );
  const entries = await Promise.all(OFFICERS.map(async (who) => [who, await offered(who, id)] as const));
  return Object.fromEntries(entries) as Record<Officer, DossierAction[]>;
}

/** Every action not offered is refused (403 or 409) and changes nothing. */
async function refusesTheRest(id: string, offered: Record<Officer, DossierAction[]>) {
  for (const who of OFFICERS) {
    const refused = OFFICER_ACTIONS.filter((action) => !offered[who].includes(action));
    const statuses = await Promise.all(refused.map(async (action) => [action, (await act(who, id, action)).status] as const));
    expect({ who, statuses: statuses.filter(([, status]) => status !== 403 && status !== 409) }).toEqual({ who, statuses: [] });
  }
}

/** Every offered action but the path's own is accepted, each on its own copy at this state. */
async function acceptsTheOffers(copies: string[], offered: Record<Officer, DossierAction[]>, path: [Officer, DossierAction]) {
  const tries = OFFICERS.flatMap((who) => offered[who].filter((action) => who !== path[0] || action !== path[1]).map((action) => [who, action] as const));
  expect(copies.length).toBeGreaterThanOrEqual(tries.length);
  const results = await Promise.all(tries.map(async ([who, action], i) => [who, action, (await act(who, copies[i]!, action)).status] as const));
  expect(results.filter(([, , status]) => status !== 200)).toEqual([]);
  return copies.slice(tries.length);
}

const advance = async (ids: string[], who: Officer, action: DossierAction) => {
  const statuses = await Promise.all(ids.map(async (id) => (await act(who, id, action)).status));
  expect(statuses.every((status) => status === 200)).toBe(true);
};

describe('allowedActions agrees with the workflow', () => {
  it('offers each officer exactly what the workflow accepts, step by step', { timeout: 180_000 }, async () => {
    const main = await submit();
    let copies = await Promise.all(Array.from({ length: 15 }, () => submit()));
    const none = { reception: [], specialist: [], communeLeader: [], clerk: [], deptLeader: [], deptSpecialist: [] };

    // Intake at the commune: only the reception officer acts.
    const intake = await offers(main, 'receive');
    expect(intake).toEqual({ ...none, reception: ['accept', 'refuse', 'requestSupplement'] });
    await refusesTheRest(main, intake);
    copies = await acceptsTheOffers(copies, intake, ['reception', 'accept']);
    await advance([main, ...copies], 'reception', 'accept');

    // The commune specialist's step; the commune leader may assign, send an apology or stop.
    const processing = await offers(main, 'process');
    expect(processing).toEqual({
      ...none,
      specialist: ['requestSupplement', 'assign', 'forward', 'requestFee', 'recordApology'],
      communeLeader: ['assign', 'recordApology', 'stop'],
    });
    expect((await detail('specialist', main)).assignees.map((a) => a.userId)).toEqual([ids.specialist]);
    await refusesTheRest(main, processing);
    copies = await acceptsTheOffers(copies, processing, ['specialist', 'forward']);
    await advance([main, ...copies], 'specialist', 'forward');
    await advance([main, ...copies], 'specialist', 'handOver');

    // In the department (the hand-over child): its leader approves; the commune keeps the
    // parent-level apology and stop.
    const approval = await offers(main, 'dept-approve');
    expect(approval).toEqual({
      ...none,
      specialist: ['recordApology'],
      communeLeader: ['recordApology', 'stop'],
      deptLeader: ['requestSupplement', 'assign', 'approve', 'requestFee'],
    });
    await refusesTheRest(main, approval);
    copies = await acceptsTheOffers(copies, approval, ['deptLeader', 'approve']);
    expect(copies).toEqual([]);
    await advance([main], 'deptLeader', 'approve');

    const back = await offers(main, 'to-commune');
    expect(back).toEqual({
      ...none,
      specialist: ['recordApology'],
      communeLeader: ['recordApology', 'stop'],
      deptLeader: ['assign'],
      deptSpecialist: ['assign', 'handOver'],
    });
    await refusesTheRest(main, back);
    await advance([main], 'deptSpecialist', 'handOver');

    // Back at the commune processing is finished (no apology, no stop): the result clerk returns
    // the result; then nobody may do anything.
    const returning = await offers(main, 'return');
    expect(returning).toEqual({ ...none, clerk: ['assign', 'requestFee', 'returnResult'], communeLeader: ['assign'] });
    await refusesTheRest(main, returning);
    await advance([main], 'clerk', 'returnResult');
    const closed = await Promise.all(OFFICERS.map((who) => offered(who, main)));
    expect(closed).toEqual(OFFICERS.map(() => []));
  });
});
