import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformClient, type PlatformClient, type Seen, type Session } from '../cluster/platform-client.js';
import { dossiersMarked, eventually, pendingOutbox, refusesConnections, tasksHeldBy, workflowStatuses, type DossierRow } from './checks.js';
import { startFaultCluster, type FaultCluster } from './harness.js';

/**
 * Faults against the cluster topology (docs/operations/topology.md): two API processes behind the
 * balancer, two workers, the Temporal server, all on a PostgreSQL of the run's own. Each fault
 * ends with every dossier there exactly once, in its expected state, and the outbox drained.
 */
const PROCEDURE = '2.000346'; // handled in the ward alone: accept → … → result returned
const CITIZEN_ID = '001090006789';
const RETURNED = 10;

let f: FaultCluster;
let client: PlatformClient;
let tenantId: string;
let citizen: Session;
let officers: Session[];
/** Every answer the clients got, in order: what a fault made people see. */
const seen: Seen[] = [];

beforeAll(async () => {
  f = await startFaultCluster('cluster');
  client = platformClient(f.cluster.url, (s) => seen.push(s));
  const provinces = await client.call<{ items: { id: string; code: string }[] }>(null, 'GET', '/api/provinces');
  tenantId = provinces.body.items.find((p) => p.code === '01')!.id;
  citizen = await client.signIn('congdan.an');
  officers = await Promise.all(['badinh.tiepnhan', 'badinh.chuyenvien', 'badinh.lanhdao', 'badinh.trakq'].map((login) => client.signIn(login)));
});

afterAll(async () => {
  await f?.close();
});

/** Submits `count` dossiers at once, each with its own key and marker, retried until answered. */
async function submitMany(marker: string, count: number, onAnswer?: () => void) {
  const deadline = Date.now() + 180_000;
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const form = await client.submissionForm(tenantId, PROCEDURE, {
        fullName: 'Nguyễn Văn An',
        citizenId: CITIZEN_ID,
        email: `${marker}-${i}@example.vn`,
        phone: '0912345678',
      });
      const answer = await client.submit(citizen, tenantId, form, randomUUID(), deadline);
      onAnswer?.();
      return answer;
    }),
  );
}

/** 0 lost, 0 duplicated: exactly one dossier per submission, each with its workflow. */
async function expectEachOnce(marker: string, count: number): Promise<DossierRow[]> {
  const rows = await eventually(
    () => dossiersMarked(f.admin, marker),
    (found) => found.length === count && found.every((d) => d.workflowId !== null),
    60_000,
    `dossiers of ${marker} with a workflow`,
  );
  const emails = rows.map((d) => d.applicantEmail).sort();
  expect(emails).toEqual(Array.from({ length: count }, (_, i) => `${marker}-${i}@example.vn`).sort());
  return rows;
}

async function expectOutboxDrained(since: Date) {
  await eventually(
    () => pendingOutbox(f.admin, since),
    (n) => n === 0,
    60_000,
    'undelivered outbox rows',
  );
}

const marker = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

