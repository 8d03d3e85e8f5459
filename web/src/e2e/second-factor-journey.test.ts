/// <reference types="node" />
// Xác thực hai lớp in real headless Chromium: an administrator enrols an authenticator app from
// the page (the code computed from the secret it shows, as the app would), keeps the recovery
// codes, and signs in later with a code and with a recovery code.
import { PASSWORD, totpCodeAt } from '@gov/api/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedVneidProvince } from './accounts.js';
import { expectFitsPhone, startJourney, type Journey } from './journey.js';

let journey: Journey;
let province: Awaited<ReturnType<typeof seedVneidProvince>>;

/** The authenticator app's time step (30 seconds, RFC 6238). */
const stepAt = (date: Date) => Math.floor(date.getTime() / 30_000);

beforeAll(async () => {
  [journey, province] = await Promise.all([
    startJourney({ name: 'second-factor', actionTimeoutMs: 15_000 }),
    seedVneidProvince(inject('adminDatabaseUrl'), `001${String(Date.now()).slice(-9)}`),
  ]);
  // Building the web app dominates; on a loaded 2-core machine it needs more than the default hook time.
}, 300_000);
afterAll(async () => {
  await journey?.stop();
});

/** The password step by hand (journey.signIn would pass the code step itself). */
const passwordStep = async (page: Page, login: string) => {
  await page.goto(`${journey.url}/login`);
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/account\/second-factor$/);
};

describe('Xác thực hai lớp', () => {
  it(
    'a province admin enrols an authenticator, keeps the recovery codes, then signs in with a code and with a recovery code',
    { timeout: 120_000 },
    async () => {
      const login = province.provinceAdmin;
      const page = await journey.newPage({ name: 'enrol', viewport: 'phone' });
      await passwordStep(page, login);
      await page.getByRole('heading', { name: 'Xác thực hai lớp', level: 1 }).waitFor();
      await page.getByRole('img', { name: 'Mã QR để thêm tài khoản vào ứng dụng xác thực' }).waitFor();
      const secret = (await page.getByTestId('second-factor-secret').textContent())!.trim();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await expectFitsPhone(page);
      await journey.shot(page, 'enrol');

      // Nothing else opens meanwhile: the console sends the admin back here.
      await page.goto(`${journey.url}/admin/officers`);
      await page.waitForURL(/\/account\/second-factor$/);
      // The same secret as before: what the app scanned stays valid until the first code confirms it.
      await page.getByTestId('second-factor-secret').getByText(secret).waitFor();

      const now = stepAt(new Date());
      const accepted = [now - 1, now, now + 1].map((s) => totpCodeAt(secret, s));
      await page.getByLabel('Mã xác thực').fill(['000000', '111111', '222222', '333333'].find((c) => !accepted.includes(c))!);
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await page.getByText('Mã xác thực không đúng.').waitFor();

      await page.getByLabel('Mã xác thực').fill(totpCodeAt(secret, now));
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      const codes = page.getByTestId('recovery-codes').getByRole('listitem');
      await codes.first().waitFor();
      const recoveryCodes = await codes.allTextContents();
      expect(recoveryCodes).toHaveLength(10);
      await expectFitsPhone(page);
      await journey.shot(page, 'recovery-codes');
      await page.getByRole('button', { name: 'Tôi đã lưu' }).click();
      await page.waitForURL(/\/admin\//);

      // The next sign-in asks for a code; the step after the one used at enrolment is accepted.
      const later = await journey.newPage({ name: 'code' });
      await passwordStep(later, login);
      await later.getByText('Nhập mã 6 chữ số đang hiển thị trong ứng dụng xác thực.', { exact: false }).waitFor();
      // The enrolment code again is refused: each code works once.
      await later.getByLabel('Mã xác thực').fill(totpCodeAt(secret, now));
      await later.getByRole('button', { name: 'Tiếp tục' }).click();
      await later.getByText('Mã này đã được dùng.', { exact: false }).waitFor();
      await later.getByLabel('Mã xác thực').fill(totpCodeAt(secret, Math.max(now + 1, stepAt(new Date()))));
      await later.getByRole('button', { name: 'Tiếp tục' }).click();
      await later.waitForURL(/\/admin\//);
      await journey.shot(later, 'signed-in');

      // Without the phone: a recovery code, once.
      const noPhone = await journey.newPage({ name: 'recovery' });
      await passwordStep(noPhone, login);
      await noPhone.getByLabel('Mã xác thực').fill(recoveryCodes[0]!);
      await noPhone.getByRole('button', { name: 'Tiếp tục' }).click();
      await noPhone.waitForURL(/\/admin\//);
    },
  );
});
