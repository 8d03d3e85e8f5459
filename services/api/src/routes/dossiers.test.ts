import { MS_PER_DAY } from '@gov/calendar';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, onlineBody } from '../testing/dossier-client.js';
import { PDF, type DossierWorld } from '../testing/dossier-world.js';
import { dossierSuite, type DossierSuite } from '../testing/dossier-suite.js';
import { TEST_PUBLIC_URL } from '../testing/stand-in-transports.js';

// Real PostgreSQL, the real Temporal dev server, a worker on this file's task queue, the outbox
// relay and a real local SMTP server and SMS sink.
const suite = dossierSuite('dossiers');
const { client, s } = suite;
let w: DossierWorld;
let runtime: DossierSuite['runtime'];

beforeAll(() => {
  ({ w, runtime } = suite);
});

interface Submitted {
  dossierId: string;
  code: string;
  nationalStatus: number;
  workflowStarted: boolean;
  receipt: { promisedReturnAt: string; receivedAt: string; statusLookup: { path: string } };
}
interface View {
  step: { key: string };
  nationalStatus: number;
  activeHandOverWorkflowId: string | null;
}
interface Status {
  nationalStatus: number;
  steps: { key: string; state: string }[];
}

const submitOnline = async (applicant: Record<string, string> = {}) => {
  const response = await client.submit(s.citizen, w.tenantId, onlineBody(w, applicant), { files: { don: { name: 'don-de-nghi.pdf', bytes: PDF } } });
  expect(response.status).toBe(201);
  return client.json<Submitted>(response);
};
const act = async (who: keyof typeof s, dossierId: string, action: string, body: Record<string, unknown> = {}, status = 200) => {
  const response = await client.act(s[who], w.tenantId, dossierId, action, body);
  const payload = (await response.json()) as View & { detail?: string };
  expect({ status: response.status, payload }).toMatchObject({ status });
  return payload;
};
const publicStatus = (code: string) => client.get(null, `/api/public/dossier-status?tenantId=${w.tenantId}&code=${code}&idSuffix=6789`);
const stateOf = (status: Status) => Object.fromEntries(status.steps.map((step) => [step.key, step.state]));
const inboxHas = (who: keyof typeof s, code: string) =>
  eventually(
    async () => client.json<{ items: { code: string }[] }>(await client.get(s[who], `/api/tenants/${w.tenantId}/inbox?search=${code}`)),
    (r) => r.items.some((i) => i.code === code),
  );

