import { randomUUID } from 'node:crypto';
import { VIETNAM_UTC_OFFSET } from '@gov/calendar';
import { schema, withTenant } from '@gov/db';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { ministryReader, seedReportProvince } from './report-fixtures.js';
import { reportProvinceFees } from './report-province-fees.js';

const { ctx, end } = ministryReader(inject('databaseUrl'));
afterAll(end);

const vn = (local: string) => `${local}${VIETNAM_UTC_OFFSET}`;

describe('fees paid, in the province reports', () => {
  it('counts each payment in the period it was made, with the amount asked at the counter or confirmed online', async () => {
    const [counter, online, april] = [randomUUID(), randomUUID(), randomUUID()];
    const dossier = (id: string) => ({ id, channel: 'online' as const, status: 4, receivedAt: vn('2026-03-02T09:00'), dueAt: vn('2099-01-01T17:00') });
    const province = await seedReportProvince({
      sql: ctx.sql,
      ownerUrl: inject('ownerDatabaseUrl'),
      name: `Tỉnh Phí ${randomUUID().slice(0, 6)}`,
      dossiers: [dossier(counter), dossier(online), dossier(april)],
    });
    const event = (dossierId: string, key: string, kind: string, at: string, content: Record<string, unknown>) => ({
      tenantId: province.tenantId,
      dossierId,
      eventKey: key,
      kind,
      content,
      occurredAt: new Date(vn(at)),
    });
    await withTenant(ctx.sql, province.tenantId, (tx) =>
      tx.insert(schema.dossierEvents).values([
        // Asked twice at the counter: the second amount is what was paid.
        event(counter, 'f1', 'fee_requested', '2026-03-03T09:00', { amountVnd: 20_000, description: 'Lệ phí' }),
        event(counter, 'f2', 'fee_requested', '2026-03-03T10:00', { amountVnd: 50_000, description: 'Lệ phí' }),
        event(counter, 'p1', 'fee_paid', '2026-03-04T09:00', { reference: 'BL-0001' }),
        event(online, 'f1', 'fee_requested', '2026-03-05T09:00', { amountVnd: 30_000, description: 'Phí' }),
        event(online, 'p1', 'fee_paid', '2026-03-05T09:30', { method: 'online', amountVnd: 30_000, reference: 'X' }),
        event(april, 'f1', 'fee_requested', '2026-03-30T09:00', { amountVnd: 10_000, description: 'Phí' }),
        event(april, 'p1', 'fee_paid', '2026-04-01T09:00', { reference: 'BL-0002' }),
      ]),
    );
    const march = await reportProvinceFees({ ctx, tenantId: province.tenantId, input: { from: '2026-03-01', to: '2026-03-31' } });
    expect(march.totals).toEqual({ paid: 2, paidOnline: 1, amountVnd: 80_000, amountOnlineVnd: 30_000 });
    expect(march.items).toHaveLength(1);
    const apr = await reportProvinceFees({ ctx, tenantId: province.tenantId, input: { from: '2026-04-01', to: '2026-04-30' } });
    expect(apr.totals).toEqual({ paid: 1, paidOnline: 0, amountVnd: 10_000, amountOnlineVnd: 0 });
  });
});
