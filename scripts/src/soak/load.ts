import { randomUUID } from 'node:crypto';
import { platformClient, type Session } from '../cluster/platform-client.js';
import { Random, Weighted } from '../synthetic/random.js';
import { getFrom, loopbackAddress } from './http.js';
import type { Operation, Recorder } from './recorder.js';

/** The demo province's ward-only procedure: accept → … → result returned, at Phường Ba Đình. */
const PROCEDURE = '2.000346';
const CITIZEN_ID = '001090006789';
const OFFICERS = ['badinh.tiepnhan', 'badinh.chuyenvien', 'badinh.lanhdao', 'badinh.trakq'] as const;
/** The leader reads the unit report of the ward (a report reader of their own subtree). */
const REPORT_READER = 'badinh.lanhdao';

/** Officer actions in the order a dossier meets them, with the body each takes (the first one offered is taken). */
const STEPS: [string, Record<string, unknown>][] = [
  ['accept', {}],
  ['forward', { note: 'Đủ điều kiện' }],
  ['approve', { signed: true }],
  ['handOver', { note: 'Chuyển bước tiếp' }],
  ['returnResult', { method: 'in_person' }],
];

type Task = 'submit online' | 'submit counter' | 'officer work' | 'status lookup' | 'unit report';

/**
 * How often each client picks each task *(an assumption, not measured traffic)*: citizens
 * looking up their dossier and officers working their inbox most, submissions online twice as
 * often as at the counter, a leader's report now and then. Submissions outpace what the officers
 * finish, so dossiers stay open and accumulate, as they do in a province.
 */
const TASK_MIX: readonly (readonly [Task, number])[] = [
  ['submit online', 2],
  ['submit counter', 1],
  ['officer work', 4],
  ['status lookup', 3],
  ['unit report', 1],
];

export interface Load {
  /** Stops every client after its current request and waits for them. */
  stop(): Promise<void>;
  submitted(): number;
}

/**
 * `clients` closed-loop clients against the balancer at `url`, each taking the next task as soon
 * as the last one is answered, until stopped. Every request is timed and recorded, its outcome
 * with it: any answer that is not 2xx, or no answer, is an error.
 */
export async function startLoad(args: { url: string; clients: number; recorder: Recorder; seed: number }): Promise<Load> {
  const client = platformClient(args.url);
  const { recorder } = args;
  const provinces = await client.call<{ items: { id: string; code: string }[] }>(null, 'GET', '/api/provinces');
  const tenantId = provinces.body.items.find((p) => p.code === '01')?.id;
  if (!tenantId) throw new Error('Hà Nội (01) is not seeded: the soak needs the demo province');
  const sessions = new Map<string, Session>();
  for (const login of ['congdan.an', ...OFFICERS]) sessions.set(login, await client.signIn(login));
  const session = (login: string) => sessions.get(login)!;

  const applicant = { fullName: 'Nguyễn Văn An', citizenId: CITIZEN_ID, email: 'soak@example.vn', phone: '0912345678' };
  // Counter officers attach the digitised components as a citizen uploads them online.
  const onlineForm = await client.submissionForm(tenantId, PROCEDURE, applicant);
  const counterForm = await client.submissionForm(tenantId, PROCEDURE, applicant, 'in_person');
  /** Codes of the dossiers submitted so far: what citizens look up. */
  const known: string[] = [];
  let submissions = 0;
  let lookups = 0;
  let stopped = false;

  /** One timed request; a thrown error (no answer) and any status outside 2xx are recorded as errors. */
  async function timed<T>(operation: Operation, send: () => Promise<{ status: number; body: T }>): Promise<T | undefined> {
    const t0 = performance.now();
    try {
      const answer = await send();
      const ms = performance.now() - t0;
      if (answer.status >= 200 && answer.status < 300) {
        recorder.record(operation, ms);
        return answer.body;
      }
      recorder.record(operation, ms, { kind: `HTTP ${answer.status}`, sample: JSON.stringify(answer.body) });
    } catch (error) {
      recorder.record(operation, performance.now() - t0, { kind: 'no answer', sample: String(error) });
    }
    return undefined;
  }

  async function submit(channel: 'online' | 'in_person') {
    submissions += 1;
    const key = randomUUID();
    const [who, form, operation] =
      channel === 'online' ? ['congdan.an', onlineForm, 'submit online' as const] : [OFFICERS[0], counterForm, 'submit counter' as const];
    const answer = await timed(operation, () =>
      client.call<{ code: string }>(session(who), 'POST', `/api/tenants/${tenantId}/dossiers`, form(), { 'Idempotency-Key': key }),
    );
    if (answer) known.push(answer.code);
  }

  /** The officer's inbox; one task of it that belongs to this client (so two clients never race on a dossier) is taken a step on. */
  async function officerWork(me: number, turn: number) {
    const officer = session(OFFICERS[turn % OFFICERS.length]!);
    const page = await timed('inbox', () => client.call<{ items: { dossierId: string }[] }>(officer, 'GET', `/api/tenants/${tenantId}/inbox?pageSize=50`));
    const mine = page?.items.find((item) => Number.parseInt(item.dossierId.slice(-4), 16) % args.clients === me);
    if (!mine) return;
    const detail = await timed('dossier', () =>
      client.call<{ allowedActions: string[] }>(officer, 'GET', `/api/tenants/${tenantId}/dossiers/${mine.dossierId}`),
    );
    const step = STEPS.find(([action]) => detail?.allowedActions.includes(action));
    if (!step) return;
    await timed('action', () => client.call(officer, 'POST', `/api/tenants/${tenantId}/dossiers/${mine.dossierId}/actions/${step[0]}`, step[1]));
  }

  async function statusLookup(random: Random) {
    if (known.length === 0) return submit('online'); // nothing to look up yet
    const code = random.pick(known);
    const url = `${args.url}/api/public/dossier-status?tenantId=${tenantId}&code=${encodeURIComponent(code)}&idSuffix=${CITIZEN_ID.slice(-4)}`;
    await timed('status lookup', async () => {
      const answer = await getFrom(loopbackAddress((lookups += 1)), url);
      return { status: answer.status, body: answer.status < 300 ? null : answer.body };
    });
  }

  const unitReport = () => timed('unit report', () => client.call(session(REPORT_READER), 'GET', `/api/reports/provinces/${tenantId}/units`));

  const mix = new Weighted(TASK_MIX);
  const loops = Array.from({ length: args.clients }, async (_, me) => {
    const random = new Random(args.seed, me);
    for (let turn = 0; !stopped; turn += 1) {
      const task = mix.draw(random);
      if (task === 'submit online') await submit('online');
      else if (task === 'submit counter') await submit('in_person');
      else if (task === 'officer work') await officerWork(me, turn);
      else if (task === 'status lookup') await statusLookup(random);
      else await unitReport();
    }
  });
  return {
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
    submitted: () => submissions,
  };
}