describe('the cluster topology', () => {
  it('shares sessions and rate limits across the two API processes', async () => {
    const [one, two] = f.cluster.processes.filter((p) => p.kind === 'api').map((p) => p.liveUrl);
    // A session made through the balancer is known to each API process.
    const users: unknown[] = [];
    for (const base of [one!, two!]) {
      const me = await fetch(`${base}/api/auth/me`, { headers: { Cookie: citizen.cookie } });
      expect(me.status).toBe(200);
      users.push(((await me.json()) as { user: { userId: string } }).user.userId);
    }
    expect(users[0]).toEqual(expect.any(String));
    expect(users[1]).toBe(users[0]);
    // The public status lookup allows 30 a minute per address: alternate between the processes
    // as one client (the balancer's X-Forwarded-For) and the 31st is refused, whichever counts it.
    const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      const response = await fetch(`${i % 2 === 0 ? one : two}/api/public/dossier-status?tenantId=${tenantId}&code=KHONG-CO&idSuffix=6789`, {
        headers: { 'X-Forwarded-For': address },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 30)).not.toContain(429);
    expect(statuses[30]).toBe(429);
    // Sign-in lockout: five wrong passwords, spread over both processes, lock the account on both.
    const login = `khong.co.${randomUUID().slice(0, 8)}`;
    const attempts: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await fetch(`${i % 2 === 0 ? one : two}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
        body: JSON.stringify({ login, password: 'Sai@mat-khau-1' }),
      });
      attempts.push(response.status);
    }
    expect(attempts.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(attempts[5]).toBe(429);
  });

  it('loses and duplicates no submission when an API process is killed during a burst', async () => {
    const since = new Date();
    const name = marker('api-kill');
    const count = 24;
    let answered = 0;
    const burst = submitMany(name, count, () => (answered += 1));
    // Kill as soon as the first submission is answered, while the others are in flight.
    await eventually(
      () => Promise.resolve(answered),
      (n) => n > 0,
      120_000,
      'answered submissions',
    );
    const outstanding = count - answered;
    await f.cluster.kill('api-1');
    expect(outstanding, 'the kill must land while submissions are in flight').toBeGreaterThan(0);
    const answers = await burst;
    // 201 filed, or 200 when a retry found its first attempt filed (the Idempotency-Key's replay).
    expect(answers.filter((a) => a.status !== 201 && a.status !== 200)).toEqual([]);
    // Some submission was cut off by the kill (the balancer's 502 for a write it had sent, or the
    // connection lost) and sent again, same key and body, until answered.
    const cutOff = answers.filter((a) => a.statuses.slice(0, -1).some((status) => status === 502 || status === 0));
    expect(cutOff.length, 'the kill must cut off a submission the client then retried').toBeGreaterThan(0);
    expect(new Set(answers.map((a) => a.body.dossierId)).size).toBe(count);
    const rows = await expectEachOnce(name, count);
    // …and each retried one is one dossier, the one its answer names.
    for (const a of cutOff) expect(rows.filter((d) => d.id === a.body.dossierId)).toHaveLength(1);
    expect(
      new Set(
        await workflowStatuses(
          f.cluster.temporalAddress,
          f.namespace,
          rows.map((d) => d.workflowId!),
        ),
      ),
    ).toEqual(new Set(['RUNNING']));
    await expectOutboxDrained(since);
    // Back in rotation once it answers again.
    await f.cluster.start('api-1');
    expect(f.cluster.balancer.backends.map((b) => b.healthy)).toEqual([true, true]);
  });

  it('finishes every dossier when the worker holding a task is killed with SIGKILL', async () => {
    const since = new Date();
    const name = marker('worker-kill');
    const count = 6;
    const submitted = await submitMany(name, count);
    const rows = await expectEachOnce(name, count);
    // Freeze worker 1 (SIGSTOP) before the officers start: its polls stay open at the server, so
    // the next tasks handed to it are taken and held, not finished. Frozen only once the walks
    // were under way, it held nothing when a quiet machine finished them first. Kill it once
    // Temporal itself says it holds one; the identity is the SDK's default, `<pid>@<host>`.
    const victim = f.cluster.processes.find((p) => p.name === 'worker-1')!.child!.process;
    victim.kill('SIGSTOP');
    const deadline = Date.now() + 240_000;
    const walks = submitted.map((s) => client.advanceToReturned(officers, tenantId, s.body.dossierId, deadline));
    const workflowIds = rows.map((d) => d.workflowId!);
    const held = await eventually(
      () => tasksHeldBy(f.cluster.temporalAddress, f.namespace, workflowIds, `${victim.pid}@`),
      (tasks) => tasks.length > 0,
      120_000,
      'a task held by worker 1',
    );
    const atKill = await dossiersMarked(f.admin, name);
    await f.cluster.kill('worker-1');
    expect(held, 'worker 1 must hold a task when killed').not.toHaveLength(0);
    expect(
      atKill.filter((d) => d.nationalStatus !== RETURNED),
      'the kill must land before the dossiers are done',
    ).not.toHaveLength(0);
    await Promise.all(walks);
    const done = await dossiersMarked(f.admin, name);
    expect(done.map((d) => d.nationalStatus)).toEqual(Array(count).fill(RETURNED));
    await expectEachOnce(name, count);
    await expectOutboxDrained(since);
    await f.cluster.start('worker-1');
  });

  it('finishes every dossier when the Temporal server is killed and started again mid-dossier', async () => {
    const since = new Date();
    const name = marker('temporal-restart');
    const before = await submitMany(`${name}-a`, 4);
    await expectEachOnce(`${name}-a`, 4);
    // One step on each, then the server goes down hard (SIGKILL: no shard hand-off, no flush).
    for (const s of before) {
      const accepted = await client.call(officers[0]!, 'POST', `/api/tenants/${tenantId}/dossiers/${s.body.dossierId}/actions/accept`, {});
      expect(accepted.status).toBe(200);
    }
    await f.cluster.stopTemporal('SIGKILL');
    const down = await fetch(`${f.cluster.url}/readyz`);
    expect(down.status, 'the API must see Temporal down').toBe(503);
    // Citizens still file while it is down: the intake commits, the workflow start waits in the outbox.
    const during = await submitMany(`${name}-b`, 3);
    expect(during.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(await pendingOutbox(f.admin, since)).toBeGreaterThan(0);
    await f.cluster.startTemporal();
    const deadline = Date.now() + 240_000;
    await Promise.all([...before, ...during].map((s) => client.advanceToReturned(officers, tenantId, s.body.dossierId, deadline)));
    for (const [group, count] of [
      [`${name}-a`, 4],
      [`${name}-b`, 3],
    ] as const) {
      const rows = await expectEachOnce(group, count);
      expect(rows.map((d) => d.nationalStatus)).toEqual(Array(count).fill(RETURNED));
    }
    await expectOutboxDrained(since);
  });

  it('finishes every dossier when PostgreSQL is stopped and started again mid-dossier', async () => {
    const since = new Date();
    const name = marker('postgres-restart');
    const apis = f.cluster.processes.filter((p) => p.kind === 'api');
    const pids = () => [...f.cluster.processes.map((p) => p.child?.process.pid), f.cluster.temporalPid()];
    const before = pids();
    expect(before.every((pid) => pid !== undefined)).toBe(true);
    const firstSeen = seen.length;
    const deadline = Date.now() + 300_000;

    /** PostgreSQL down (`mode`), shown down to a client and to both API processes, then up again. */
    const outage = async (mode: 'fast' | 'immediate', probe: { path: string; as: Session }) => {
      await f.postgres.stop(mode);
      expect(await refusesConnections(f.postgres.port), 'PostgreSQL must really be down').toBe(true);
      for (const api of apis) {
        const answer = await fetch(`${api.liveUrl}${probe.path}`, { headers: { Cookie: probe.as.cookie } });
        expect(answer.status, `${api.name} with PostgreSQL down`).toBe(503);
        expect(((await answer.json()) as { code: string }).code).toBe('unavailable');
        expect((await fetch(`${api.liveUrl}/readyz`)).status).toBe(503);
      }
      await f.postgres.start();
    };

    // Four dossiers walking through the officers' steps…
    const a = await submitMany(`${name}-a`, 4);
    await expectEachOnce(`${name}-a`, 4);
    const detail = `/api/tenants/${tenantId}/dossiers/${a[0]!.body.dossierId}`;
    const walksA = a.map((s) => client.advanceToReturned(officers, tenantId, s.body.dossierId, deadline));
    // …and a burst of submissions on their way when PostgreSQL shuts down (fast: sessions ended,
    // clean stop), stopped the moment the first is answered rather than at the next poll, which
    // on a quiet machine came after the whole burst was answered.
    const B = 8;
    let answered = 0;
    let firstAnswered!: () => void;
    const first = new Promise<void>((resolve) => (firstAnswered = resolve));
    const burst = submitMany(`${name}-b`, B, () => {
      answered += 1;
      firstAnswered();
    });
    await first;
    expect(answered, 'the stop must land while submissions are in flight').toBeLessThan(B);
    await outage('fast', { path: detail, as: officers[0]! });
    const b = await burst;
    expect(b.filter((x) => x.status !== 201 && x.status !== 200)).toEqual([]);
    const rowsB = await expectEachOnce(`${name}-b`, B);
    // Each answer names the dossier of its own submission, a retried one included.
    expect(b.map((x) => rowsB.find((d) => d.id === x.body.dossierId)?.applicantEmail)).toEqual(
      Array.from({ length: B }, (_, i) => `${name}-b-${i}@example.vn`),
    );
    // Then a crash (immediate: no shutdown checkpoint, recovery from WAL) while the officers act.
    const walksB = b.map((s) => client.advanceToReturned(officers, tenantId, s.body.dossierId, deadline));
    const received = (await dossiersMarked(f.admin, `${name}-b`))[0]!.nationalStatus;
    const atCrash = await eventually(
      () => dossiersMarked(f.admin, `${name}-b`),
      (found) => found.some((d) => d.nationalStatus !== received),
      120_000,
      'a dossier of the second four past intake',
    );
    expect(
      atCrash.filter((d) => d.nationalStatus !== RETURNED),
      'the crash must land before the dossiers are done',
    ).not.toHaveLength(0);
    await outage('immediate', { path: detail, as: officers[0]! });

    await Promise.all([...walksA, ...walksB]);
    for (const [group, count] of [
      [`${name}-a`, 4],
      [`${name}-b`, B],
    ] as const) {
      const rows = await expectEachOnce(group, count);
      expect(rows.map((d) => d.nationalStatus)).toEqual(Array(count).fill(RETURNED));
    }
    await expectOutboxDrained(since);
    // Clients were told to come back (503, or the balancer's 502), never shown a 500.
    const during = seen.slice(firstSeen);
    expect(during.filter((x) => x.status === 503).length, 'clients must have met the outage').toBeGreaterThan(0);
    expect(during.filter((x) => x.status >= 500 && x.status !== 502 && x.status !== 503 && x.status !== 504)).toEqual([]);
    // Nothing was restarted: every API and worker process and the Temporal server rode it out
    // (the harness runs without the supervisor, so a process that had died would still be down).
    expect(pids()).toEqual(before);
  });
});
