import { createDb, schema, withTenant } from '@gov/db';
import { DomainError } from '@gov/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { ServiceContext } from '../context.js';
import { contextFor, createProvince, provinceAdminRules, type ProvinceFixture } from '../testing/catalog-fixtures.js';
import { computeDueDate } from './compute-due-date.js';
import { getTenantCalendar } from './get-tenant-calendar.js';
import { updateTenantCalendar } from './update-tenant-calendar.js';

const deps = createDb(inject('databaseUrl'), { max: 2 });
afterAll(() => deps.sql.end({ timeout: 1 }));
let p: ProvinceFixture;
let admin: ServiceContext;

beforeAll(async () => {
  p = await createProvince(deps.sql, inject('ownerDatabaseUrl'));
  admin = await contextFor(deps, provinceAdminRules(p.tenantId));
});

const due = (receivedAt: string, amount: number, unit: 'working_days' | 'working_hours' | 'calendar_days' = 'working_days') =>
  computeDueDate({ ctx: admin, tenantId: p.tenantId, input: { receivedAt, amount, unit } }).then((r) => r.dueAtLocal);

describe('province working calendar', () => {
  it('uses the national defaults until the province saves its own', async () => {
    const calendar = await getTenantCalendar({ ctx: admin, tenantId: p.tenantId, input: { year: 2026 } });
    expect(calendar.overrides).toEqual([]);
    expect(calendar.specialDays.some((d) => d.date === '2026-02-17' && d.status === 'off')).toBe(true); // mùng 1 Tết
    expect(await due('2026-02-13T18:30:00+07:00', 8, 'working_hours')).toBe('2026-02-23T17:00:00+07:00');
  });

  it('stores working hours and local overrides, audits the change, and deadlines follow them', async () => {
    await updateTenantCalendar({
      ctx: admin,
      ifMatch: '*',
      tenantId: p.tenantId,
      input: {
        workingHours: {
          weekday: [
            { start: '07:00', end: '11:00' },
            { start: '13:30', end: '17:30' },
          ],
        },
        overrides: [{ date: '2026-02-23', status: 'off', name: 'Nghỉ theo quyết định của UBND tỉnh' }],
      },
    });
    expect(await due('2026-02-13T18:30:00+07:00', 1)).toBe('2026-02-24T17:30:00+07:00');
    const calendar = await getTenantCalendar({ ctx: admin, tenantId: p.tenantId, input: { year: 2026 } });
    expect(calendar.specialDays.find((d) => d.date === '2026-02-23')).toMatchObject({ status: 'off', kind: 'local' });
    const audit = await withTenant(deps.sql, p.tenantId, (tx) => tx.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'calendar.updated')));
    expect(audit).toHaveLength(1);
  });

  it('rejects malformed hours with a 400, not a 500', async () => {
    const error = await updateTenantCalendar({
      ctx: admin,
      ifMatch: '*',
      tenantId: p.tenantId,
      input: { workingHours: { weekday: [{ start: '17:00', end: '08:00' }] } },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid');
  });
});
