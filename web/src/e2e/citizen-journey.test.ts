/// <reference types="node" />
// The citizen portal in real headless Chromium on a 360-px phone, against the real API process,
// database, Temporal worker and outbox relay: find a procedure, file
// online with a PDF, see it in "my dossiers", answer the officer's supplement request, and look
// the dossier up anonymously by code. Every step waits on what the user would see.
import { randomUUID } from 'node:crypto';
import { userIdOf, type DossierWorld } from '@gov/api/testing';
import { createDb, schema, withTenant } from '@gov/db';
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './accessibility.js';
import { signInApi } from './accounts.js';
import { expectFitsPhone, pdfFile, startDossierJourney, type DossierJourney } from './journey.js';

let journey: DossierJourney;
let world: DossierWorld;
/** The online submission form of the journey's procedure, as the citizen reached it from the catalog. */
let submitUrl = '';

beforeAll(async () => {
  journey = await startDossierJourney({ name: 'citizen', actionTimeoutMs: 15_000 });
  world = journey.world;
});

afterAll(async () => {
  await journey?.stop();
});

/** The reception officer, through the API (the officer workspace has its own journey). */
async function officerAct(dossierId: string, action: string, body: Record<string, unknown>) {
  const { cookie, csrfToken } = await signInApi(journey.url, world.logins.reception);
  const response = await fetch(`${journey.url}/api/tenants/${world.tenantId}/dossiers/${dossierId}/actions/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** Signs the world's citizen in; a citizen lands on "my dossiers". */
async function signInCitizen(page: Page) {
  await journey.signIn(page, world.logins.citizen);
  await page.getByRole('heading', { name: 'Hồ sơ của tôi', level: 1 }).waitFor();
}

/** The province's full name, as the public province list gives it. */
async function provinceName(tenantId: string) {
  const { items } = (await (await fetch(`${journey.url}/api/provinces`)).json()) as { items: { id: string; fullName: string }[] };
  return items.find((p) => p.id === tenantId)!.fullName;
}

describe('citizen portal on a phone', () => {
  let code = '';
  /** The URL the receipt's QR code encodes. */
  let statusLink = '';

  it('a citizen finds the procedure, files online with a PDF, answers a supplement request and sees it in "my dossiers"', { timeout: 120_000 }, async () => {
    const page = await journey.newPage({ name: 'filing', viewport: 'phone' });
    // A citizen lands on their own dossiers: none yet, and no province to choose first.
    await signInCitizen(page);
    await page.getByText('Bạn chưa nộp hồ sơ nào.').waitFor();
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    for (const name of ['Thủ tục', 'Hồ sơ của tôi', 'Tra cứu hồ sơ']) await nav.getByRole('link', { name, exact: true }).waitFor();

    await nav.getByRole('link', { name: 'Thủ tục', exact: true }).click();
    await page.getByLabel('Tỉnh, thành phố').selectOption(world.tenantId);
    // Browsing by field, then words typed without accents and in another order than the name's.
    await page.getByLabel('Lĩnh vực', { exact: true }).selectOption('Nội vụ');
    await page.getByRole('searchbox', { name: 'Tên, lĩnh vực hoặc mã thủ tục' }).fill('ho so thu nghiem');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const procedure = page.getByTestId('procedure-table').getByRole('link', { name: 'Đăng ký thử nghiệm hồ sơ một cửa' });
    await procedure.waitFor();
    await expectFitsPhone(page);
    await expectAccessible(page, 'the procedure list');
    await journey.shot(page, '01-procedures');

    await procedure.click();
    await page.getByRole('heading', { name: 'Đăng ký thử nghiệm hồ sơ một cửa', level: 1 }).waitFor();
    await page.getByTestId('component-table').getByText('Đơn đề nghị').waitFor();
    await page.getByText('Trực tuyến: 5 ngày làm việc').waitFor();
    await expectFitsPhone(page);
    await expectAccessible(page, "a procedure's page");
    await journey.shot(page, '02-procedure-detail');

    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    const form = page.getByTestId('submit-form');
    await form.waitFor();
    submitUrl = page.url();
    await form.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await form.getByLabel('Số định danh cá nhân (CCCD)').fill('001090006789');
    await form.getByLabel('Điện thoại di động').fill('0912345678');
    // A required component left out: the API's own message is shown in the preview, and going
    // back to edit keeps what was typed.
    await form.getByLabel('Đơn đề nghị').evaluate((input) => input.removeAttribute('required'));
    await form.getByRole('button', { name: 'Xem lại trước khi nộp' }).click();
    const preview = page.getByTestId('submit-preview');
    await preview.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await preview.getByRole('alert').getByText('Thiếu thành phần hồ sơ: Đơn đề nghị.').waitFor();
    await expectAccessible(page, 'the preview showing a refusal');
    await preview.getByRole('button', { name: 'Quay lại sửa' }).click();
    expect(await form.getByLabel('Số định danh cá nhân (CCCD)').inputValue()).toBe('001090006789');
    await form.getByLabel('Đơn đề nghị').setInputFiles(pdfFile('don-de-nghi.pdf'));
    await form.getByRole('button', { name: 'Xem lại trước khi nộp' }).click();
    await preview.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    code = (await receipt.getByTestId('receipt-code').innerText()).trim();
    expect(code).toMatch(new RegExp(`^${world.communeCode}-\\d{6}-\\d{4}$`));
    expect(await receipt.getByTestId('receipt-promised').innerText()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await receipt.getByRole('img', { name: 'Mã QR tra cứu tình trạng hồ sơ' }).locator('svg').count()).toBe(1);
    statusLink = (await receipt.locator('.portal-qr-link').getAttribute('href')) ?? '';
    await expectFitsPhone(page);
    await expectAccessible(page, 'the receipt');
    await journey.shot(page, '03-receipt');

    await receipt.getByRole('link', { name: 'Xem trong "Hồ sơ của tôi"' }).click();
    const row = page.getByTestId(`dossier-${code}`);
    await row.getByText('Mới đăng ký').waitFor();
    expect(await row.getByTestId('dossier-province').innerText()).toBe(await provinceName(world.tenantId));
    await expectFitsPhone(page);
    await expectAccessible(page, 'my dossiers');
    await journey.shot(page, '04-my-dossiers');
    const href = (await row.getByRole('link', { name: code }).getAttribute('href')) ?? '';
    const dossierId = href.split('/').pop()!;

    await officerAct(dossierId, 'requestSupplement', { reason: 'Thiếu bản sao căn cước công dân', items: ['Bản sao căn cước công dân (có chứng thực)'] });
    await row.getByRole('link', { name: code }).click();
    const supplement = page.getByTestId('supplement');
    await supplement.getByText('Thiếu bản sao căn cước công dân').waitFor();
    await supplement.getByText('Bản sao căn cước công dân (có chứng thực)').waitFor();
    await page.getByTestId('dossier-status').getByText('Yêu cầu bổ sung').waitFor();
    await expectAccessible(page, 'the supplement request');
    await journey.shot(page, '05-supplement-requested');
    // The printed forms it has had an occasion for: the receipt and the supplement request, as PDF.
    const forms = page.getByTestId('form-links');
    await forms.getByRole('link', { name: 'Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' }).waitFor();
    expect(await forms.getByRole('link').allInnerTexts()).toEqual([
      'Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      'Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    ]);
    const printed = await page.request.get(`${journey.url}${(await forms.getByRole('link', { name: /^Mẫu 02/ }).getAttribute('href')) ?? ''}`);
    expect({ status: printed.status(), type: printed.headers()['content-type'] }).toEqual({ status: 200, type: 'application/pdf' });
    await supplement.getByLabel('Tệp bổ sung').setInputFiles(pdfFile('ban-sao-cccd.pdf'));
    await supplement.getByRole('button', { name: 'Nộp bổ sung' }).click();
    await page.getByRole('status').getByText('Đã nộp bổ sung. Hồ sơ tiếp tục được xử lý.').waitFor();
    // Back at intake, the supplement among the dossier's files, the form gone.
    await page.getByTestId('dossier-status').getByText('Mới đăng ký').waitFor();
    await page.getByTestId('dossier-files').getByRole('link', { name: 'Tải về: ban-sao-cccd.pdf' }).waitFor();
    expect(await page.getByTestId('supplement').count()).toBe(0);
    await page.getByTestId('progress').getByText('Tiếp nhận hồ sơ').waitFor();
    await expectFitsPhone(page);
    await expectAccessible(page, 'the dossier page');
    await journey.shot(page, '06-dossier-detail');
    await page.context().close();

    // On another phone (nothing remembered on the device) the dossier is still there.
    const other = await journey.newPage({ name: 'other-phone', viewport: 'phone' });
    await signInCitizen(other);
    await other.getByTestId(`dossier-${code}`).getByRole('link', { name: code }).waitFor();
    await other.context().close();
  });

  it('anyone looks the dossier up by code and ID suffix and sees the steps and where to go, with no personal data', { timeout: 30_000 }, async () => {
    // The receiving unit's public contacts, written as test data: the admin journey sets them in the console.
    const sql = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
    await sql`update org_units set hotline = '0243 825 1234', opening_hours = 'Thứ Hai–Thứ Sáu 7:30–17:00', map_url = 'https://maps.example.vn/an-binh'
      where tenant_id = ${world.tenantId} and id = ${world.communeId}`;
    await sql.end();
    const page = await journey.newPage({ name: 'status', viewport: 'phone' });
    await page.goto(`${journey.url}/`);
    await page.locator('#provinces-heading').waitFor();
    await page.getByTestId('province-table').waitFor();
    await expectAccessible(page, 'the home page');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tra cứu hồ sơ' }).click();
    const form = page.getByTestId('status-form');
    await form.getByLabel('Tỉnh, thành phố').selectOption(world.tenantId);
    await form.getByLabel('Mã hồ sơ').fill(code);
    await form.getByLabel('4 số cuối số định danh').fill('0000');
    await form.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('alert').getByText('Không tìm thấy hồ sơ với mã và số định danh đã nhập.').waitFor();
    await form.getByLabel('4 số cuối số định danh').fill('6789');
    await form.getByRole('button', { name: 'Tra cứu' }).click();
    const progress = page.getByTestId('progress');
    await progress.getByTestId('status-text').getByText('Mới đăng ký').waitFor();
    const current = progress.locator('li[aria-current="step"]');
    expect(await current.innerText()).toContain('Tiếp nhận hồ sơ');
    expect(await progress.getByRole('listitem').count()).toBe(6);
    const where = page.getByTestId('unit-contact');
    await where.getByText('Thứ Hai–Thứ Sáu 7:30–17:00').waitFor();
    expect(await where.getByRole('link', { name: '0243 825 1234' }).getAttribute('href')).toBe('tel:02438251234');
    expect(await where.getByRole('link', { name: /Xem bản đồ/ }).getAttribute('rel')).toContain('noopener');
    expect(await page.locator('main').innerText()).not.toMatch(/Nguyễn Văn An|0912345678|001090006789/);
    await expectFitsPhone(page);
    await expectAccessible(page, 'the public status lookup');
    await journey.shot(page, '07-status-lookup');
    // The receipt's QR code opens the same steps with nothing to type.
    expect(statusLink).toMatch(new RegExp(`^${journey.url}/status/[^/]+$`));
    await page.goto(statusLink);
    await page.getByTestId('progress').getByText(code).waitFor();
    expect(await page.getByTestId('status-form').count()).toBe(0);
    await page.context().close();
  });

  it('the citizen withdraws the dossier from its page, with a reason, after confirming', { timeout: 60_000 }, async () => {
    const page = await journey.newPage({ name: 'withdraw', viewport: 'phone' });
    await signInCitizen(page);
    await page.getByTestId(`dossier-${code}`).getByRole('link', { name: code }).click();
    const withdraw = page.getByTestId('withdraw');
    await withdraw.getByRole('button', { name: 'Rút hồ sơ…' }).click();
    // A change of mind closes the form and nothing happens.
    await withdraw.getByRole('button', { name: 'Không rút' }).click();
    await withdraw.getByRole('button', { name: 'Rút hồ sơ…' }).click();
    await withdraw.getByText('Hồ sơ đã rút sẽ không được tiếp tục xử lý').waitFor();
    // The reason is required: the browser keeps the form until one is given.
    await withdraw.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
    await page.getByTestId('dossier-status').getByText('Mới đăng ký').waitFor();
    await withdraw.getByLabel('Lý do rút hồ sơ').fill('Đã nộp nhầm thủ tục');
    await expectFitsPhone(page);
    await expectAccessible(page, 'the withdrawal form');
    await journey.shot(page, '08-withdraw');
    await withdraw.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
    await page.getByRole('status').getByText('Đã rút hồ sơ.').waitFor();
    await page.getByTestId('dossier-status').getByText('Công dân rút hồ sơ').waitFor();
    expect(await page.getByTestId('withdraw').count()).toBe(0);
    await page.context().close();
  });

  it('the citizen files again reusing a stored document, then deletes it from "my documents" after confirming', { timeout: 60_000 }, async () => {
    const page = await journey.newPage({ name: 'document-store', viewport: 'phone' });
    await signInCitizen(page);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kho giấy tờ của tôi' }).click();
    await page.getByRole('heading', { name: 'Kho giấy tờ của tôi', level: 1 }).waitFor();
    // The first dossier's application form was kept, with where it came from.
    const stored = page.getByTestId('store-table').getByRole('row').filter({ hasText: 'don-de-nghi.pdf' });
    await stored.getByText(code).waitFor();
    await expectFitsPhone(page);
    await expectAccessible(page, 'my documents');
    await journey.shot(page, '10-my-documents');

    // Filing again: the application form comes from the store, nothing is uploaded.
    await page.goto(submitUrl);
    const form = page.getByTestId('submit-form');
    await form.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await form.getByLabel('Số định danh cá nhân (CCCD)').fill('001090006789');
    await form.getByTestId('component-don').getByRole('checkbox', { name: 'Dùng giấy tờ đã lưu' }).check();
    expect(await form.getByLabel('Đơn đề nghị', { exact: true }).count()).toBe(0);
    await form.getByLabel('Chọn giấy tờ đã lưu cho: Đơn đề nghị').selectOption({ label: `don-de-nghi.pdf (Đơn đề nghị, ${code})` });
    await expectAccessible(page, 'the submission form reusing a stored document');
    await form.getByRole('button', { name: 'Xem lại trước khi nộp' }).click();
    await page.getByTestId('preview-components').getByText('Đơn đề nghị: don-de-nghi.pdf').waitFor();
    await page.getByTestId('submit-preview').getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const receipt = page.getByTestId('receipt');
    const reusedCode = (await receipt.getByTestId('receipt-code').innerText()).trim();
    expect(reusedCode).not.toBe(code);
    await receipt.getByRole('link', { name: 'Xem trong "Hồ sơ của tôi"' }).click();
    const href = (await page.getByTestId(`dossier-${reusedCode}`).getByRole('link', { name: reusedCode }).getAttribute('href')) ?? '';

    // The reception officer sees, beside the file, the dossier it was first handed in with, and reads it.
    const officer = await journey.newPage({ name: 'document-store-officer' });
    await journey.signIn(officer, world.logins.reception);
    await officer.goto(`${journey.url}/officer/dossiers/${world.tenantId}/${href.split('/').pop()}`);
    const component = officer.getByTestId('components').getByRole('listitem').filter({ hasText: 'don-de-nghi.pdf' }).last();
    await component.getByTestId('reused-from').getByText(`Tái sử dụng từ hồ sơ ${code}`).waitFor();
    const fileHref = (await component.getByRole('link', { name: 'don-de-nghi.pdf' }).getAttribute('href')) ?? '';
    const download = await officer.request.get(`${journey.url}${fileHref}`);
    expect({ status: download.status(), type: download.headers()['content-type'] }).toEqual({ status: 200, type: 'application/pdf' });
    await officer.context().close();

    // Deleting asks first; a change of mind keeps it.
    await page.goto(`${journey.url}/portal/my-documents`);
    const row = page.getByTestId('store-table').getByRole('row').filter({ hasText: 'don-de-nghi.pdf' });
    await row.getByRole('button', { name: 'Xóa: don-de-nghi.pdf' }).click();
    const confirm = page.getByTestId('store-confirm');
    await confirm.getByText('Hồ sơ đã nộp vẫn giữ bản của mình.').waitFor();
    await confirm.getByRole('button', { name: 'Không xóa' }).click();
    await row.getByRole('button', { name: 'Xóa: don-de-nghi.pdf' }).click();
    await expectAccessible(page, 'my documents, confirming a deletion');
    await page.getByTestId('store-confirm').getByRole('button', { name: 'Xóa khỏi kho' }).click();
    await page.getByRole('status').getByText('Đã xóa giấy tờ khỏi kho.').waitFor();
    await page.getByText('Kho chưa có giấy tờ nào.').waitFor();
    await page.context().close();
  });

  it('a citizen saves a draft, reloads and resumes it on another phone, previews it and files it', { timeout: 90_000 }, async () => {
    const page = await journey.newPage({ name: 'draft', viewport: 'phone' });
    await signInCitizen(page);
    await page.goto(submitUrl);
    const form = page.getByTestId('submit-form');
    await form.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await form.getByLabel('Số định danh cá nhân (CCCD)').fill('001090006789');
    await form.getByLabel('Đơn đề nghị').setInputFiles(pdfFile('don-ban-nhap.pdf'));
    await form.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await form.getByTestId('draft-saved').waitFor();
    // The file went into the citizen's store: the component now names the stored document.
    const chosen = form.getByLabel('Chọn giấy tờ đã lưu cho: Đơn đề nghị');
    await chosen.locator('option:checked', { hasText: 'don-ban-nhap.pdf' }).waitFor({ state: 'attached' });
    expect(page.url()).toContain('?draft=');
    await expectFitsPhone(page);
    await expectAccessible(page, 'the submission form with a saved draft');
    await journey.shot(page, '09-draft-saved');

    // A reload resumes the draft, fields and document.
    await page.reload();
    await form.waitFor();
    expect(await form.getByLabel('Số định danh cá nhân (CCCD)').inputValue()).toBe('001090006789');
    await chosen.locator('option:checked', { hasText: 'don-ban-nhap.pdf' }).waitFor({ state: 'attached' });

    // Another phone: the draft is listed under "my dossiers" and resumed there.
    const other = await journey.newPage({ name: 'draft-other-phone', viewport: 'phone' });
    await signInCitizen(other);
    const drafts = other.getByTestId('my-drafts');
    await drafts.getByText('Đăng ký thử nghiệm hồ sơ một cửa').waitFor();
    await expectFitsPhone(other);
    await expectAccessible(other, 'my dossiers with a draft');
    await drafts.getByRole('link', { name: 'Tiếp tục: Đăng ký thử nghiệm hồ sơ một cửa' }).click();
    const otherForm = other.getByTestId('submit-form');
    await otherForm.getByLabel('Điện thoại di động').fill('0987654321');
    await otherForm.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await otherForm.getByTestId('draft-saved').waitFor();
    // The first phone still holds the older revision: its save is refused, not written over the other's.
    await form.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await form.getByTestId('draft-error').getByText('Dữ liệu này vừa được người khác thay đổi', { exact: false }).waitFor();
    await page.context().close();

    // The preview shows what will be filed; going back keeps it all; confirming files it.
    await otherForm.getByRole('button', { name: 'Xem lại trước khi nộp' }).click();
    const preview = other.getByTestId('submit-preview');
    await preview.getByRole('heading', { name: 'Xem lại hồ sơ trước khi nộp' }).waitFor();
    await preview.getByText('001090006789').waitFor();
    await preview.getByText('0987654321').waitFor();
    await preview.getByTestId('preview-components').getByText('Đơn đề nghị: don-ban-nhap.pdf').waitFor();
    await preview.getByRole('heading', { name: 'Phí, lệ phí' }).waitFor();
    await expectFitsPhone(other);
    await expectAccessible(other, 'the preview before filing');
    await journey.shot(other, '09-draft-preview');
    await preview.getByRole('button', { name: 'Quay lại sửa' }).click();
    expect(await otherForm.getByLabel('Điện thoại di động').inputValue()).toBe('0987654321');
    await otherForm.getByRole('button', { name: 'Xem lại trước khi nộp' }).click();
    await preview.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const receipt = other.getByTestId('receipt');
    const draftCode = (await receipt.getByTestId('receipt-code').innerText()).trim();
    await receipt.getByRole('link', { name: 'Xem trong "Hồ sơ của tôi"' }).click();
    await other.getByTestId(`dossier-${draftCode}`).waitFor();
    // Filed, the draft is no longer listed.
    await other.getByTestId('my-drafts').getByText('Bạn chưa có bản nháp nào.').waitFor();
    await other.context().close();
  });

  it('after the result, the citizen rates the dossier once, by keyboard, and is thanked', { timeout: 60_000 }, async () => {
    // A dossier whose result was returned, written straight to the database: the officers' steps
    // up to the return are the officer journey's.
    const database = createDb(inject('databaseUrl'), { max: 1 });
    const dossierId = randomUUID();
    const returnedCode = `${world.communeCode}-KS${dossierId.slice(0, 4).toUpperCase()}`;
    try {
      const applicantUserId = await userIdOf(database.db, world.logins.citizen);
      const [procedure] = await database.db.select({ id: schema.procedures.id }).from(schema.procedures).where(eq(schema.procedures.code, world.procedureCode));
      await withTenant(database.sql, world.tenantId, (tx) =>
        tx.insert(schema.dossiers).values({
          tenantId: world.tenantId,
          id: dossierId,
          code: returnedCode,
          procedureId: procedure!.id,
          channel: 'online',
          receivingUnitId: world.communeId,
          currentUnitId: world.communeId,
          applicantUserId,
          applicantName: 'Nguyễn Văn An',
          nationalStatus: 10,
          localStatus: 'returned',
          receivedAt: new Date('2026-03-02T09:00:00+07:00'),
          finishedAt: new Date(),
          returnedAt: new Date(),
          closedAt: new Date(),
        }),
      );
      // "My dossiers" looks in the provinces the citizen has filed in, as filing records them.
      await withTenant(database.sql, world.tenantId, (tx) =>
        tx.insert(schema.applicantProvinces).values({ tenantId: world.tenantId, userId: applicantUserId, firstFiledAt: new Date() }).onConflictDoNothing(),
      );
    } finally {
      await database.sql.end({ timeout: 1 });
    }

    const page = await journey.newPage({ name: 'survey', viewport: 'phone' });
    await signInCitizen(page);
    await page.getByTestId(`dossier-${returnedCode}`).getByRole('link', { name: returnedCode }).click();
    const survey = page.getByTestId('survey');
    await survey.getByRole('heading', { name: 'Đánh giá sự hài lòng' }).waitFor();
    const group = (name: string) => survey.getByRole('group', { name });
    // Nothing chosen: the browser keeps the form, nothing is sent.
    await survey.getByRole('button', { name: 'Gửi đánh giá' }).click();
    expect(await page.getByTestId('survey-thanks').count()).toBe(0);
    // By keyboard: the first choice of a group, then the arrow keys move within it.
    await group('Thái độ phục vụ').getByRole('radio', { name: '1 – Rất không hài lòng' }).focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await group('Thái độ phục vụ').getByRole('radio', { name: '4 – Hài lòng' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(await group('Thời gian giải quyết').getByRole('radio', { name: '2 – Không hài lòng' }).isChecked()).toBe(true);
    await group('Sự rõ ràng của thủ tục').getByRole('radio', { name: '5 – Rất hài lòng' }).check();
    await group('Mức độ hài lòng chung').getByRole('radio', { name: '4 – Hài lòng' }).check();
    await survey.getByLabel('Góp ý thêm (không bắt buộc)').fill('Cán bộ hướng dẫn tận tình, nhưng chờ hơi lâu.');
    await expectFitsPhone(page);
    await expectAccessible(page, 'the survey');
    await journey.shot(page, '09-survey');
    await survey.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByTestId('survey-thanks').getByText('Cảm ơn bạn đã đánh giá.').waitFor();
    expect(await page.getByTestId('survey').count()).toBe(0);
    // Once only: after a reload the page says it was answered and offers no form.
    await page.reload();
    await page.getByTestId('survey-answered').getByText('Bạn đã đánh giá hồ sơ này.').waitFor();
    expect(await page.getByTestId('survey').count()).toBe(0);
    await page.context().close();
  });

  it(
    'a visitor sends feedback from the public navigation, an officer of the unit answers it, and the published answers show it',
    { timeout: 90_000 },
    async () => {
      const content = `Xin cho biết giờ tiếp dân chiều thứ Bảy (${randomUUID().slice(0, 6)}).`;
      const visitor = await journey.newPage({ name: 'feedback', viewport: 'phone' });
      await visitor.goto(`${journey.url}/`);
      await visitor.getByRole('navigation').getByRole('link', { name: 'Phản ánh, kiến nghị', exact: true }).click();
      await visitor.getByRole('heading', { name: 'Gửi phản ánh, kiến nghị', level: 1 }).waitFor();
      await visitor.getByLabel('Tỉnh, thành phố').selectOption(world.tenantId);
      await visitor.getByLabel('Đơn vị được phản ánh').selectOption(world.communeId);
      await visitor.getByLabel('Nội dung phản ánh, kiến nghị').fill(content);
      // Neither signed in nor a way to answer: the API refuses, in Vietnamese, and nothing is sent.
      await visitor.getByRole('button', { name: 'Gửi phản ánh' }).click();
      await visitor.getByRole('alert').getByText('để lại họ tên cùng số điện thoại hoặc email').waitFor();
      await visitor.getByLabel('Họ và tên').fill('Phạm Thị Góp Ý');
      await visitor.getByLabel('Số điện thoại').fill('0912777888');
      await visitor.getByLabel('Tôi đồng ý công khai nội dung và câu trả lời').check();
      await expectFitsPhone(visitor);
      await expectAccessible(visitor, 'the feedback form');
      await journey.shot(visitor, '10-feedback');
      await visitor.getByRole('button', { name: 'Gửi phản ánh' }).click();
      await visitor.getByTestId('feedback-sent').getByText('Đã nhận phản ánh, kiến nghị của bạn.').waitFor();

      const officer = await journey.newPage({ name: 'feedback-officer' });
      await journey.signIn(officer, world.logins.reception);
      await officer.getByRole('navigation').getByRole('link', { name: 'Phản ánh, kiến nghị', exact: true }).click();
      const item = officer.getByTestId('feedback-item').filter({ hasText: content });
      await item.getByText('Người gửi: Phạm Thị Góp Ý').waitFor();
      await item.getByLabel('Trả lời').fill('Bộ phận một cửa tiếp dân sáng thứ Bảy, từ 7 giờ 30 đến 11 giờ 30.');
      await item.getByRole('button', { name: 'Gửi trả lời' }).click();
      // Answered, it leaves the list of items still to answer.
      await item.waitFor({ state: 'detached' });
      await officer.context().close();

      await visitor.goto(`${journey.url}/feedback/answered?tenantId=${world.tenantId}`);
      const published = visitor.getByTestId('answered-feedback').getByRole('listitem').filter({ hasText: content });
      await published.getByText('Bộ phận một cửa tiếp dân sáng thứ Bảy').waitFor();
      expect(await visitor.getByText('Phạm Thị Góp Ý').count()).toBe(0);
      expect(await visitor.getByText('0912777888').count()).toBe(0);
      await expectFitsPhone(visitor);
      await expectAccessible(visitor, 'the published answers to feedback');
      await journey.shot(visitor, '11-feedback-answered');
      await visitor.context().close();
    },
  );

  it('a citizen fills and submits the online form by keyboard alone', { timeout: 60_000 }, async () => {
    const page = await journey.newPage({ name: 'keyboard' });
    for (const [path, heading] of [
      ['/sign-up', '#sign-up-heading'],
      ['/login', '#login-heading'],
    ] as const) {
      await page.goto(`${journey.url}${path}`);
      await page.locator(heading).waitFor();
      await expectAccessible(page, path);
    }
    await signInCitizen(page);
    await page.goto(submitUrl);
    const form = page.getByTestId('submit-form');
    await form.waitFor();
    await expectAccessible(page, 'the submission form');
    /** Tabs forward (at most 60 stops) until the element is focused, as a keyboard user would reach it. */
    const tabTo = async (target: Locator) => {
      for (let stops = 0; stops < 60; stops += 1) {
        if (await target.evaluate((el) => el === document.activeElement)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error('the element is not reachable with the Tab key');
    };
    await tabTo(form.getByLabel('Họ và tên'));
    await page.keyboard.type('Hoàng Thị Phím');
    await tabTo(form.getByLabel('Số định danh cá nhân (CCCD)'));
    await page.keyboard.type('001090004321');
    await tabTo(form.getByLabel('Đơn đề nghị'));
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles(pdfFile('don-de-nghi.pdf'));
    await tabTo(form.getByRole('button', { name: 'Xem lại trước khi nộp' }));
    await page.keyboard.press('Enter');
    // The preview takes the focus; its confirmation is the next stop.
    await page.getByTestId('submit-preview').waitFor();
    await tabTo(page.getByTestId('submit-preview').getByRole('button', { name: 'Nộp hồ sơ' }));
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt').getByTestId('receipt-code').waitFor();
    await page.context().close();
  });
});
