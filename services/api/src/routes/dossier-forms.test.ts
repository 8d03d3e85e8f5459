import { randomUUID } from 'node:crypto';
import { MS_PER_DAY, vietnamDate, vietnamLocalDateTime } from '@gov/calendar';
import { readBack, type ReadBack } from '@gov/documents/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PUBLIC_URL } from '../test-deps.js';
import { eventually, onlineBody } from '../testing/dossier-client.js';
import { PDF, type DossierWorld } from '../testing/dossier-world.js';
import { problemCode } from '../testing/problem.js';
import { dossierSuite } from '../testing/dossier-suite.js';

// The one-stop forms as a person gets them: real dossiers through the API and the worker, each
// PDF read back with poppler (pdftotext, pdftoppm) and the receipt's QR code with a QR reader.
const suite = dossierSuite('forms');
const { client, s } = suite;
let w: DossierWorld;

interface Submitted {
  dossierId: string;
  code: string;
  receipt: { receivedAt: string; statusLookup: { token: string } };
}
/** Three dossiers of one applicant: accepted then apologised for, sent back for supplements, refused. */
const d = {} as Record<'accepted' | 'supplement' | 'refused', Submitted>;
const newDueAt = new Date(Date.now() + 60 * MS_PER_DAY).toISOString();
const UNIT = 'Bộ phận một cửa xã An Bình';

const submit = async () => {
  const response = await client.submit(s.citizen, w.tenantId, onlineBody(w, { fullName: 'Nguyễn Thị Hương Giang' }), {
    files: { don: { name: 'đơn-đề-nghị.pdf', bytes: PDF } },
  });
  expect(response.status).toBe(201);
  return client.json<Submitted>(response);
};
const act = async (who: keyof typeof s, dossierId: string, action: string, body: Record<string, unknown> = {}) => {
  const response = await client.act(s[who], w.tenantId, dossierId, action, body);
  expect(response.status, await response.clone().text()).toBe(200);
};
const waitForIntakeTask = (code: string) =>
  eventually(
    async () => client.json<{ items: { code: string }[] }>(await client.get(s.reception, `/api/tenants/${w.tenantId}/inbox?search=${code}`)),
    (r) => r.items.some((i) => i.code === code),
  );
const formPath = (dossier: Submitted, form: string) => `/api/tenants/${w.tenantId}/dossiers/${dossier.dossierId}/forms/${form}`;

/** Fetches a PDF and reads it back; whitespace runs (layout columns, wrapped lines) become one space. */
async function pdfOf(who: keyof typeof s, path: string): Promise<ReadBack & { flat: string; disposition: string; bytes: Uint8Array }> {
  const response = await client.get(s[who], path);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('application/pdf');
  const bytes = new Uint8Array(await response.arrayBuffer());
  const read = await readBack(bytes);
  return { ...read, bytes, flat: read.text.replace(/\s+/g, ' '), disposition: response.headers.get('Content-Disposition') ?? '' };
}
/** POST /api/public/documents/verify, with no session: anyone holding a form may check it. */
const verify = (body: Uint8Array, type = 'application/pdf') =>
  suite.app.request('/api/public/documents/verify', { method: 'POST', headers: { 'Content-Type': type }, body: new Uint8Array(body) });
const dmy = (iso: string) => vietnamDate(new Date(iso)).split('-').reverse().join('/');
const hm = (iso: string) => vietnamLocalDateTime(new Date(iso)).slice(11, 16).replace(':', ' giờ ') + ' phút';

beforeAll(async () => {
  ({ w } = suite);
  [d.accepted, d.supplement, d.refused] = [await submit(), await submit(), await submit()];
  for (const one of Object.values(d)) await waitForIntakeTask(one.code);
  await act('reception', d.accepted.dossierId, 'accept', { note: 'Hồ sơ đầy đủ' });
  await act('communeLeader', d.accepted.dossierId, 'recordApology', { reason: 'Cần xác minh thêm với Công an xã', newDueAt });
  await act('reception', d.supplement.dossierId, 'requestSupplement', {
    reason: 'Thiếu giấy tờ chứng minh nơi cư trú',
    items: ['Bản sao sổ hộ khẩu', 'Giấy xác nhận cư trú'],
  });
  await act('reception', d.refused.dossierId, 'refuse', { reason: 'Thủ tục không thuộc thẩm quyền của xã' });
}, 120_000);

