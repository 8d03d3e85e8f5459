/// <reference types="node" />
// Ministry oversight in real headless Chromium against the real API process, database and Temporal
// server: an overseer sees a province's numbers and drills down without being
// offered a single write; the ministry admin is offered (and uses) the appointment form and the
// catalog editor. Every step waits on what the user would see, never on time.
import { randomInt, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appointProvinceAdmin, seedMinistryAndProvince } from './accounts.js';
import { expectFitsPhone, startJourney, type Journey } from './journey.js';

let journey: Journey;
let world: Awaited<ReturnType<typeof seedMinistryAndProvince>> & { unitName: string };

/**
 * Four dossiers received just now (so inside the dashboard's default period, this month) at one
 * commune desk, written as the database superuser like the accounts: two in progress (one past
 * its date), one resolved early (its due date is tomorrow), one resolved late. Half came in
 * online. A fifth, received 40 days ago (always before this month's first day) and still open
 * past its date, is carried over into this month.
 */
async function seedDossiers(tenantId: string, suffix: string): Promise<string> {
  const sql = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
  try {
    const unitId = randomUUID();
    const unitName = `Bộ phận một cửa xã Giám Sát ${suffix}`;
    await sql`insert into org_units (tenant_id, id, path, code, name, kind) values (${tenantId}, ${unitId}, ${[unitId]}, ${`GS${suffix.toUpperCase()}`}, ${unitName}, 'commune_one_stop')`;
    const code = `2.6${String(randomInt(0, 100_000)).padStart(5, '0')}`;
    const [procedure] = await sql<{ id: string }[]>`
      insert into procedures (code, version, name, sector, level, channels, cases, processing_time, online_service_level)
      values (${code}, 1, ${`Thủ tục giám sát ${suffix}`}, 'Nội vụ', 'commune', ${['online', 'in_person']}, '[]'::jsonb, '[]'::jsonb, 'full') returning id`;
    const rows: [string, number, string, string, string | null, string | null][] = [
      ['online', 4, 'now()', "now() + interval '5 days'", null, null],
      ['in_person', 4, 'now()', "now() - interval '1 day'", null, null],
      ['online', 10, 'now()', "now() + interval '1 day'", 'now()', null],
      ['in_person', 10, 'now()', "now() - interval '1 hour'", 'now()', "now() - interval '1 hour'"],
      ['online', 4, "now() - interval '40 days'", "now() - interval '30 days'", null, "now() - interval '30 days'"],
    ];
    for (const [i, [channel, status, received, due, finished, overdue]] of rows.entries()) {
      await sql`
        insert into dossiers (tenant_id, code, procedure_id, channel, receiving_unit_id, current_unit_id, applicant_name, national_status, local_status, received_at, due_at, finished_at, closed_at, overdue_at)
        values (${tenantId}, ${`GS-${suffix}-${i}`}, ${procedure!.id}, ${channel}, ${unitId}, ${unitId}, 'Nguyễn Văn Giám Sát', ${status}, 'x', ${sql.unsafe(received)},
                ${sql.unsafe(due)}, ${finished ? sql.unsafe(finished) : null}, ${finished ? sql.unsafe(finished) : null}, ${overdue ? sql.unsafe(overdue) : null})`;
    }
    return unitName;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

beforeAll(async () => {
  journey = await startJourney({ name: 'ministry', actionTimeoutMs: 10_000 });
  const seeded = await seedMinistryAndProvince(inject('adminDatabaseUrl'));
  // Two of the three admin places taken, so the browser fills the last and then meets the cap.
  for (const tag of ['a', 'b'])
    await appointProvinceAdmin({ baseUrl: journey.url, ministryAdmin: seeded.ministryAdmin, tenantId: seeded.tenantId, suffix: `${seeded.suffix}${tag}` });
  world = { ...seeded, unitName: await seedDossiers(seeded.tenantId, seeded.suffix) };
});

afterAll(async () => {
  await journey?.stop();
});

/** The seeded province this month, in the report's columns (see seedDossiers). */
const WORLD_COUNTS = {
  toHandle: '5',
  carriedOver: '1',
  received: '4',
  resolved: '2',
  resolvedLate: '1',
  inProgressAtEnd: '3',
  inProgressOverdue: '2',
  endedWithoutResult: '0',
  onTimeRate: '50%',
  onlineShare: '50%',
};

/** The texts of WORLD_COUNTS' columns inside `scope`, each found by `selector` with the key for `%`. */
async function cohortCells(scope: Locator, selector: string) {
  const keys = Object.keys(WORLD_COUNTS);
  const texts = await Promise.all(keys.map((key) => scope.locator(selector.replace('%', key)).innerText()));
  return Object.fromEntries(keys.map((key, i) => [key, texts[i]]));
}

/** Controls that only read: filters, sorting, paging, language, sign-out. Anything else is a write. */
const READ_ONLY_BUTTONS = new Set([
  'Xem',
  'Tìm',
  'Đăng xuất',
  'English',
  'Trang trước',
  'Trang sau',
  'Thử lại',
  'Nhận giải quyết: Tổng số',
  'Đang giải quyết: Quá hạn',
  'Tỷ lệ đúng hạn',
  // The period presets: they only fill the period's dates.
  'Tháng này',
  'Tháng trước',
  'Quý này',
  'Quý trước',
  'Năm nay',
  'Năm trước',
]);

async function expectNoWriteAction(page: Page) {
  // A sort button's column group is in a visually hidden span, which innerText may set on a line of its own.
  const buttons = (await page.getByRole('button').allInnerTexts()).map((text) =>
    text
      .replace(/\s+/gu, ' ')
      .replace(/[▼\s]+$/u, '')
      .trim(),
  );
  expect(buttons.filter((text) => !READ_ONLY_BUTTONS.has(text))).toEqual([]);
  // No form but the period filter and searches; no password or file field anywhere.
  expect(await page.locator('form:not([aria-label="Kỳ báo cáo"]):not([role="search"])').count()).toBe(0);
  expect(await page.locator('input[type="password"], input[type="file"]').count()).toBe(0);
}

describe('ministry oversight in a real browser', () => {
  it('an overseer sees the province on the dashboard, drills down, and is offered no write action', { timeout: 60_000 }, async () => {
    const page = await journey.newPage({ name: 'oversight' });
    await journey.signIn(page, world.ministryOversight);
    // The dashboard is the overseer's landing page.
    await page.getByRole('heading', { name: 'Tổng quan giải quyết hồ sơ toàn quốc' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/ministry/dashboard');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    for (const name of ['Tổng quan', 'Tỉnh, thành phố', 'Danh mục thủ tục']) await nav.getByRole('link', { name, exact: true }).waitFor();
    const row = page.getByTestId(`province-row-${world.tenantId}`);
    await row.getByText(world.provinceName).waitFor();
    // The periodic report's columns: carried over + received = resolved + in progress + ended.
    expect(await cohortCells(row, '[data-col="%"]')).toEqual(WORLD_COUNTS);
    // Finished today, due tomorrow: early, not merely on time.
    expect([await row.locator('[data-col="resolvedEarly"]').innerText(), await row.locator('[data-col="resolvedOnTime"]').innerText()]).toEqual(['1', '0']);
    // Each chart's numbers are also in a table for screen readers.
    expect(await page.getByTestId('chart-to-handle').locator('table caption').innerText()).toContain('Số liệu của biểu đồ');
    await page.getByTestId('sort-overdue').click();
    expect(await page.getByRole('columnheader', { name: 'Đang giải quyết: Quá hạn' }).getAttribute('aria-sort')).toBe('descending');
    await expectNoWriteAction(page);
    await journey.shot(page, '01-dashboard', { fullPage: false });
    // Usable on a 360-px phone: nothing wider than the screen but the scrollable tables.
    await page.setViewportSize({ width: 360, height: 740 });
    await expectFitsPhone(page);
    await journey.shot(page, '01a-dashboard-360px');
    await page.setViewportSize({ width: 1280, height: 900 });
    // On a 1280-px screen the whole ranking shows: no column hidden behind a horizontal scroll.
    const ranking = page.getByTestId('ranked-table');
    expect(await ranking.evaluate((table) => table.scrollWidth <= (table.parentElement?.clientWidth ?? 0))).toBe(true);

    // A period without these dossiers shows the province with zeros; the API refuses a reversed one.
    await page.getByLabel('Từ ngày').fill('2025-01-01');
    await page.getByLabel('Đến ngày').fill('2025-01-31');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await page.getByTestId('period-shown').getByText('Kỳ báo cáo từ 01/01/2025 đến 31/01/2025').waitFor();
    expect(await row.locator('[data-col="toHandle"]').innerText()).toBe('0');
    await page.getByLabel('Từ ngày').fill('2025-02-01');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    // The report and the notification usage beside it (same period) both say so.
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Dữ liệu không hợp lệ' }).count()).toBe(2);
    await nav.getByRole('link', { name: 'Tổng quan' }).click();
    await row.locator('[data-col="received"]').getByText('4', { exact: true }).waitFor();

    // Drill down into the province.
    await row.getByRole('link', { name: `Xem chi tiết: ${world.provinceName}` }).click();
    await page.getByRole('heading', { name: world.provinceName, level: 1 }).waitFor();
    const kpis = page.getByTestId('province-kpis');
    await kpis.getByText('Đang giải quyết quá hạn').waitFor();
    expect(await cohortCells(kpis, '[data-kpi="%"] .kpi-value')).toEqual(WORLD_COUNTS);
    const unitRow = page.getByTestId('unit-report-table').getByRole('row').filter({ hasText: world.unitName });
    expect(await cohortCells(unitRow, '[data-col="%"]')).toEqual(WORLD_COUNTS);
    // The same figures by procedure (one procedure here), with its chart; no officer has a task.
    const procedureRow = page
      .getByTestId('procedure-report-table')
      .getByRole('row')
      .filter({ hasText: `Thủ tục giám sát ${world.suffix}` });
    expect(await cohortCells(procedureRow, '[data-col="%"]')).toEqual(WORLD_COUNTS);
    await page.getByTestId('chart-procedures').getByText(`Thủ tục giám sát ${world.suffix}`).first().waitFor();
    await page.getByTestId('officer-report').getByText('Không có cán bộ nào có việc trong kỳ này.').waitFor();
    expect(await page.getByTestId('export-procedures').getByRole('link', { name: 'Tải CSV' }).getAttribute('href')).toMatch(
      new RegExp(`^/api/reports/provinces/${world.tenantId}/procedures\\?`),
    );
    const dossiers = page.getByTestId('dossier-table');
    await dossiers.getByText(`GS-${world.suffix}-0`).waitFor();
    expect(await dossiers.getByRole('row').count()).toBe(6);
    // No applicant data in the ministry's list.
    expect(await dossiers.innerText()).not.toContain('Nguyễn Văn Giám Sát');
    await page.getByLabel('Trạng thái').selectOption('4');
    await dossiers.getByText(`GS-${world.suffix}-2`).waitFor({ state: 'detached' });
    expect(await dossiers.getByRole('row').count()).toBe(4);
    expect(await dossiers.getByText('Quá hạn').count()).toBe(2);
    // The same list as a file, with the status chosen: the browser saves it under the API's Vietnamese name.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-dossiers').getByRole('link', { name: 'Tải CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^Hồ sơ ${world.provinceName} \\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = await readFile(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Mã hồ sơ,Mã thủ tục,Tên thủ tục,Kênh tiếp nhận,/);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual([0, 1, 4].map((i) => `GS-${world.suffix}-${i}`));
    expect(csv.toString('utf8')).not.toContain('Nguyễn Văn Giám Sát');
    await page.getByTestId('org-unit-table').getByText(world.unitName).waitFor();
    await page.getByTestId('admin-cap').getByText('Tài khoản quản trị tỉnh đang hoạt động: 2/3').waitFor();
    await expectNoWriteAction(page);
    await journey.shot(page, '02-province');

    // The provinces list leads to the same drill-down; the overseer cannot add a province.
    await nav.getByRole('link', { name: 'Tỉnh, thành phố' }).click();
    await page.getByTestId('province-table').getByRole('link', { name: world.provinceName }).waitFor();
    await expectNoWriteAction(page);

    // The catalog, read only.
    await nav.getByRole('link', { name: 'Danh mục thủ tục' }).click();
    await page.getByTestId('catalog-read-only').waitFor();
    await page.getByTestId('catalog-table').getByRole('row').nth(1).getByRole('button').click();
    await page.getByTestId('procedure-detail').waitFor();
    await page.getByTestId('catalog-download').waitFor();
    for (const name of ['Thêm thủ tục mới', 'Sửa, ban hành phiên bản mới', 'Nhập tệp', 'Kiểm tra tệp'])
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    await journey.shot(page, '03-catalog-read-only');
    await page.context().close();
  });

  it("the overseer opens the province's audit log: its entries, an intact chain, and the ministry's own reads of it", { timeout: 30_000 }, async () => {
    const page = await journey.newPage({ name: 'oversight-audit' });
    await journey.signIn(page, world.ministryOversight);
    await page.getByRole('heading', { name: 'Tổng quan giải quyết hồ sơ toàn quốc' }).waitFor();
    await page.goto(`${journey.url}/ministry/provinces/${world.tenantId}`);
    await page.getByRole('link', { name: 'Xem nhật ký thao tác và lượt xem của Bộ' }).click();
    await page.getByRole('heading', { name: 'Nhật ký thao tác của tỉnh', level: 1 }).waitFor();
    await page.getByTestId('chain-status').getByText('Chuỗi băm toàn vẹn', { exact: false }).waitFor();
    // The two appointments made in beforeAll.
    await page.getByTestId('audit-table').getByText('province_admin.appointed').first().waitFor();
    expect(await page.getByTestId('audit-table').getByText('province_admin.appointed').count()).toBe(2);
    // Opening the province page was itself recorded, for the province to see.
    await page.getByTestId('ministry-reads-table').getByRole('row').filter({ hasText: '/api/reports/provinces/:tenantId/units' }).first().waitFor();
    await journey.shot(page, '02b-province-audit-log');
    await page.context().close();
  });

  it('the ministry admin appoints the last province admin, meets the cap, and edits the catalog', { timeout: 60_000 }, async () => {
    const page = await journey.newPage({ name: 'admin' });
    await journey.signIn(page, world.ministryAdmin);
    await page.getByRole('heading', { name: 'Tổng quan giải quyết hồ sơ toàn quốc' }).waitFor();
    await page.getByTestId(`province-row-${world.tenantId}`).getByRole('link').click();
    const cap = page.getByTestId('admin-cap');
    await cap.getByText('2/3', { exact: false }).waitFor();
    const form = page.getByTestId('appoint-form');
    const appoint = async (login: string) => {
      await form.getByLabel('Họ và tên').fill('Đỗ Thị Mai');
      await form.getByLabel('Tên đăng nhập').fill(login);
      await form.getByLabel('Số CCCD').fill('001085001234');
      await form.getByLabel('Chức vụ').fill('Chuyên viên Sở Nội vụ');
      await form.getByLabel('Điện thoại di động').fill('0912345678');
      await form.getByLabel('Email công vụ').fill(`${login}@example.gov.vn`);
      await form.getByLabel('Căn cứ bổ nhiệm (văn bản đăng ký)').fill('Văn bản đăng ký số 15/UBND');
      await form.getByRole('button', { name: 'Bổ nhiệm quản trị tỉnh' }).click();
    };
    await appoint(`qt.mai.${world.suffix}`);
    await form.getByRole('status').getByText('Đã bổ nhiệm quản trị tỉnh và gửi thư mời đặt mật khẩu (hiệu lực 72 giờ).').waitFor();
    await cap.getByText('Tài khoản quản trị tỉnh đang hoạt động: 3/3', { exact: false }).waitFor();
    await cap.getByText('Đã đủ 3 quản trị tỉnh', { exact: false }).waitFor();
    // A fourth: the database cap refuses, and the API's words are shown.
    await appoint(`qt.lan.${world.suffix}`);
    await form.getByRole('alert').getByText('Tỉnh đã có đủ 3 tài khoản quản trị tỉnh. Thu hồi một tài khoản trước khi bổ nhiệm thêm.').waitFor();
    await journey.shot(page, '04-appoint-cap');

    // The ministry revokes one: the seat is free at once, and the refused appointment now goes through.
    await page.getByTestId('admin-list').getByRole('button', { name: 'Thu hồi: Đỗ Thị Mai' }).click();
    const revoke = page.getByTestId('revoke-admin-form');
    await revoke.getByLabel('Căn cứ thu hồi (số văn bản)').fill('Quyết định thu hồi số 7/QĐ-BNV');
    await revoke.getByRole('button', { name: 'Thu hồi' }).click();
    await page.getByText('Đã thu hồi quản trị tỉnh.').waitFor();
    await cap.getByText('Tài khoản quản trị tỉnh đang hoạt động: 2/3', { exact: false }).waitFor();
    await form.getByRole('button', { name: 'Bổ nhiệm quản trị tỉnh' }).click();
    await form.getByRole('status').getByText('Đã bổ nhiệm quản trị tỉnh và gửi thư mời đặt mật khẩu (hiệu lực 72 giờ).').waitFor();
    await cap.getByText('Tài khoản quản trị tỉnh đang hoạt động: 3/3', { exact: false }).waitFor();
    await journey.shot(page, '04b-revoke-and-replace');

    // The catalog editor: a new procedure, then a new version of it.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Danh mục thủ tục' }).click();
    await page.getByRole('button', { name: 'Thêm thủ tục mới' }).click();
    const editor = page.getByTestId('procedure-editor');
    const code = `2.5${String(randomInt(0, 100_000)).padStart(5, '0')}`;
    await editor.locator('#pe-code').fill(code);
    await editor.getByLabel('Tên thủ tục').fill(`Thủ tục biên tập thử ${world.suffix}`);
    await editor.getByLabel('Lĩnh vực').fill('Nội vụ');
    await editor.getByLabel('Mã thành phần').fill('don');
    await editor.getByLabel('Tên thành phần').fill('Đơn đề nghị');
    await editor.getByRole('button', { name: 'Thêm khoản phí' }).click();
    await editor.getByLabel('Tên khoản thu').fill('Lệ phí cấp giấy');
    await editor.getByLabel('Số tiền (đồng)').fill('50000');
    await editor.getByRole('button', { name: 'Ban hành phiên bản' }).click();
    await page.getByTestId('catalog-notice').getByText('Đã ban hành phiên bản 1.').waitFor();
    const detail = page.getByTestId('procedure-detail');
    await detail.getByText(code).waitFor();
    await detail.getByText('Lệ phí – Lệ phí cấp giấy: 50.000 đ').waitFor();
    await page.getByRole('button', { name: 'Sửa, ban hành phiên bản mới' }).click();
    await editor.getByLabel('Bản sao').fill('2');
    await editor.getByRole('button', { name: 'Ban hành phiên bản' }).click();
    await page.getByTestId('catalog-notice').getByText('Đã ban hành phiên bản 2.').waitFor();
    await detail.getByText('Đơn đề nghị (bản chính: 1, bản sao: 2)').waitFor();
    // The upload is offered to the admin; a broken file comes back as the API's line-by-line report.
    await page
      .getByLabel('Tệp CSV để nhập')
      .setInputFiles({ name: 'danh-muc.csv', mimeType: 'text/csv', buffer: Buffer.from('code,name\n1.000001,Thủ tục thiếu cột\n') });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    const importError = page.getByTestId('import-error');
    await importError.getByText('chưa có dữ liệu nào được ghi', { exact: false }).waitFor();
    await importError.getByRole('row').filter({ hasText: 'thiếu cột sector' }).waitFor();
    await journey.shot(page, '05-catalog-editor');
    await page.context().close();
  });

  it('an overseer signed in on a phone and a desktop signs the phone out from the desktop', { timeout: 60_000 }, async () => {
    const phone = await journey.newPage({ name: 'sessions-phone', viewport: 'phone' });
    await journey.signIn(phone, world.ministryOversight);
    await phone.getByTestId('user-name').waitFor();
    const desk = await journey.newPage({ name: 'sessions-desk' });
    await journey.signIn(desk, world.ministryOversight);
    await desk.getByTestId('sessions-link').click();
    await desk.getByRole('heading', { name: 'Phiên đăng nhập' }).waitFor();
    // This device, the phone, and the session of the test before (never signed out): newest use first.
    const others = desk.locator('[data-testid="session-row"][data-current="false"]');
    await others.nth(1).waitFor();
    expect(await desk.locator('[data-testid="session-row"][data-current="true"]').innerText()).toContain('Thiết bị này');
    const before = await others.count();
    await journey.shot(desk, '06-sessions');
    await others.first().getByRole('button', { name: 'Đăng xuất thiết bị này' }).click();
    await others.nth(before - 1).waitFor({ state: 'detached' });
    // The phone's next request finds its session gone: it is offered the sign-in link again.
    await phone.reload();
    await phone.getByRole('link', { name: 'Đăng nhập', exact: true }).first().waitFor();
    expect(await phone.getByTestId('user-name').count()).toBe(0);
    await Promise.all([phone.context().close(), desk.context().close()]);
  });
});
