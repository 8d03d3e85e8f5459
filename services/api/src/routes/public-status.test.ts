import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { dossierClient, onlineBody } from '../testing/dossier-client.js';
import { buildDossierWorld, type DossierWorld } from '../testing/dossier-world.js';
import { signIn } from '../testing/world.js';
import { problemDetail } from '../testing/problem.js';

// No worker needed: the public view reads PostgreSQL only.
const { deps, close } = createTestDeps();
const app = createApp(deps);
const client = dossierClient(app);
let w: DossierWorld;
let dossier: { code: string; receipt: { statusLookup: { path: string; token: string } } };

beforeAll(async () => {
  w = await buildDossierWorld(deps, inject('ownerDatabaseUrl'), { requiredComponent: false });
  const response = await client.submit(await signIn(app, w.logins.citizen), w.tenantId, onlineBody(w));
  expect(response.status).toBe(201);
  dossier = await client.json(response);
});
afterAll(close);

const lookup = (code: string, suffix: string, ip = '198.51.100.40') =>
  client.get(null, `/api/public/dossier-status?tenantId=${w.tenantId}&code=${code}&idSuffix=${suffix}`, ip);
const message = problemDetail;

describe('public status lookup', () => {
  it('shows the steps by code and ID suffix, with no personal data', async () => {
    const response = await lookup(dossier.code, '6789');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { code: string; nationalStatus: number; statusText: { vi: string }; steps: { name: string; state: string }[] };
    expect(body).toMatchObject({ code: dossier.code, nationalStatus: 1, statusText: { vi: 'Mới đăng ký' } });
    expect(body.steps.map((s) => s.name)).toEqual([
      'Tiếp nhận hồ sơ',
      'Công chức xã thẩm định',
      'Chuyển Sở Nội vụ',
      'Lãnh đạo Sở phê duyệt',
      'Chuyển trả xã',
      'Trả kết quả',
    ]);
    expect(JSON.stringify(body)).not.toMatch(/Nguyễn Văn An|6789|0912345678|example\.vn/);
  });

  it('answers a wrong suffix exactly like an unknown code', async () => {
    const wrong = await lookup(dossier.code, '0000');
    const unknown = await lookup(`${w.communeCode}-991231-9999`, '6789');
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    const [a, b] = [await message(wrong), await message(unknown)];
    expect(a).toEqual(b);
    expect(a).toBe('Không tìm thấy hồ sơ với mã và số định danh đã nhập.');
    expect((await lookup('not a code', '12')).status).toBe(400);
  });

  it('opens the same view from the receipt QR token, and not from a tampered one', async () => {
    const response = await client.get(null, dossier.receipt.statusLookup.path, '198.51.100.41');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ code: dossier.code });
    const token = dossier.receipt.statusLookup.token;
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'AB' : 'AA'}`;
    const refused = await client.get(null, `/api/public/dossier-status/${tampered}`, '198.51.100.41');
    expect(refused.status).toBe(404);
    expect(await message(refused)).toBe('Không tìm thấy hồ sơ với mã và số định danh đã nhập.');
  });

  it('limits lookups per address so suffixes cannot be guessed', async () => {
    const statuses: number[] = [];
    // An address of its own per run: the count lives in PostgreSQL, shared by every API process.
    const ip = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 31; i += 1) statuses.push((await lookup(dossier.code, String(i).padStart(4, '0'), ip)).status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
