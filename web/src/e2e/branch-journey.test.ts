/// <reference types="node" />
// Processes as agencies run them, in real headless Chromium against the real API process,
// database, Temporal worker and outbox relay: the province admin designs a branching process
// (a condition on the form's declared fields, the leader's named outcomes) and the routing rules
// of jurisdiction-free intake; a citizen online and a reception officer at the counter fill in the
// form's fields, and each dossier goes the way its data says; the leader picks an outcome and the
// dossier goes the chosen way. Every step waits on what the user would see.
import { addProvinceAdmin, type DossierWorld, type Officer } from '@gov/api/testing';
import { createDb, schema, withTenant } from '@gov/db';
import type { ProcessStep } from '@gov/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInApi } from './accounts.js';
import { pdfFile, startDossierJourney, type DossierJourney } from './journey.js';

let journey: DossierJourney;
let world: DossierWorld;
let database: ReturnType<typeof createDb>;
let adminLogin = '';

const AREA = 'Diện tích thửa đất (m²)';
const LAND = 'Loại đất';

/**
 * The catalog's next version of the procedure declares the form's fields (the ministry's part,
 * which its own journey covers), and the province's process starts as a straight line of the
 * steps the admin will branch in the designer.
 */
async function declareFieldsAndSteps() {
  const p = schema.procedures;
  const [current] = await database.db.select().from(p).where(eq(p.code, world.procedureCode)).orderBy(desc(p.version)).limit(1);
  const { id: _id, createdAt: _at, nameSearch: _search, ...rest } = current!;
  await database.db.insert(p).values({
    ...rest,
    version: current!.version + 1,
    forms: [
      {
        code: 'to-khai',
        name: 'Tờ khai đăng ký',
        fields: [
          { key: 'dien_tich', label: AREA, type: 'number', required: true },
          { key: 'loai_dat', label: LAND, type: 'choice', options: ['Đất ở', 'Đất nông nghiệp'] },
        ],
      },
    ],
  });
  const step = (key: string, kind: ProcessStep['kind'], role: ProcessStep['role'], name: string, nationalStatus = 4): ProcessStep => ({
    key,
    kind,
    name,
    role,
    orgUnitId: world.communeId,
    allottedWorkingHours: 6,
    nationalStatus,
    localStatus: key,
    allowReturnToPrevious: false,
  });
  const steps = [
    step('receive', 'receive', 'reception_officer', 'Tiếp nhận hồ sơ', 1),
    step('check', 'process', 'specialist', 'Kiểm tra thực địa'),
    step('process', 'process', 'specialist', 'Thẩm định'),
    step('decide', 'approve', 'leader', 'Lãnh đạo quyết định'),
    step('refusal', 'process', 'specialist', 'Soạn văn bản từ chối'),
    step('return', 'return_result', 'result_clerk', 'Trả kết quả', 9),
  ];
  const d = schema.processDefinitions;
  await withTenant(database.sql, world.tenantId, (tx) =>
    tx
      .update(d)
      .set({ steps })
      .where(and(eq(d.tenantId, world.tenantId), eq(d.procedureCode, world.procedureCode))),
  );
}

beforeAll(async () => {
  journey = await startDossierJourney({ name: 'branches', actionTimeoutMs: 15_000 });
  world = journey.world;
  database = createDb(inject('databaseUrl'), { max: 1 });
  await declareFieldsAndSteps();
  adminLogin = await addProvinceAdmin(database.sql, world);
});

afterAll(async () => {
  await database?.sql.end({ timeout: 1 });
  await journey?.stop();
});

/** The dossier's id by its code: where the officer's page for it is. */
async function dossierIdOf(code: string): Promise<string> {
  const x = schema.dossiers;
  const [row] = await withTenant(database.sql, world.tenantId, (tx) =>
    tx
      .select({ id: x.id })
      .from(x)
      .where(and(eq(x.tenantId, world.tenantId), eq(x.code, code))),
  );
  return row!.id;
}

/** A fresh browser profile per officer, signed in, on the dossier's page. */
async function officerOn(who: Officer, dossierId: string): Promise<Page> {
  const page = await journey.newPage({ name: who });
  await journey.signIn(page, world.logins[who]);
  await page.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor();
  await page.goto(`${journey.url}/officer/dossiers/${world.tenantId}/${dossierId}`);
  await page.getByTestId('dossier-code').waitFor();
  return page;
}

/**
 * The step the dossier is at, read after a reload: the workflow moves it after the page loaded
 * (an intake starts it; an action's answer may come before the page's next read).
 */
async function expectStep(page: Page, name: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.reload();
        return (await page.getByTestId('current-step').innerText()).trim();
      },
      { timeout: 20_000 },
    )
    .toBe(name);
}

