import { randomInt } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { buildDossierWorld, type DossierWorld } from '../testing/dossier-world.js';

const { deps, close } = createTestDeps();
const app = createApp(deps);
let w: DossierWorld;
const codes: Record<'birth' | 'birthAgain' | 'building' | 'land', string> = { birth: '', birthAgain: '', building: '', land: '' };

/** A catalog entry with a code no earlier run used (the test database persists). */
async function offer(name: string, sector: string, level: 'commune' | 'province'): Promise<string> {
  for (;;) {
    const code = `2.7${String(randomInt(0, 100_000)).padStart(5, '0')}`;
    const inserted = await deps.db
      .insert(schema.procedures)
      .values({
        code,
        version: 1,
        name,
        sector,
        level,
        channels: ['online', 'in_person'],
        onlineServiceLevel: 'full',
        cases: [{ code: 'default', name: 'Mặc định', components: [{ code: 'don', name: 'Tờ khai', originals: 1, copies: 0, required: true }] }],
        processingTime: [
          { channel: 'online', amount: 3, unit: 'working_days' },
          { channel: 'in_person', amount: 3, unit: 'working_days' },
        ],
      })
      .onConflictDoNothing()
      .returning({ code: schema.procedures.code });
    if (inserted.length === 0) continue;
    await withTenant(deps.sql, w.tenantId, (tx) =>
      tx
        .insert(schema.procedureSettings)
        .values({ tenantId: w.tenantId, procedureCode: code, receivingUnitIds: [w.communeId], handlingUnitIds: [w.communeId] }),
    );
    return code;
  }
}

beforeAll(async () => {
  w = await buildDossierWorld(deps, inject('ownerDatabaseUrl'), { requiredComponent: false });
  codes.birth = await offer('Đăng ký khai sinh', 'Hộ tịch', 'commune');
  codes.birthAgain = await offer('Đăng ký lại khai sinh có yếu tố nước ngoài', 'Hộ tịch', 'province');
  codes.building = await offer('Cấp giấy phép xây dựng nhà ở riêng lẻ', 'Xây dựng', 'province');
  codes.land = await offer('Đăng ký biến động đất đai', 'Đất đai', 'commune');
});
afterAll(close);

interface ProcedurePage {
  items: { code: string; name: string; sector: string; level: string }[];
  total: number;
}
const search = async (query: string) => {
  const response = await app.request(`/api/public/provinces/${w.tenantId}/procedures?${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as ProcedurePage).items.map((i) => i.code);
};

describe('public catalog search of a province', () => {
  it('ignores accents and word order, and needs every word in the name or the field', async () => {
    expect(await search(`search=${encodeURIComponent('ho tich khai sinh')}`)).toEqual([codes.birth, codes.birthAgain]);
    expect(await search(`search=${encodeURIComponent('KHAI SINH hộ tịch')}`)).toEqual([codes.birth, codes.birthAgain]);
    expect(await search(`search=${encodeURIComponent('sinh khai')}`)).toEqual([codes.birth, codes.birthAgain]);
    // One word that occurs nowhere rules a procedure out, even when the others match.
    expect(await search(`search=${encodeURIComponent('khai sinh dat dai')}`)).toEqual([]);
    expect(await search(`search=${encodeURIComponent('xay dung nha')}`)).toEqual([codes.building]);
  });

  it('ranks the closest name first', async () => {
    expect((await search(`search=${encodeURIComponent('dang ky lai khai sinh')}`))[0]).toBe(codes.birthAgain);
    expect((await search(`search=${encodeURIComponent('dang ky khai sinh')}`))[0]).toBe(codes.birth);
  });

  it('browses by field and by level, and lists the fields with their counts', async () => {
    expect(await search(`sector=${encodeURIComponent('Hộ tịch')}`)).toEqual([codes.birth, codes.birthAgain]);
    expect(await search(`level=province&sector=${encodeURIComponent('Hộ tịch')}`)).toEqual([codes.birthAgain]);
    const sectors = await app.request(`/api/public/provinces/${w.tenantId}/sectors`);
    expect(sectors.status).toBe(200);
    expect(await sectors.json()).toEqual([
      { sector: 'Đất đai', procedures: 1 },
      { sector: 'Hộ tịch', procedures: 2 },
      { sector: 'Nội vụ', procedures: 1 },
      { sector: 'Xây dựng', procedures: 1 },
    ]);
  });

  it('refuses a level it does not know', async () => {
    expect((await app.request(`/api/public/provinces/${w.tenantId}/procedures?level=village`)).status).toBe(400);
  });
});
