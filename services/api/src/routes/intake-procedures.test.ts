import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { dossierClient } from '../testing/dossier-client.js';
import { buildDossierWorld, type DossierWorld } from '../testing/dossier-world.js';
import { signIn } from '../testing/world.js';
import { problemDetail } from '../testing/problem.js';

// GET /api/tenants/:tenantId/intake-procedures: what the counter intake form offers.
const { deps, close } = createTestDeps();
const app = createApp(deps);
const client = dossierClient(app);
let w: DossierWorld;

beforeAll(async () => {
  w = await buildDossierWorld(deps, inject('ownerDatabaseUrl'), { requiredComponent: true });
});
afterAll(close);

interface Item {
  code: string;
  channels: string[];
  cases: { code: string; components: { code: string; required: boolean }[] }[];
  receivingUnits: { id: string; name: string }[];
}

describe('intake procedures', () => {
  it('lists the active procedure with the receiving unit in the officer’s scope and its components', async () => {
    const reception = await signIn(app, w.logins.reception);
    const response = await client.get(reception, `/api/tenants/${w.tenantId}/intake-procedures`);
    expect(response.status).toBe(200);
    const { items } = await client.json<{ items: Item[] }>(response);
    const mine = items.find((item) => item.code === w.procedureCode);
    expect(mine).toMatchObject({
      channels: ['online', 'in_person', 'postal'],
      formFields: [],
      receivingUnits: [{ id: w.communeId, name: 'Bộ phận một cửa xã An Bình' }],
    });
    expect(mine!.cases[0]!.components).toEqual([
      expect.objectContaining({ code: 'don', required: true }),
      expect.objectContaining({ code: 'cccd', required: false }),
    ]);
  });

  it('is refused to an officer who may not receive dossiers, with the reason', async () => {
    const specialist = await signIn(app, w.logins.specialist);
    const response = await client.get(specialist, `/api/tenants/${w.tenantId}/intake-procedures`);
    expect(response.status).toBe(403);
    // In words a person reads, not the permission's internal names.
    expect(await problemDetail(response)).toBe('Tài khoản của bạn không có quyền tạo hồ sơ tại phạm vi này.');
  });
});