describe('branching processes and jurisdiction-free routing in a real browser', () => {
  let admin: Page;

  it(
    'the province admin adds and removes outcomes and condition rules, sees the API name an unreachable step, and publishes',
    { timeout: 180_000 },
    async () => {
      admin = await journey.newPage({ name: 'admin' });
      await journey.signIn(admin, adminLogin);
      await admin.getByRole('navigation').getByRole('link', { name: 'Quy trình', exact: true }).click();
      await admin.locator('#process-procedure').selectOption(world.procedureCode);
      await admin.getByTestId('version-table').getByText('Đang áp dụng').waitFor();
      const step = (i: number) => admin.getByTestId(`step-${i}`);
      await step(0).locator('#step-0-key').waitFor();

      // Tiếp nhận: big plots go to the field check, the rest to the appraisal. The rule's field is
      // chosen among the form's declared fields; a second rule is added, then removed.
      await step(0).getByLabel('Hướng đi', { exact: true }).selectOption({ label: 'Theo điều kiện trên tờ khai' });
      const fields = await step(0).locator('#step-0-rule-0-field option').allInnerTexts();
      expect(fields).toEqual([`${AREA} (dien_tich)`, `${LAND} (loai_dat)`]);
      await step(0).locator('#step-0-rule-0-op').selectOption({ label: 'lớn hơn' });
      await step(0).locator('#step-0-rule-0-value').fill('500');
      await step(0).locator('#step-0-rule-0-to').selectOption('check');
      await step(0).getByRole('button', { name: 'Thêm điều kiện' }).click();
      await step(0).locator('#step-0-rule-1-field').selectOption('loai_dat');
      // A choice field's value is one of its options, and only equality is offered on it.
      expect(await step(0).locator('#step-0-rule-1-value option').allInnerTexts()).toEqual(['Đất ở', 'Đất nông nghiệp']);
      expect(await step(0).locator('#step-0-rule-1-op option').allInnerTexts()).toEqual(['bằng', 'khác']);
      await journey.shot(admin, '01-condition-rules');
      await step(0).getByRole('button', { name: 'Xóa điều kiện 2' }).click();
      expect(await step(0).locator('#step-0-rule-1-field').count()).toBe(0);
      // The first rule cannot be removed: a condition needs one.
      expect(await step(0).getByRole('button', { name: 'Xóa điều kiện 1' }).isDisabled()).toBe(true);
      await step(0).locator('#step-0-otherwise').selectOption('check');

      // Kiểm tra thực địa rejoins the main line at the leader's decision.
      await step(1).getByLabel('Hướng đi', { exact: true }).selectOption({ label: 'Luôn chuyển tới bước' });
      await step(1).locator('#step-1-next-to').selectOption('decide');

      // Lãnh đạo quyết định: agree → return, refuse → the refusal letter; a third outcome is added and removed.
      await step(3).getByLabel('Hướng đi', { exact: true }).selectOption({ label: 'Cán bộ chọn hướng xử lý' });
      await step(3).locator('#step-3-outcome-0-to').selectOption('return');
      await step(3).locator('#step-3-outcome-1-to').selectOption('refusal');
      await step(3).getByRole('button', { name: 'Thêm hướng xử lý' }).click();
      expect(await step(3).locator('#step-3-outcome-2-key').inputValue()).toBe('huong_3');
      await step(3).locator('#step-3-outcome-2-label').fill('Chuyển thẩm định lại');
      await step(3).getByRole('button', { name: 'Xóa hướng xử lý: Chuyển thẩm định lại' }).click();
      expect(await step(3).locator('#step-3-outcome-2-key').count()).toBe(0);
      // Two outcomes is the least a choice has.
      expect(await step(3).getByRole('button', { name: 'Xóa hướng xử lý: Đồng ý' }).isDisabled()).toBe(true);

      // Every dossier goes to the check, so no path reaches the appraisal: refused, naming the step.
      await admin.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await admin.getByTestId('step-2-problems').getByText('Bước "Thẩm định": không có đường nào dẫn tới bước này.').waitFor();
      await journey.shot(admin, '02-unreachable-step');
      await step(0).locator('#step-0-otherwise').selectOption('process');
      await admin.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await admin.getByRole('status').getByText('Đã lưu bản nháp.').waitFor();
      await admin.getByRole('button', { name: 'Ban hành' }).click();
      await admin.getByRole('status').getByText('Đã ban hành quy trình.').waitFor();
      // Shown again from what the API stored.
      expect(await step(0).locator('#step-0-rule-0-value').inputValue()).toBe('500');
      expect(await step(3).locator('#step-3-outcome-1-label').inputValue()).toBe('Từ chối');
      await journey.shot(admin, '03-published');
    },
  );

  it('the province admin lists, adds, changes and deletes routing rules, with the API’s refusals', { timeout: 120_000 }, async () => {
    await admin.getByRole('navigation').getByRole('link', { name: 'Quy tắc điều chuyển' }).click();
    await admin.getByRole('heading', { name: 'Quy tắc điều chuyển hồ sơ tiếp nhận không phụ thuộc địa giới hành chính', level: 1 }).waitFor();
    await admin.getByText('Chưa có quy tắc nào: hồ sơ được giải quyết tại đơn vị của quy trình.').waitFor();
    const form = admin.getByTestId('routing-form');
    await form.getByLabel('Thủ tục').selectOption(world.procedureCode);
    await form.getByLabel('Mã xã, phường của người nộp').fill('ab');
    await form.getByLabel('Đơn vị có thẩm quyền').selectOption({ label: 'Bộ phận một cửa xã An Bình' });
    await form.getByRole('button', { name: 'Thêm quy tắc' }).click();
    await form.getByText('Mã xã, phường gồm 3–6 chữ số').first().waitFor();
    await journey.shot(admin, '04-routing-refused');
    await form.getByLabel('Mã xã, phường của người nộp').fill('00091');
    await form.getByRole('button', { name: 'Thêm quy tắc' }).click();
    await admin.getByTestId('routing-notice').getByText('Đã thêm quy tắc.').waitFor();
    // The province's default: every other commune goes to the department.
    await form.getByLabel('Đơn vị có thẩm quyền').selectOption({ label: 'Sở Nội vụ' });
    await form.getByRole('button', { name: 'Thêm quy tắc' }).click();
    const table = admin.getByTestId('routing-table');
    await table.getByRole('row').filter({ hasText: 'Mặc định (mọi xã, phường)' }).getByText('Sở Nội vụ').waitFor();
    // A second default is refused with the API's reason.
    await form.getByLabel('Đơn vị có thẩm quyền').selectOption({ label: 'Bộ phận một cửa xã An Bình' });
    await form.getByRole('button', { name: 'Thêm quy tắc' }).click();
    await form.getByRole('alert').getByText('Đã có quy tắc cho thủ tục và xã, phường này; hãy xóa quy tắc cũ trước.').waitFor();

    // Change the ward's rule: another ward, the department.
    const ward = table.getByRole('row').filter({ hasText: '00091' });
    await ward.getByRole('button', { name: 'Sửa' }).click();
    const edit = admin.getByTestId('routing-form');
    await edit.getByRole('heading', { name: 'Sửa quy tắc' }).waitFor();
    expect(await edit.getByLabel('Mã xã, phường của người nộp').inputValue()).toBe('00091');
    expect(await edit.getByLabel('Thủ tục').inputValue()).toBe(world.procedureCode);
    await edit.getByLabel('Mã xã, phường của người nộp').fill('00092');
    await edit.getByLabel('Đơn vị có thẩm quyền').selectOption({ label: 'Sở Nội vụ' });
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await admin.getByTestId('routing-notice').getByText('Đã lưu quy tắc.').waitFor();
    const changed = table.getByRole('row').filter({ hasText: '00092' });
    await changed.getByText('Sở Nội vụ').waitFor();
    await expect.poll(() => table.getByRole('row').filter({ hasText: '00091' }).count()).toBe(0);
    await journey.shot(admin, '05-routing-rules');

    // Delete it, after the question.
    await changed.getByRole('button', { name: 'Xóa' }).click();
    await admin.getByTestId('routing-confirm').getByRole('button', { name: 'Xóa' }).click();
    await admin.getByTestId('routing-notice').getByText('Đã xóa quy tắc.').waitFor();
    await expect.poll(() => table.getByRole('row').filter({ hasText: '00092' }).count()).toBe(0);
    await admin.context().close();
  });

  it(
    'a citizen and a counter fill in the form’s fields, each dossier goes the way its data says, and the leader’s outcome is followed',
    { timeout: 240_000 },
    async () => {
      // Online: a big plot. The declared fields show with their labels; the area is required.
      const citizen = await journey.newPage({ name: 'citizen' });
      await journey.signIn(citizen, world.logins.citizen);
      await citizen.getByRole('heading', { name: 'Hồ sơ của tôi', level: 1 }).waitFor();
      await citizen.goto(`${journey.url}/portal/submit/${world.tenantId}/${world.procedureCode}`);
      const form = citizen.getByTestId('submit-form');
      await form.getByLabel('Họ và tên').fill('Lê Văn Đất');
      await form.getByLabel('Số định danh cá nhân (CCCD)').fill('001090004321');
      await form.getByLabel('Đơn đề nghị').setInputFiles(pdfFile('don-de-nghi.pdf'));
      const declared = form.getByTestId('declared-fields').first();
      await declared.getByText('Thông tin tờ khai').waitFor();
      const area = declared.getByLabel(AREA);
      expect(await area.getAttribute('type')).toBe('number');
      await form.getByRole('button', { name: 'Xem lại trước khi nộp' }).click();
      // The browser holds the form back until the required field is filled.
      expect(await area.evaluate((input) => (input as HTMLInputElement).validity.valueMissing)).toBe(true);
      await area.fill('800');
      await declared.getByLabel(LAND).selectOption('Đất ở');
      await journey.shot(citizen, '06-citizen-form-fields');
      await form.getByRole('button', { name: 'Xem lại trước khi nộp' }).click();
      const preview = citizen.getByTestId('submit-preview');
      await preview.getByText(AREA).waitFor();
      await preview.getByText('800', { exact: true }).waitFor();
      await preview.getByRole('button', { name: 'Nộp hồ sơ' }).click();
      const onlineCode = (await citizen.getByTestId('receipt').getByTestId('receipt-code').innerText()).trim();
      await citizen.context().close();
      const online = await dossierIdOf(onlineCode);

      // At the counter: a small plot.
      const reception = await journey.newPage({ name: 'reception' });
      await journey.signIn(reception, world.logins.reception);
      await reception.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor();
      await reception.getByRole('navigation').getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
      const intake = reception.getByTestId('intake-form');
      await intake.getByLabel('Thủ tục').selectOption(world.procedureCode);
      await intake.getByLabel('Họ và tên').fill('Phạm Thị Vườn');
      await intake.getByLabel('Số CCCD').fill('001190005678');
      await intake.getByLabel('Đơn đề nghị').setInputFiles(pdfFile('don-de-nghi.pdf'));
      await intake.getByTestId('declared-fields').getByLabel(AREA).fill('120.5');
      await intake.getByTestId('declared-fields').getByLabel(LAND).selectOption('Đất nông nghiệp');
      await journey.shot(reception, '07-counter-form-fields');
      await intake.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();
      const counterCode = (await reception.getByTestId('receipt').getByTestId('receipt-code').innerText()).trim();
      const counter = await dossierIdOf(counterCode);
      await reception.context().close();

      // The reception officer accepts the online dossier (the officer journey does this on screen).
      const { cookie, csrfToken } = await signInApi(journey.url, world.logins.reception);
      await expect
        .poll(
          async () =>
            (
              await fetch(`${journey.url}/api/tenants/${world.tenantId}/dossiers/${online}/actions/accept`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
                body: '{}',
              })
            ).status,
          { timeout: 20_000 },
        )
        .toBe(200);

      // Over 500 m²: the field check; 120.5 m²: the appraisal.
      const specialist = await officerOn('specialist', online);
      await expectStep(specialist, 'Kiểm tra thực địa');
      await specialist.getByTestId('actions').getByRole('button', { name: 'Chuyển bước tiếp theo', exact: true }).click();
      await specialist.getByTestId('actions').locator('form').getByRole('button', { name: 'Xác nhận' }).click();
      await specialist.getByRole('status').getByText('Đã thực hiện: Chuyển bước tiếp theo').waitFor();
      await expectStep(specialist, 'Lãnh đạo quyết định');
      await specialist.goto(`${journey.url}/officer/dossiers/${world.tenantId}/${counter}`);
      await expectStep(specialist, 'Thẩm định');
      await specialist.context().close();

      // The leader must choose an outcome, shown as radio buttons; "Từ chối" leads to the refusal letter.
      const leader = await officerOn('communeLeader', online);
      await leader.getByTestId('actions').getByRole('button', { name: 'Phê duyệt', exact: true }).click();
      const outcomes = leader.getByTestId('action-outcomes');
      await outcomes.getByRole('radio', { name: 'Đồng ý' }).waitFor();
      expect(await outcomes.getByRole('radio').count()).toBe(2);
      const approve = leader.getByTestId('action-form-approve');
      await approve.getByRole('button', { name: 'Xác nhận' }).click();
      // Without a choice the browser holds the form back.
      expect(await outcomes.getByRole('radio', { name: 'Từ chối' }).evaluate((input) => (input as HTMLInputElement).validity.valueMissing)).toBe(true);
      await outcomes.getByRole('radio', { name: 'Từ chối' }).check();
      await journey.shot(leader, '08-outcome-choice');
      await approve.getByRole('button', { name: 'Xác nhận' }).click();
      await leader.getByRole('status').getByText('Đã thực hiện: Phê duyệt').waitFor();
      await expectStep(leader, 'Soạn văn bản từ chối');
      await journey.shot(leader, '09-went-the-chosen-way');
      await leader.context().close();
    },
  );
});