describe('Form 01: receipt and appointment', () => {
  it('prints the applicant, code, unit, times in Vietnam time and a QR code that opens the status page', async () => {
    const pdf = await pdfOf('citizen', formPath(d.accepted, '01'));
    const { receivedAt } = d.accepted.receipt;
    expect(pdf.flat).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(pdf.flat).toContain(`Mã hồ sơ: ${d.accepted.code}`);
    expect(pdf.flat).toContain('Tiếp nhận hồ sơ của: Nguyễn Thị Hương Giang');
    expect(pdf.flat).toContain(UNIT.toUpperCase());
    expect(pdf.flat).toContain(`Thời gian nhận hồ sơ: ${hm(receivedAt)}, ngày ${dmy(receivedAt)}`);
    expect(pdf.flat).toContain('Cán bộ reception');
    expect(pdf.flat).toContain('đơn-đề-nghị.pdf');
    expect(pdf.qr).toBe(`${TEST_PUBLIC_URL}/status/${d.accepted.receipt.statusLookup.token}`);
    expect(pdf.png.length).toBeGreaterThan(1000);
    expect(pdf.disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`Mẫu 01 - Giấy tiếp nhận hồ sơ và hẹn trả kết quả - ${d.accepted.code}.pdf`)}`);
    // The promised date printed is the one the dossier has after its apology.
    const promised = await pdfOf('reception', formPath(d.accepted, '01'));
    expect(promised.flat).toContain(`Thời gian trả kết quả giải quyết hồ sơ: ${hm(newDueAt)}, ngày ${dmy(newDueAt)}`);
  });
});

describe('Forms 02–04', () => {
  it('02 lists what the officer asked for and why', async () => {
    const pdf = await pdfOf('citizen', formPath(d.supplement, '02'));
    expect(pdf.flat).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(pdf.flat).toContain(d.supplement.code);
    expect(pdf.flat).toContain('1. Bản sao sổ hộ khẩu');
    expect(pdf.flat).toContain('2. Giấy xác nhận cư trú');
    expect(pdf.flat).toContain('Lý do: Thiếu giấy tờ chứng minh nơi cư trú');
    expect(pdf.flat).toContain('Hồ sơ của: Nguyễn Thị Hương Giang');
    expect(pdf.flat).toContain(`ngày ${dmy(d.supplement.receipt.receivedAt)}`);
  });

  it('03 gives the reason for the refusal', async () => {
    const pdf = await pdfOf('reception', formPath(d.refused, '03'));
    expect(pdf.flat).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(pdf.flat).toContain('Thủ tục không thuộc thẩm quyền của xã');
    expect(pdf.flat).toContain(`${UNIT} tiếp nhận hồ sơ của: Nguyễn Thị Hương Giang`);
  });

  it('04 apologises and gives the new date, in Vietnam time', async () => {
    const pdf = await pdfOf('citizen', formPath(d.accepted, '04'));
    expect(pdf.flat).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(pdf.flat).toContain('Kính gửi: Nguyễn Thị Hương Giang');
    expect(pdf.flat).toContain('Cần xác minh thêm với Công an xã');
    expect(pdf.flat).toContain(`${hm(newDueAt)}, ngày ${dmy(newDueAt)}`);
    expect(pdf.flat).toContain('Cán bộ communeLeader');
  });

  it('a form the dossier has no occasion for is a 404 naming it', async () => {
    const response = await client.get(s.citizen, formPath(d.accepted, '03'));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Phiếu từ chối tiếp nhận giải quyết hồ sơ');
  });
});

describe('Form 05: control sheet', () => {
  it('lists each action with its step, unit, officer and whether the deadline was met', async () => {
    const pdf = await pdfOf('specialist', formPath(d.accepted, '05'));
    expect(pdf.flat).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(pdf.flat).toContain('Đăng ký hồ sơ');
    expect(pdf.flat).toContain('Tiếp nhận hồ sơ');
    expect(pdf.flat).toContain('Cán bộ reception');
    expect(pdf.flat).toMatch(/Đúng hạn|Trước hạn/);
    expect(pdf.flat).toContain('Sở Nội vụ');
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
  });
});

describe('Form 06: dossier register', () => {
  it("lists the unit's dossiers of the period, refusals noted", async () => {
    const today = vietnamDate(new Date());
    const pdf = await pdfOf('reception', `/api/tenants/${w.tenantId}/org-units/${w.communeId}/dossier-register?from=${today}&to=${today}`);
    expect(pdf.flat).toContain('SỔ THEO DÕI HỒ SƠ');
    for (const one of Object.values(d)) expect(pdf.flat).toContain(one.code);
    expect(pdf.flat).toContain('Nguyễn Thị');
    expect(pdf.flat).toContain(`${dmy(d.refused.receipt.receivedAt)}`);
    expect(pdf.flat).toContain('Từ chối');
    expect(pdf.disposition).toContain("filename*=UTF-8''M%E1%BA%ABu%2006");
  });

  it('offers each officer the units whose register they may print', async () => {
    const units = async (who: keyof typeof s) =>
      client.json<{ items: { id: string; name: string }[] }>(await client.get(s[who], `/api/tenants/${w.tenantId}/dossier-register-units`));
    expect((await units('reception')).items).toEqual([expect.objectContaining({ id: w.communeId, name: UNIT })]);
    expect((await units('deptSpecialist')).items.map((u) => u.id)).toEqual([w.departmentId]);
    expect((await client.get(s.citizen, `/api/tenants/${w.tenantId}/dossier-register-units`)).status).toBe(403);
  });

  it('is refused to citizens and to officers of other units; a reversed period is a 400', async () => {
    const path = `/api/tenants/${w.tenantId}/org-units/${w.communeId}/dossier-register`;
    expect((await client.get(s.citizen, `${path}?from=2026-01-01&to=2026-01-31`)).status).toBe(403);
    expect((await client.get(s.deptSpecialist, `${path}?from=2026-01-01&to=2026-01-31`)).status).toBe(403);
    const reversed = await client.get(s.reception, `${path}?from=2026-02-01&to=2026-01-01`);
    expect(reversed.status).toBe(400);
    expect((await client.get(s.reception, `${path}?from=2026-01-01&to=2027-06-01`)).status).toBe(400);
  });
});

describe('who may have a form', () => {
  it('only whoever may read the dossier: another citizen, another unit and strangers are refused', async () => {
    expect((await client.get(s.otherCitizen, formPath(d.accepted, '01'))).status).toBe(403);
    expect((await client.get(s.deptSpecialist, formPath(d.refused, '03'))).status).toBe(403);
    expect((await client.get(null, formPath(d.accepted, '01'))).status).toBe(401);
    const elsewhere = await client.get(s.citizen, `/api/tenants/${w.tenantId}/dossiers/${randomUUID()}/forms/01`);
    expect(elsewhere.status).toBe(404);
  });

  it('an unknown form number is a 400 with a Vietnamese message', async () => {
    const response = await client.get(s.citizen, formPath(d.accepted, '07'));
    expect(response.status).toBe(400);
    expect(await problemCode(response.clone())).toBe('invalid');
    expect(await response.text()).toContain('Mẫu phải là');
  });
});

describe('the digital signature', () => {
  it('signs every form with the province certificate; the verify endpoint names the signer and time, and a changed byte fails', async () => {
    const before = Date.now() - 1000;
    const receipt = await pdfOf('citizen', formPath(d.accepted, '01'));
    // Signing keeps the form readable: the Vietnamese text is still there.
    expect(receipt.flat).toContain('Nguyễn Thị Hương Giang');
    const response = await verify(receipt.bytes);
    expect(response.status).toBe(200);
    const report = await client.json<{
      valid: boolean;
      trusted: boolean;
      intact: boolean;
      subFilter: string;
      signedAt: string;
      signer: { organization: string };
      reason: string;
      location: string;
    }>(response);
    expect(report).toMatchObject({ valid: true, trusted: true, intact: true, subFilter: 'ETSI.CAdES.detached' });
    expect(report.signer.organization).toMatch(/^Ủy ban nhân dân .*Thử nghiệm Hồ sơ/);
    expect(report.reason).toContain('Mẫu 01 - Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    expect(new Date(report.signedAt).getTime()).toBeGreaterThanOrEqual(before - (before % 1000));

    const register = await pdfOf('reception', `/api/tenants/${w.tenantId}/org-units/${w.communeId}/dossier-register?from=2026-01-01&to=2026-01-31`);
    expect(await client.json(await verify(register.bytes))).toMatchObject({ valid: true, signer: { organization: report.signer.organization } });

    const changed = new Uint8Array(receipt.bytes);
    const at = Math.floor(changed.length / 3);
    changed[at] = changed[at]! ^ 0x20;
    expect(await client.json(await verify(changed))).toMatchObject({ valid: false, intact: false });
  });

  it('answers junk with a 400 problem, and a wrong content type with a 415', async () => {
    const junk = await verify(new TextEncoder().encode('đây không phải PDF'));
    expect(junk.status).toBe(400);
    expect(junk.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await problemCode(junk)).toBe('invalid');
    expect((await verify(new Uint8Array([1, 2, 3]), 'text/plain')).status).toBe(415);
  });
});
