import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { ACTORS, GLOBAL_ROUTES, MATRIX, PUBLIC_ROUTES, type Actor, type Place, type Probe } from '../testing/authz-matrix.js';
import { ANY_REVISION, buildTenantWorld, call, createGlobalUser, signIn, type Session, type TenantWorld } from '../testing/world.js';

// Generated, not hand-picked (docs/code-conventions.md#generated-permission-tests): every route × actor × own/other province ×
// own/other subtree, asserting allow or deny.
const { deps, close } = createTestDeps();
const app = createApp(deps);
let own: TenantWorld;
let other: TenantWorld;
const sessions = new Map<Actor, Session | null>();

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [own, other] = await Promise.all([buildTenantWorld(deps.db, deps.sql, ownerUrl), buildTenantWorld(deps.db, deps.sql, ownerUrl)]);
  sessions.set('anonymous', null);
  for (const global of ['citizen', 'ministry_admin', 'ministry_oversight'] as const)
    sessions.set(global, await signIn(app, await createGlobalUser(deps.db, global)));
  for (const [role, login] of Object.entries(own.logins)) sessions.set(role as Actor, await signIn(app, login));
});
afterAll(close);

function probe(world: TenantWorld, place: Place): Probe {
  return {
    world,
    place,
    sql: deps.sql,
    freshOfficer: () =>
      withTenant(deps.sql, world.tenantId, async (tx) => {
        const [user] = await tx
          .insert(schema.users)
          .values({ login: `t-${randomUUID()}`, kind: 'officer', homeTenantId: world.tenantId, displayName: 'Đích' })
          .returning();
        await tx.insert(schema.tenantUsers).values({
          tenantId: world.tenantId,
          userId: user!.id,
          fullName: 'Cán bộ đích',
          email: 'dich@example.gov.vn',
          orgUnitId: place === 'ownSubtree' ? world.wardTeamId : world.departmentId,
        });
        return user!.id;
      }),
  };
}

const denied = (status: number) => status === 401 || status === 403;

describe('authorization matrix', () => {
  it('lists every route of the app', () => {
    const routes = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    const known = new Set([...Object.keys(MATRIX), ...PUBLIC_ROUTES, ...Object.keys(GLOBAL_ROUTES)]);
    const missing = [...routes].filter((r) => !known.has(r) && r !== 'GET /*' && !r.startsWith('GET /assets'));
    expect(missing).toEqual([]);
  });

  for (const [route, rule] of Object.entries(MATRIX)) {
    const method = route.split(' ')[0]!;
    it(route, async () => {
      const outcomes: string[] = [];
      for (const actor of ACTORS) {
        for (const [tenant, world] of [
          ['own', own],
          ['other', other],
        ] as const) {
          for (const place of ['ownSubtree', 'otherSubtree'] as const) {
            const ministry = actor === 'ministry_admin' || actor === 'ministry_oversight';
            const allowedHere = rule.allowed[place].includes(actor) && (tenant === 'own' || ministry);
            const { path, body } = await rule.request(probe(world, place));
            // Every write may overwrite: the matrix is about who, conditional-writes.test.ts about when.
            const response = await call(app, sessions.get(actor) ?? null, method, path, body, method === 'GET' ? undefined : ANY_REVISION);
            const ok = !denied(response.status) && response.status < 500;
            if (ok !== allowedHere)
              outcomes.push(
                `${actor} ${tenant} tenant ${place}: ${response.status} (expected ${allowedHere ? 'allow' : 'deny'}) ${ok ? '' : await response.text()}`,
              );
          }
        }
      }
      expect(outcomes).toEqual([]);
    });
  }

  for (const [route, rule] of Object.entries(GLOBAL_ROUTES)) {
    it(route, async () => {
      const outcomes: string[] = [];
      for (const actor of ACTORS) {
        const response = await call(app, sessions.get(actor) ?? null, 'POST', route.split(' ')[1]!, rule.body());
        const ok = !denied(response.status) && response.status < 500;
        if (ok !== rule.allowed.includes(actor)) outcomes.push(`${actor}: ${response.status}`);
      }
      expect(outcomes).toEqual([]);
    });
  }
});
