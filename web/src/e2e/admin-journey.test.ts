/// <reference types="node" />
// The province admin console in real headless Chromium against the real API process, database and
// Temporal (issue #7). Each step waits on what the user would see (Playwright's auto-waiting
// locators), never on time.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';
import { appointProvinceAdmin, PASSWORD, seedMinistryAndProvince } from './accounts.js';
import { buildWeb, launchChromium, SCREENSHOTS, startApi, type RunningApi } from './harness.js';

let api: RunningApi;
let browser: Browser;
let distDir: string;
let world: Awaited<ReturnType<typeof seedMinistryAndProvince>> & { provinceAdmin: string };
const officer = { login: '', fullName: 'Phạm Thị Lan' };

beforeAll(async () => {
  distDir = await buildWeb();
  api = await startApi({
    PATH: process.env.PATH ?? '',
    DATABASE_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_NAMESPACE: inject('temporalNamespace'),
    WEB_DIST_DIR: distDir,
  });
  const seeded = await seedMinistryAndProvince(inject('adminDatabaseUrl'));
  const provinceAdmin = await appointProvinceAdmin({ baseUrl: api.url, ministryAdmin: seeded.ministryAdmin, tenantId: seeded.tenantId, suffix: seeded.suffix });
  world = { ...seeded, provinceAdmin };
  officer.login = `cv.${seeded.suffix}`;
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  if (distDir) rmSync(distDir, { recursive: true, force: true });
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

async function signIn(page: Page, login: string, password = PASSWORD) {
  await page.goto(`${api.url}/login`);
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** A fresh browser profile (no shared cookies); a failing test leaves a screenshot of where it stood. */
async function newPage(name: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  // Below the test timeout, so a missing element fails with its locator rather than a bare timeout.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  onTestFailed(async () => {
    await shot(page, `failed-${name}`);
  });
  return page;
}

describe('province admin console in a real browser', () => {
  it('a province admin signs in, creates a unit, an officer in it, and grants the officer a role', { timeout: 90_000 }, async () => {
    const page = await newPage('province-admin');
    await page.goto(`${api.url}/login`);
    await page.getByRole('heading', { name: 'Đăng nhập hệ thống' }).waitFor();
    await shot(page, '01-login');

    // A wrong password shows the API's own message, verbatim.
    await signIn(page, world.provinceAdmin, 'sai-mat-khau-1');
    await page.getByRole('alert').getByText('Sai tên đăng nhập hoặc mật khẩu.').waitFor();

    await signIn(page, world.provinceAdmin);
    await page.getByRole('heading', { name: 'Cơ cấu tổ chức' }).waitFor();
    const tree = page.getByTestId('unit-tree');
    await tree.getByText(`Ủy ban nhân dân ${world.provinceName}`).waitFor();

    const unitName = `Phường Ba Đình ${world.suffix}`;
    const unitForm = page.getByTestId('unit-form');
    await unitForm.getByLabel('Mã đơn vị').fill(`PBD-${world.suffix}`);
    await unitForm.getByLabel('Tên đơn vị').fill(unitName);
    await unitForm.getByLabel('Loại đơn vị').selectOption('commune_one_stop');
    await unitForm.getByRole('button', { name: 'Thêm đơn vị con' }).click();
    await tree.getByText(unitName).waitFor();
    await page.getByRole('status').getByText('Đã thêm đơn vị.').waitFor();
    await shot(page, '02-org-units');

    await page.getByRole('navigation').getByRole('link', { name: 'Cán bộ' }).click();
    await page.getByRole('heading', { name: 'Cán bộ, công chức' }).waitFor();
    const form = page.getByTestId('officer-form');
    await form.getByLabel('Họ và tên').fill(officer.fullName);
    await form.getByLabel('Tên đăng nhập').fill(officer.login);
    await form.getByLabel('Số CCCD').fill('12345');
    await form.getByLabel('Điện thoại di động').fill('0912 345 678');
    await form.getByLabel('Email công vụ').fill(`lan.${world.suffix}@example.gov.vn`);
    await form.getByLabel('Chức vụ').fill('Chuyên viên');
    const unitValue = await form.locator('#o-unit option', { hasText: unitName }).getAttribute('value');
    await form.getByLabel('Đơn vị').selectOption(unitValue);
    await form.getByLabel('Mật khẩu ban đầu').fill(PASSWORD);
    await form.getByRole('button', { name: 'Thêm cán bộ' }).click();
    // The API's CCCD rule, shown beside the field it concerns.
    await form.getByText('Số CCCD gồm đúng 12 chữ số, bắt đầu bằng mã tỉnh (0xx)').waitFor();
    expect(await form.getByLabel('Số CCCD').getAttribute('aria-invalid')).toBe('true');
    await shot(page, '03a-officer-invalid');
    await form.getByLabel('Số CCCD').fill('001099012345');
    await form.getByRole('button', { name: 'Thêm cán bộ' }).click();
    const row = page.getByTestId('officer-table').getByRole('row').filter({ hasText: officer.fullName });
    await row.waitFor();
    // A province admin may edit the citizen ID, so the API returns it whole (masking is its call).
    expect(await row.innerText()).toContain('001099012345');
    await page.getByRole('searchbox', { name: 'Tìm theo họ tên' }).fill('Phạm');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByTestId('officer-table').getByText('Lê Văn Hùng').waitFor({ state: 'detached' });
    await row.waitFor();
    await page.getByRole('searchbox', { name: 'Tìm theo họ tên' }).fill('');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByTestId('officer-table').getByText('Lê Văn Hùng').waitFor();
    await shot(page, '03-officers');

    await page.getByRole('navigation').getByRole('link', { name: 'Phân quyền' }).click();
    await page.getByRole('heading', { name: 'Phân quyền', level: 1 }).waitFor();
    const grant = page.getByTestId('grant-form');
    const officerValue = await grant.locator('#g-officer option', { hasText: officer.login }).getAttribute('value');
    await grant.getByLabel('Cán bộ').selectOption(officerValue);
    // A province may not appoint province admins: the API's reason is shown as it gave it.
    await grant.getByLabel('Vai trò').selectOption({ label: 'Quản trị tỉnh' });
    await grant.getByLabel('Lý do, căn cứ').fill('Quyết định phân công số 5/QĐ');
    await grant.getByRole('button', { name: 'Cấp vai trò' }).click();
    await grant.getByRole('alert').getByText('Vai trò "Quản trị tỉnh" chỉ do Bộ bổ nhiệm, không thể cấp tại tỉnh.').waitFor();
    // The same refusal in English is the API's English text, not a translation made here.
    await page.getByRole('button', { name: 'English' }).click();
    await grant.getByRole('alert').getByText('The "Province administrator" role is appointed by the ministry only.').waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await grant.getByLabel('Vai trò').selectOption({ label: 'Chuyên viên xử lý' });
    const grantUnit = await grant.locator('#g-unit option', { hasText: unitName }).getAttribute('value');
    await grant.getByLabel('Đơn vị').selectOption(grantUnit);
    await grant.getByRole('button', { name: 'Cấp vai trò' }).click();
    const granted = page.getByTestId('role-table').getByRole('row').filter({ hasText: officer.fullName });
    await granted.getByText('Chuyên viên xử lý').waitFor();
    expect(await granted.innerText()).toContain(unitName);
    await shot(page, '04-roles');

    // The same console at 360 px, the narrowest phone the platform supports.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('navigation').getByRole('link', { name: 'Đơn vị' }).click();
    await page.getByTestId('unit-tree').getByText(unitName).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Rename and deactivate from the keyboard-sized screen; the tree shows what the API stored.
    const renamed = `Phường Ba Đình (mới) ${world.suffix}`;
    await page.getByRole('button', { name: `Đổi tên: ${unitName}` }).click();
    await page.getByLabel('Tên mới').fill(renamed);
    await page.getByLabel('Tên mới').press('Enter');
    await page.getByTestId('unit-tree').getByText(renamed).waitFor();
    await page.getByRole('button', { name: `Ngừng hoạt động: ${renamed}` }).click();
    await page.getByRole('button', { name: `Hoạt động lại: ${renamed}` }).waitFor();
    await shot(page, '05-org-units-360px');
    await page.context().close();
  });

  it('the officer signs in and is offered no admin console', { timeout: 30_000 }, async () => {
    const page = await newPage('officer');
    await signIn(page, officer.login);
    await page.getByTestId('user-name').getByText(officer.fullName).waitFor();
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Tỉnh, thành phố' }).waitFor();
    for (const name of ['Đơn vị', 'Cán bộ', 'Phân quyền']) expect(await nav.getByRole('link', { name }).count()).toBe(0);
    // Typing the address does not open it either.
    await page.goto(`${api.url}/admin/units`);
    await page.getByText('Tài khoản của bạn không có quyền xem trang này.').waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập hệ thống' }).waitFor();
    // The session is over at the API too, not just hidden in the page.
    expect(await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).toBe(401);
    await page.context().close();
  });

  it('ministry oversight sees the provinces, read-only, with no write action', { timeout: 30_000 }, async () => {
    const page = await newPage('ministry');
    await signIn(page, world.ministryOversight);
    await page.getByTestId('oversight-note').waitFor();
    await page.getByTestId('province-table').getByText(world.provinceName).waitFor();
    expect(await page.getByRole('button', { name: 'Thêm tỉnh, thành phố' }).count()).toBe(0);
    expect(await page.getByRole('navigation').getByRole('link').count()).toBe(1);
    // The viewport only: the test database holds every earlier run's provinces.
    await page.screenshot({ path: join(SCREENSHOTS, '06-ministry-oversight.png') });
    await page.context().close();

    // The ministry admin, who may create provinces, is offered the button: the check can fail.
    const admin = await newPage('ministry-admin');
    await signIn(admin, world.ministryAdmin);
    await admin.getByRole('button', { name: 'Thêm tỉnh, thành phố' }).waitFor();
    await admin.context().close();
  });
});
