/// <reference types="node" />
// The published Decision 766 index in real headless Chromium against the real API process: a
// visitor, not signed in, finds it in the portal's navigation and reads a closed quarter's ranking,
// with the criteria the platform has no data for shown as not measured.
import { randomInt, randomUUID } from 'node:crypto';
import { vietnamDate, vietnamInstant } from '@gov/calendar';
import { lastClosedQuarter, quarterDays } from '@gov/domain';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedMinistryAndProvince } from './accounts.js';
import { startJourney, type Journey } from './journey.js';

let journey: Journey;
let province: { tenantId: string; provinceName: string };
const quarter = lastClosedQuarter(vietnamDate(new Date()));

/**
 * One dossier of the last closed quarter, filed online under a full-online procedure and resolved
 * in 3 of its 10 days, with no file on record: timeliness 20 of 20, online service 16 of 16 (no
 * payment recorded), digitisation 0 of 22, publication 0 of 10 (nothing activated), satisfaction
 * not measured: 36 of 68, 52.94 out of 100.
 */
async function seedQuarter(tenantId: string) {
  const sql = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
  try {
    const unitId = randomUUID();
    await sql`insert into org_units (tenant_id, id, path, code, name, kind) values (${tenantId}, ${unitId}, ${[unitId]}, ${`CS${randomInt(0, 1e6)}`}, 'Bộ phận một cửa xã Chỉ Số', 'commune_one_stop')`;
    const [procedure] = await sql<{ id: string }[]>`
      insert into procedures (code, version, name, sector, level, channels, cases, processing_time, online_service_level)
      values (${`2.7${String(randomInt(0, 100_000)).padStart(5, '0')}`}, 1, 'Thủ tục chỉ số', 'Nội vụ', 'commune', ${['online', 'in_person']}, '[]'::jsonb, '[]'::jsonb, 'full') returning id`;
    const from = quarterDays(quarter).from;
    const at = vietnamInstant(`${from}T09:00`).toISOString();
    await sql`
      insert into dossiers (tenant_id, code, procedure_id, channel, receiving_unit_id, current_unit_id, applicant_name, national_status, local_status, received_at, due_at, finished_at, closed_at)
      values (${tenantId}, ${`CS-${randomInt(0, 1e6)}`}, ${procedure!.id}, 'online', ${unitId}, ${unitId}, 'Nguyễn Văn Chỉ Số', 10, 'x',
              ${at}::timestamptz, ${at}::timestamptz + interval '10 days',
              ${at}::timestamptz + interval '3 days', ${at}::timestamptz + interval '3 days')`;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

beforeAll(async () => {
  const [started, seeded] = await Promise.all([
    startJourney({ name: 'index766', actionTimeoutMs: 10_000 }),
    seedMinistryAndProvince(inject('adminDatabaseUrl')),
  ]);
  journey = started;
  province = seeded;
  await seedQuarter(seeded.tenantId);
  // Building the web app dominates; on a loaded 2-core machine it needs more than the default hook time.
}, 300_000);

afterAll(async () => {
  await journey?.stop();
});

describe('the published service index', () => {
  it('shows a visitor the last closed quarter from the portal’s navigation, not measured where there is no data', { timeout: 60_000 }, async () => {
    const page = await journey.newPage({ name: 'public-index' });
    await page.goto(`${journey.url}/`);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Chỉ số phục vụ' }).click();
    await page.getByRole('heading', { name: 'Công khai chỉ số phục vụ người dân, doanh nghiệp', level: 1 }).waitFor();
    const [year, n] = [quarter.slice(0, 4), quarter.slice(6)];
    await page
      .getByTestId('index766-quarter')
      .filter({ hasText: `Quý ${n}/${year}` })
      .waitFor();
    const line = page.getByTestId(`index-line-${province.tenantId}`);
    await line.getByRole('rowheader', { name: province.provinceName }).waitFor();
    expect(await line.getByTestId('normalised').textContent()).toBe('52,94');
    expect(await line.locator('[data-column="satisfaction"]').textContent()).toBe('chưa đo');
    expect(await line.locator('[data-column="timeliness"]').textContent()).toBe('20 / 20');
    await page.getByLabel('Xem từng tiêu chí').check();
    expect(await line.locator('[data-column="portalSync"]').textContent()).toBe('chưa đo');
    await journey.shot(page, 'public');
  });
});
