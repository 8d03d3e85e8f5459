import { schema, withTenant } from '@gov/db';
import { inArray } from 'drizzle-orm';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { ACTORS, MATRIX, type Actor } from '../testing/authz-matrix.js';
import { userIdOf } from '../testing/dossier-world.js';
import { readProblem } from '../testing/problem.js';
import { buildTenantWorld, connEnv, createGlobalUser, signIn, type Session, type TenantWorld } from '../testing/world.js';

// Generated from the OpenAPI document: every operation that takes a body gets malformed ones,
// with valid path parameters (so the bodies reach the handlers), from an anonymous caller and
// from each role. Every answer must be a 4xx problem, and nothing may be written.
const { deps, close } = createTestDeps();
const app = createApp(deps);
let world: TenantWorld;
const sessions = new Map<Actor, Session | null>();
const actorIds: string[] = [];

beforeAll(async () => {
  world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
  sessions.set('anonymous', null);
  for (const global of ['citizen', 'ministry_admin', 'ministry_oversight'] as const) {
    const login = await createGlobalUser(deps.db, global);
    actorIds.push(await userIdOf(deps.db, login));
    sessions.set(global, await signIn(app, login));
  }
  for (const [role, login] of Object.entries(world.logins)) {
    actorIds.push(await userIdOf(deps.db, login));
    sessions.set(role as Actor, await signIn(app, login));
  }
});
afterAll(close);

const MALFORMED: { name: string; type: string; body: string }[] = [
  { name: 'cut-off JSON', type: 'application/json', body: '{' },
  { name: 'not JSON', type: 'application/json', body: 'x' },
  { name: 'a JSON array', type: 'application/json', body: '[1,"a",null]' },
  {
    name: 'JSON with wrong types and a NUL character',
    type: 'application/json',
    body: JSON.stringify({ name: 7, code: ['a'], reason: 'x\u0000y', steps: 'none', purpose: {} }),
  },
  { name: 'junk multipart', type: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nContent-Disposition: form-data; name="dossier"\r\n\r\n{\r\n--nope' },
];

/** Operations whose body is read by hand rather than by a declared schema (multipart uploads). */
const READ_BY_HAND = new Set(['POST /api/tenants/{tenantId}/dossiers', 'POST /api/tenants/{tenantId}/dossiers/{dossierId}/files']);

interface Operation {
  method: string;
  path: string;
  honoKey: string;
}

async function operationsWithBodies(): Promise<Operation[]> {
  const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  const found: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const key = `${method.toUpperCase()} ${path}`;
      if (!operation.requestBody && !READ_BY_HAND.has(key)) continue;
      found.push({ method: method.toUpperCase(), path, honoKey: `${method.toUpperCase()} ${path.replaceAll(/\{(\w+)\}/g, ':$1')}` });
    }
  }
  return found;
}

/** A real path for the operation: the permission matrix's own request where it has one. */
async function concretePath(op: Operation): Promise<string> {
  const rule = MATRIX[op.honoKey];
  if (rule) {
    return (await rule.request({ world, place: 'ownSubtree', sql: deps.sql, freshOfficer: () => userIdOf(deps.db, world.logins.specialist) })).path.split(
      '?',
    )[0]!;
  }
  return op.path.replaceAll('{tenantId}', world.tenantId).replaceAll(/\{\w+\}/g, world.wardId);
}

/** Everything a write could touch in the province, its officers, and the platform log of our actors. */
async function snapshot(): Promise<string> {
  const tenant = await withTenant(deps.sql, world.tenantId, async (tx) =>
    Promise.all([
      tx.select().from(schema.orgUnits),
      tx.select().from(schema.tenantUsers),
      tx.select().from(schema.roleAssignments),
      tx.select().from(schema.procedureSettings),
      tx.select().from(schema.processDefinitions),
      tx.select().from(schema.tenantCalendars),
      tx.select().from(schema.dossiers),
      tx.select().from(schema.dossierFiles),
      tx.select().from(schema.auditLog),
      tx.select().from(schema.outbox),
      tx.select().from(schema.idempotencyKeys),
      tx.select().from(schema.tasks),
    ]),
  );
  const users = await deps.db.select().from(schema.users).where(inArray(schema.users.id, actorIds));
  const homed = await deps.db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.homeTenantId, world.tenantId));
  const platform = await deps.db.select().from(schema.platformAuditLog).where(inArray(schema.platformAuditLog.actorUserId, actorIds));
  return JSON.stringify({ tenant, users, homed, platform });
}

describe('malformed bodies on every operation of the OpenAPI document', () => {
  it('answer 4xx problem+json, never 5xx, for every actor, and write nothing', { timeout: 240_000 }, async () => {
    const operations = await operationsWithBodies();
    expect(operations.length).toBeGreaterThan(20);
    const paths = new Map<Operation, string>();
    for (const op of operations) paths.set(op, await concretePath(op));
    const before = await snapshot();
    const wrong: string[] = [];
    for (const op of operations) {
      for (const actor of ACTORS) {
        const session = sessions.get(actor) ?? null;
        for (const malformed of MALFORMED) {
          const headers: Record<string, string> = { 'Content-Type': malformed.type, 'Idempotency-Key': 'bad-input-probe' };
          if (session) Object.assign(headers, { Cookie: session.cookie, 'X-CSRF-Token': session.csrf });
          const response = await app.request(paths.get(op)!, { method: op.method, headers, body: malformed.body }, connEnv('203.0.113.90'));
          const where = `${op.method} ${op.path} as ${actor} with ${malformed.name}: ${response.status}`;
          if (response.status < 400 || response.status >= 500) {
            wrong.push(`${where} ${await response.text()}`);
            continue;
          }
          await readProblem(response).catch((error: unknown) => wrong.push(`${where} ${String(error)}`));
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});