describe('a dossier from online submission to returned result', () => {
  it('runs citizen → reception → specialist → department (liên thông) → leader → clerk, visible by code at each step', async () => {
    const d = await submitOnline();
    expect(d.code).toMatch(new RegExp(`^${w.communeCode}-\\d{6}-\\d{4}$`));
    expect(d).toMatchObject({ nationalStatus: 1, workflowStarted: true });
    expect(Date.parse(d.receipt.promisedReturnAt)).toBeGreaterThan(Date.parse(d.receipt.receivedAt));
    const seen = async (ok: (steps: Record<string, string>, status: Status) => boolean) =>
      eventually(
        async () => client.json<Status>(await publicStatus(d.code)),
        (status) => ok(stateOf(status), status),
      );

    await seen((st) => st.receive === 'current');
    await inboxHas('reception', d.code);
    expect((await act('reception', d.dossierId, 'accept', { note: 'Hồ sơ đầy đủ' })).step.key).toBe('process');
    await seen((st) => st.receive === 'done' && st.process === 'current');
    expect((await act('specialist', d.dossierId, 'forward')).step.key).toBe('to-dept');
    const handed = await act('specialist', d.dossierId, 'handOver', { note: 'Chuyển Sở Nội vụ' });
    expect(handed.activeHandOverWorkflowId).not.toBeNull();
    await inboxHas('deptLeader', d.code);
    await seen((st) => st['dept-approve'] === 'current');
    await act('deptLeader', d.dossierId, 'approve', { signed: true });
    await act('deptSpecialist', d.dossierId, 'handOver', { note: 'Trả về xã' });
    await inboxHas('clerk', d.code);
    const returned = await act('clerk', d.dossierId, 'returnResult', { method: 'online' });
    expect(returned.nationalStatus).toBe(10);
    const last = await seen((st, status) => status.nationalStatus === 10 && Object.values(st).every((x) => x === 'done'));
    // The public answer carries no personal data.
    expect(JSON.stringify(last)).not.toMatch(/Nguyễn Văn An|001090006789|0912345678|an\.nguyen/);

    // The applicant reads their own dossier; another citizen may not.
    expect((await client.get(s.citizen, `/api/tenants/${w.tenantId}/dossiers/${d.dossierId}`)).status).toBe(200);
    const other = await client.get(s.otherCitizen, `/api/tenants/${w.tenantId}/dossiers/${d.dossierId}`);
    expect(other.status).toBe(403);

    // Vietnamese notifications reached the local SMTP server and the SMS sink.
    const mails = await eventually(
      () => Promise.resolve(runtime.mail.received.filter((m) => m.subject.includes(d.code))),
      (list) => list.length >= 3,
    );
    expect(mails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([`Đã nhận hồ sơ ${d.code}`, `Hồ sơ ${d.code} đã được tiếp nhận`, `Đã trả kết quả hồ sơ ${d.code}`]),
    );
    expect(mails.every((m) => m.to.includes('an.nguyen@example.vn'))).toBe(true);
    const resultMail = mails.find((m) => m.subject.startsWith('Đã trả'))!;
    expect(resultMail.text).toContain('đã có kết quả, trả trực tuyến');
    // The result mail links straight to this dossier's satisfaction survey.
    expect(resultMail.text).toContain(`${TEST_PUBLIC_URL}/portal/my-dossiers/${w.tenantId}/${d.dossierId}#survey`);
    const sms = await eventually(
      () => Promise.resolve(runtime.sms.received.filter((m) => m.text.includes(d.code))),
      (list) => list.length >= 3,
    );
    expect(sms[0]).toMatchObject({ to: '0912345678' });
  });

  it('lets only the holder of the step role in the step unit act, and says why', async () => {
    const d = await submitOnline();
    await inboxHas('reception', d.code);
    const wrongRole = await act('specialist', d.dossierId, 'accept', {}, 403);
    expect(wrongRole.detail).toContain('Cán bộ tiếp nhận');
    const wrongUnit = await act('deptSpecialist', d.dossierId, 'accept', {}, 403);
    expect(wrongUnit.detail).toContain('ngoài phạm vi');
    const citizen = await act('citizen', d.dossierId, 'accept', {}, 403);
    expect(citizen.detail).toContain('Công dân chỉ được');
    await act('reception', d.dossierId, 'accept');
    const again = await act('reception', d.dossierId, 'accept', {}, 409);
    expect(again.detail).toBeTruthy();
    const bad = await act('specialist', d.dossierId, 'returnToPrevious', {}, 400);
    expect(bad.detail).toContain('Dữ liệu không hợp lệ');
  });

  it('counts the whole inbox, not just the page', async () => {
    // A name no other dossier of this suite has, so the search holds exactly these two.
    const submitted = [await submitOnline({ fullName: 'Phạm Thị Phân Trang' }), await submitOnline({ fullName: 'Phạm Thị Phân Trang' })];
    for (const d of submitted) await inboxHas('reception', d.code);
    const page = async (n: number) =>
      client.json<{ items: { code: string }[]; total: number; page: number }>(
        await client.get(s.reception, `/api/tenants/${w.tenantId}/inbox?search=pham%20thi%20phan&pageSize=1&page=${n}`),
      );
    const [first, second, past] = [await page(1), await page(2), await page(3)];
    expect(first).toMatchObject({ total: 2, page: 1 });
    expect(second).toMatchObject({ total: 2, page: 2 });
    expect([...first.items, ...second.items].map((i) => i.code).sort()).toEqual(submitted.map((d) => d.code).sort());
    // Past the end there is no row to carry the count, and the total is still told.
    expect(past).toMatchObject({ items: [], total: 2 });
    const none = await client.json<{ items: unknown[]; total: number }>(
      await client.get(s.reception, `/api/tenants/${w.tenantId}/inbox?search=khong%20ai%20ten%20nay`),
    );
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it('notifies the applicant of a supplement request and of an apology with a new date', async () => {
    const d = await submitOnline({ email: 'binh.tran@example.vn', phone: '0987654321' });
    await inboxHas('reception', d.code);
    await act('reception', d.dossierId, 'requestSupplement', { reason: 'Thiếu bản sao căn cước', items: ['Bản sao căn cước công dân'] });
    await act('citizen', d.dossierId, 'submitSupplement', { note: 'Đã bổ sung' });
    await act('reception', d.dossierId, 'accept');
    const newDueAt = new Date(Date.now() + 60 * MS_PER_DAY).toISOString();
    await act('communeLeader', d.dossierId, 'recordApology', { reason: 'Cần xác minh thêm tại địa phương', newDueAt });
    const mails = await eventually(
      () => Promise.resolve(runtime.mail.received.filter((m) => m.to.includes('binh.tran@example.vn'))),
      (list) => list.some((m) => m.subject.startsWith('Thư xin lỗi')) && list.some((m) => m.subject.startsWith('Yêu cầu bổ sung')),
    );
    expect(mails.find((m) => m.subject.startsWith('Yêu cầu bổ sung'))!.text).toContain('cần bổ sung: Bản sao căn cước công dân');
    expect(mails.find((m) => m.subject.startsWith('Thư xin lỗi'))!.text).toContain('Ngày hẹn trả mới');
  });
});
