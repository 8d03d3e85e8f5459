/// <reference types="node" />
// "Đăng nhập bằng VNeID" in real headless Chromium: the built app served by the real API process,
// the VNeID stand-in (a real OpenID Connect provider, its own process and origin) with its own
// sign-in page, and every redirect between them done by the browser itself.
import { randomInt } from 'node:crypto';
import { spawnStandIns, VNEID_DEMO_PASSWORD, type SpawnedStandIns } from '@gov/stand-ins';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { seedVneidProvince } from './accounts.js';
import { freePort } from './harness.js';
import { startJourney, type Journey } from './journey.js';

let journey: Journey;
let standIns: SpawnedStandIns;

beforeAll(async () => {
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  standIns = await spawnStandIns({
    env: process.env,
    vneid: { port: 0, redirectUris: [`${apiUrl}/api/auth/vneid/callback`] },
  });
  journey = await startJourney({ name: 'vneid', actionTimeoutMs: 15_000, apiPort, apiEnv: { OIDC_ISSUER: standIns.vneidIssuer, PUBLIC_URL: apiUrl } });
  // Building the web app dominates; on a loaded 2-core machine it needs more than the default hook time.
}, 300_000);
afterAll(async () => {
  await journey?.stop();
  await standIns?.stop();
});

const newCitizenId = () => `001${String(randomInt(0, 1e9)).padStart(9, '0')}`;

describe('Đăng nhập bằng VNeID', () => {
  it('a citizen without an account signs in at VNeID, comes back with a new citizen account, and again later', { timeout: 120_000 }, async () => {
    const citizenId = newCitizenId();
    await standIns.addVneidIdentity({ citizenId, name: 'Đỗ Thị VNeID' });
    const page = await journey.newPage({ name: 'citizen', viewport: 'phone' });
    await page.goto(`${journey.url}/login`);
    await journey.shot(page, 'sign-in-page');
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID', exact: true }).click();

    // The provider's own page, on its own origin.
    await page.getByRole('heading', { name: /VNeID/ }).waitFor();
    if (!page.url().startsWith(standIns.vneidIssuer)) throw new Error(`expected the VNeID page, got ${page.url()}`);
    await journey.shot(page, 'provider');
    await page.getByLabel('Số định danh cá nhân').fill(citizenId);
    await page.getByLabel('Mật khẩu').fill(VNEID_DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByRole('heading', { name: 'Hồ sơ của tôi', level: 1 }).waitFor();
    await page.getByText('Đỗ Thị VNeID').first().waitFor();
    await journey.shot(page, 'signed-in');

    // Another device: the same person lands in the same account.
    const again = await journey.newPage({ name: 'again' });
    await again.goto(`${journey.url}/login`);
    await again.getByRole('link', { name: 'Đăng nhập bằng VNeID', exact: true }).click();
    await again.getByLabel('Số định danh cá nhân').fill(citizenId);
    await again.getByLabel('Mật khẩu').fill(VNEID_DEMO_PASSWORD);
    await again.getByRole('button', { name: 'Đăng nhập' }).click();
    await again.getByRole('heading', { name: 'Hồ sơ của tôi', level: 1 }).waitFor();
  });

  it('pressing "Từ chối" at VNeID comes back to a clear message, not signed in', { timeout: 60_000 }, async () => {
    const page = await journey.newPage({ name: 'denied' });
    await page.goto(`${journey.url}/login`);
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID', exact: true }).click();
    await page.getByRole('button', { name: 'Từ chối' }).click();
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'Không đăng nhập được bằng VNeID' }).waitFor();
    await alert.getByText('Bạn đã từ chối chia sẻ thông tin định danh trên VNeID.').waitFor();
    await page.getByLabel('Tên đăng nhập').waitFor();
    await journey.shot(page, 'denied');
    const me = await page.request.get(`${journey.url}/api/auth/me`);
    if (me.status() !== 401) throw new Error(`expected no session, /api/auth/me answered ${me.status()}`);
  });

  it('with VNeID down, the button comes back to a clear message instead of a browser error', { timeout: 60_000 }, async () => {
    await standIns.setMode('vneid', 'down');
    try {
      const page = await journey.newPage({ name: 'provider-down' });
      await page.goto(`${journey.url}/login`);
      await page.getByRole('link', { name: 'Đăng nhập bằng VNeID', exact: true }).click();
      await page.getByRole('alert').getByText('Hiện không kết nối được với VNeID.').waitFor();
      await journey.shot(page, 'provider-down');
    } finally {
      await standIns.setMode('vneid', 'ok');
    }
  });
});

describe('a province that requires VNeID for its officers', () => {
  it('its admin turns the rule on; the officer’s password is refused with a clear message and VNeID lets them in', { timeout: 120_000 }, async () => {
    const citizenId = newCitizenId();
    await standIns.addVneidIdentity({ citizenId, name: 'Cán bộ Tiếp Nhận' });
    const province = await seedVneidProvince(inject('adminDatabaseUrl'), citizenId);

    const admin = await journey.newPage({ name: 'policy-admin' });
    await journey.signIn(admin, province.provinceAdmin);
    await admin.waitForURL(/\/admin\//);
    await admin.goto(`${journey.url}/admin/officers`);
    const policy = admin.getByTestId('sign-in-policy');
    await policy.getByLabel('Cán bộ, công chức của tỉnh phải đăng nhập bằng VNeID').check();
    await policy.getByRole('button', { name: 'Lưu' }).click();
    await policy.getByText('Đã lưu cách đăng nhập của cán bộ.').waitFor();
    await journey.shot(admin, 'policy-on');

    const officer = await journey.newPage({ name: 'policy-officer' });
    await journey.signIn(officer, province.officer);
    await officer.getByRole('alert').getByText('Tỉnh, thành phố của bạn yêu cầu cán bộ đăng nhập bằng VNeID.', { exact: false }).waitFor();
    await journey.shot(officer, 'password-refused');
    await officer.getByRole('link', { name: 'Cán bộ, công chức: đăng nhập bằng VNeID' }).click();
    await officer.getByLabel('Số định danh cá nhân').fill(citizenId);
    await officer.getByLabel('Mật khẩu').fill(VNEID_DEMO_PASSWORD);
    await officer.getByRole('button', { name: 'Đăng nhập' }).click();
    await officer.waitForURL(/\/officer\/inbox/);
  });
});
