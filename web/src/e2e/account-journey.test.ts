/// <reference types="node" />
// Citizen sign-up and password reset in real headless Chromium against the real API process, with
// the codes delivered by the worker's outbox relay through the mail stand-in (its own process,
// real SMTP) and read back from the stand-in's control port, as a person would read their email.
import { randomInt, randomUUID } from 'node:crypto';
import { startAccountRuntime } from '@gov/api/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { codeIn, mailedText } from './accounts.js';
import { startJourney, type Journey } from './journey.js';

const CODE_SECRET = 'e2e-account-code-secret-0123456789';
let journey: Journey;
let runtime: Awaited<ReturnType<typeof startAccountRuntime>>;

beforeAll(async () => {
  runtime = await startAccountRuntime({
    databaseUrl: inject('databaseUrl'),
    temporalAddress: inject('temporalAddress'),
    namespace: inject('temporalNamespace'),
    codeSecret: CODE_SECRET,
    publicUrl: 'http://127.0.0.1',
    env: process.env,
  });
  journey = await startJourney({ name: 'account', actionTimeoutMs: 15_000, apiEnv: { ACCOUNT_CODE_SECRET: CODE_SECRET } });
  // Building the web app dominates; on a loaded 2-core machine it needs more than the default hook time.
}, 300_000);
afterAll(async () => {
  await journey?.stop();
  await runtime?.close();
});

/** The code in the `count`-th mail to `to`, once it has arrived (the stand-in keeps them all). */
const mailedCode = async (to: string, count: number) => codeIn(await mailedText(runtime.standIns, to, count));

describe('citizen account', () => {
  it('signs up, confirms the email with a resent code, signs in, resets a forgotten password, then picks Zalo for news', { timeout: 120_000 }, async () => {
    const email = `e2e.${randomUUID().slice(0, 8)}@example.vn`;
    const page = await journey.newPage({ name: 'sign-up', viewport: 'phone' });
    await page.goto(`${journey.url}/login`);
    await page.getByRole('link', { name: 'Đăng ký tài khoản công dân' }).click();
    await page.getByRole('heading', { name: 'Đăng ký tài khoản công dân', level: 1 }).waitFor();
    const form = page.getByTestId('sign-up-form');
    await form.getByLabel('Họ và tên').fill('Lê Thị Đăng Ký');
    await form.getByLabel('Số căn cước công dân (CCCD)').fill(`001${String(randomInt(0, 1e9)).padStart(9, '0')}`);
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Mật khẩu').fill('MatKhauCongDan2026');
    await form.getByRole('button', { name: 'Đăng ký' }).click();
    await page.getByTestId('code-sent').waitFor();
    await journey.shot(page, 'verify');

    const verify = page.getByTestId('verify-form');
    const first = await mailedCode(email, 1);
    // "Gửi lại mã": a second mail with a new code; the first one stops working.
    await verify.getByRole('button', { name: 'Gửi lại mã' }).click();
    const second = await mailedCode(email, 2);
    await journey.shot(page, 'verify-resent');
    await verify.getByLabel('Mã xác thực').fill(first === second ? (first === '000000' ? '111111' : '000000') : first);
    await verify.getByRole('button', { name: 'Xác thực' }).click();
    // The refusal is shown beside the code field, where the person looks.
    await verify.getByText('Mã xác thực không đúng.').waitFor();
    await verify.getByLabel('Mã xác thực').fill(second);
    await verify.getByRole('button', { name: 'Xác thực' }).click();
    await page.getByTestId('verified').waitFor();

    await journey.signIn(page, email, 'MatKhauCongDan2026');
    await page.getByRole('heading', { name: 'Hồ sơ của tôi', level: 1 }).waitFor();

    const other = await journey.newPage({ name: 'forgot', viewport: 'phone' });
    await other.goto(`${journey.url}/login`);
    await other.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await other.getByTestId('forgot-form').getByLabel('Tên đăng nhập, email hoặc số điện thoại').fill(email);
    await other.getByRole('button', { name: 'Gửi mã' }).click();
    await other.getByTestId('code-sent').waitFor();
    const reset = other.getByTestId('reset-form');
    await reset.getByLabel('Mã xác thực').fill(await mailedCode(email, 3));
    await reset.getByLabel('Mật khẩu mới').fill('MatKhauMoi2026x');
    await reset.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await other.getByTestId('password-reset').waitFor();
    await journey.shot(other, 'password-reset');
    await journey.signIn(other, email, 'MatKhauMoi2026x');
    await other.getByRole('heading', { name: 'Hồ sơ của tôi', level: 1 }).waitFor();

    // Nhận thông báo: news of their dossiers by Zalo rather than every contact; kept after a reload.
    await other.getByRole('navigation').getByRole('link', { name: 'Nhận thông báo' }).click();
    const preference = other.getByTestId('notification-preference');
    await preference.getByLabel('Mọi liên hệ đã khai trong hồ sơ (mặc định)').waitFor();
    expect(await preference.getByLabel('Mọi liên hệ đã khai trong hồ sơ (mặc định)').isChecked()).toBe(true);
    await preference.getByLabel('Zalo').check();
    await preference.getByRole('button', { name: 'Lưu', exact: true }).click();
    await preference.getByRole('status').getByText('Đã lưu kênh nhận thông báo.').waitFor();
    await other.reload();
    expect(await other.getByTestId('notification-preference').getByLabel('Zalo').isChecked()).toBe(true);
    await journey.shot(other, 'notification-preference');
  });
});
