import { createDb, schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { ServiceContext } from '../context.js';
import { monitorContext, seedMonitoredDossiers, seedMonitoredProvince, type MonitoredProvince } from '../work-lists/work-list-fixtures.js';
import { listInbox, type ListInbox } from './list-inbox.js';

// The officer inbox: the open tasks of the roles an officer holds, in the units under them,
// soonest step deadline first (none last), counted whole, with or without a filter on the dossier.
const deps = createDb(inject('databaseUrl'), { max: 3 });
afterAll(() => deps.sql.end({ timeout: 1 }));

let province: MonitoredProvince;
let specialist: ServiceContext;
/** Dossier codes by name, and each one's step deadline. */
const code: Record<string, string> = {};

const day = (d: number) => new Date(Date.UTC(2026, 11, d, 3));

beforeAll(async () => {
  province = await seedMonitoredProvince(deps.sql, inject('ownerDatabaseUrl'));
  const { wardTeamId, departmentId } = province;
  const received = '2026-12-01T09:00:00+07:00';
  // name → [unit, step due (null: none), closed, procedure]
  const seeds: [string, string, Date | null, boolean, 0 | 1][] = [
    ['dueThird', wardTeamId, day(10), false, 0],
    ['dueFirst', wardTeamId, day(8), false, 1],
    ['noDeadline', wardTeamId, null, false, 0],
    ['dueSecond', wardTeamId, day(9), false, 0],
    ['done', wardTeamId, day(7), true, 0],
    ['otherUnit', departmentId, day(7), false, 0],
  ];
  const ids = await seedMonitoredDossiers(
    deps.sql,
    province,
    seeds.map(([, unitId, , closed, procedure]) => ({ unitId, status: 4, receivedAt: received, procedure, ...(closed ? { closedAt: received } : {}) })),
  );
  await withTenant(deps.sql, province.tenantId, async (tx) => {
    for (const [i, [name, , due]] of seeds.entries()) {
      const [row] = await tx
        .update(schema.tasks)
        .set({ dueAt: due })
        .where(and(eq(schema.tasks.tenantId, province.tenantId), eq(schema.tasks.dossierId, ids[i]!)))
        .returning({ dossierId: schema.tasks.dossierId });
      const [dossier] = await tx.select({ code: schema.dossiers.code }).from(schema.dossiers).where(eq(schema.dossiers.id, row!.dossierId));
      code[name] = dossier!.code;
    }
  });
  // A specialist of the ward: the ward team's tasks are under them, the department's are not.
  specialist = await monitorContext(deps, { role: 'specialist', tenantId: province.tenantId, orgUnitId: province.wardId, wholeTenant: false });
});

const page = async (input: ListInbox) => {
  const result = await listInbox({ ctx: specialist, tenantId: province.tenantId, input });
  return { codes: result.items.map((i) => i.code), total: result.total };
};

describe('the officer inbox', () => {
  it('lists the open tasks under the officer soonest due first, page by page, counted whole', async () => {
    const inOrder = [code.dueFirst, code.dueSecond, code.dueThird, code.noDeadline];
    expect(await page({ pageSize: 2 })).toEqual({ codes: inOrder.slice(0, 2), total: 4 });
    expect(await page({ pageSize: 2, page: 2 })).toEqual({ codes: inOrder.slice(2), total: 4 });
    expect(await page({ pageSize: 2, page: 3 })).toEqual({ codes: [], total: 4 });
  });

  it('keeps the same order and count under a filter on the dossier', async () => {
    const [first] = province.procedureCodes;
    expect(await page({ procedureCode: first, pageSize: 2 })).toEqual({ codes: [code.dueSecond, code.dueThird], total: 3 });
    expect(await page({ procedureCode: first, pageSize: 2, page: 2 })).toEqual({ codes: [code.noDeadline], total: 3 });
  });
});
