/// <reference types="node" />
// The officer workspace in real headless Chromium against the real API process, database,
// Temporal worker and outbox relay: a dossier received at the counter with a PDF,
// its receipt with the QR code, then processed commune → department (liên thông) → commune by
// the officers whose step it is. Each step waits on what the user would see, never on time.
import type { DossierWorld, Officer } from '@gov/api/testing';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFitsPhone, pdfFile, startDossierJourney, type DossierJourney } from './journey.js';

let journey: DossierJourney;
let world: DossierWorld;
const applicant = { name: 'Trần Thị Bình', search: 'tran thi binh' };

beforeAll(async () => {
  journey = await startDossierJourney({ name: 'officer', actionTimeoutMs: 15_000 });
  world = journey.world;
});

afterAll(async () => {
  await journey?.stop();
});

/** A fresh browser profile per officer, signed in. */
async function signedIn(who: Officer): Promise<Page> {
  const page = await journey.newPage({ name: who });
  await journey.signIn(page, world.logins[who]);
  // An officer lands on the inbox.
  await page.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor();
  return page;
}

/**
 * Finds the dossier in the inbox by the applicant's name typed without accents. A hand-over's
 * task appears when the receiving agency's workflow has started, so the filter is re-applied
 * until the row is there (bounded by the poll's timeout).
 */
async function openFromInbox(page: Page, code: string, screenshot?: string): Promise<void> {
  await page.getByLabel('Tìm theo mã hồ sơ hoặc tên người nộp').fill(applicant.search);
  const row = page.getByTestId(`inbox-row-${code}`);
  await expect
    .poll(
      async () => {
        await page.getByRole('button', { name: 'Lọc', exact: true }).click();
        await page.getByTestId('inbox-table').or(page.getByText('Chưa có dữ liệu.')).waitFor();
        return row.count();
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  if (screenshot) await journey.shot(page, screenshot);
  await row.getByRole('link', { name: code }).click();
  await page.getByTestId('dossier-code').getByText(code).waitFor();
}

const actions = (page: Page): Locator => page.getByTestId('actions');

/** Opens an action's form, confirms it, and waits for the page to say it was done. */
async function take(page: Page, label: string, fill?: (form: Locator) => Promise<void>) {
  await actions(page).getByRole('button', { name: label, exact: true }).click();
  const form = actions(page).locator('form');
  await fill?.(form);
  await form.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('status').getByText(`Đã thực hiện: ${label}`).waitFor();
}

const offered = async (page: Page) => (await actions(page).getByRole('group').getByRole('button').allInnerTexts()).sort();

describe('officer workspace in a real browser', () => {
  it('receives a dossier at the counter and carries it through the commune and the department to its result', { timeout: 240_000 }, async () => {
    // The reception officer enters the dossier at the counter with the scanned application.
    const reception = await signedIn('reception');
    await reception.getByRole('navigation').getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
    const intake = reception.getByTestId('intake-form');
    await intake.getByLabel('Thủ tục').selectOption(world.procedureCode);
    await intake.getByLabel('Họ và tên').fill(applicant.name);
    await intake.getByLabel('Số CCCD').fill('001190001234');
    await intake.getByLabel('Điện thoại di động').fill('0912345678');
    await intake.getByLabel('Đơn đề nghị').setInputFiles(pdfFile('don-de-nghi.pdf'));
    await journey.shot(reception, '01-intake');
    await intake.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();

    // Form 01 with the dossier code, the promised date and the QR code of the status lookup.
    const receipt = reception.getByTestId('receipt');
    await receipt.getByRole('heading', { name: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' }).waitFor();
    const code = await receipt.getByTestId('receipt-code').innerText();
    expect(code).toMatch(new RegExp(`^${world.communeCode}-\\d{6}-\\d{4}$`));
    expect(await receipt.innerText()).toContain(applicant.name);
    expect(await receipt.innerText()).toContain('don-de-nghi.pdf');
    await receipt.getByTestId('receipt-qr').locator('svg').waitFor();
    expect(await receipt.getByTestId('receipt-lookup').getAttribute('href')).toMatch(new RegExp(`^${journey.url}/status/.+`));
    await reception.getByRole('button', { name: 'In giấy tiếp nhận' }).waitFor();
    await journey.shot(reception, '02-receipt');
    await reception.context().close();

    // The commune specialist finds it (accepted at the counter) and sends it to the department.
    const specialist = await signedIn('specialist');
    await openFromInbox(specialist, code, '03-inbox');
    await specialist.getByTestId('current-step').getByText('Công chức xã thẩm định').waitFor();
    // Only the specialist's own actions: no approval, no stop (the leader's), no intake.
    expect(await offered(specialist)).toEqual(
      ['Chuyển bước tiếp theo', 'Phân công', 'Thư xin lỗi, hẹn lại (Mẫu 04)', 'Yêu cầu bổ sung', 'Yêu cầu nộp phí'].sort(),
    );
    expect(await specialist.getByTestId('components').getByRole('link', { name: 'don-de-nghi.pdf' }).getAttribute('href')).toMatch(
      /\/api\/tenants\/.+\/files\//,
    );
    // The printed forms: the receipt and the control sheet (no refusal, supplement or apology yet).
    const forms = specialist.getByTestId('form-links');
    expect(await forms.getByRole('link').allInnerTexts()).toEqual([
      'Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      'Mẫu 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ',
    ]);
    const sheet = await specialist.request.get(`${journey.url}${(await forms.getByRole('link', { name: /^Mẫu 05/ }).getAttribute('href')) ?? ''}`);
    expect({ status: sheet.status(), type: sheet.headers()['content-type'] }).toEqual({ status: 200, type: 'application/pdf' });
    await journey.shot(specialist, '04-dossier');
    await take(specialist, 'Chuyển bước tiếp theo');
    await specialist.getByTestId('current-step').getByText('Chuyển Sở Nội vụ').waitFor();
    await take(specialist, 'Chuyển liên thông');
    await specialist.getByTestId('current-step').getByText('Lãnh đạo Sở phê duyệt').waitFor();
    expect(await offered(specialist)).toEqual(['Thư xin lỗi, hẹn lại (Mẫu 04)']);
    // A refusal shows the workflow's own reason: a new date must be after the current one.
    await actions(specialist).getByRole('button', { name: 'Thư xin lỗi, hẹn lại (Mẫu 04)' }).click();
    const apology = actions(specialist).locator('form');
    await apology.getByLabel('Lý do chậm trả kết quả').fill('Cần xác minh thêm');
    await apology.getByLabel('Ngày hẹn trả mới').fill(new Date().toISOString().slice(0, 10));
    await apology.getByRole('button', { name: 'Xác nhận' }).click();
    await apology.getByRole('alert').getByText('Ngày hẹn trả mới phải sau ngày hẹn hiện tại.').waitFor();
    await specialist.context().close();

    // The department leader approves, with the digital signature ticked.
    const leader = await signedIn('deptLeader');
    await openFromInbox(leader, code);
    expect(await offered(leader)).toEqual(['Phân công', 'Phê duyệt', 'Yêu cầu bổ sung', 'Yêu cầu nộp phí'].sort());
    await take(leader, 'Phê duyệt', (form) => form.getByLabel('Tôi đã ký số văn bản phê duyệt').check());
    await leader.context().close();

    // The department sends it back to the commune.
    const deptSpecialist = await signedIn('deptSpecialist');
    await openFromInbox(deptSpecialist, code);
    await take(deptSpecialist, 'Chuyển liên thông');
    await deptSpecialist.context().close();

    // The result clerk returns the result online with the result document; the history shows each step.
    const clerk = await signedIn('clerk');
    await openFromInbox(clerk, code);
    await clerk.getByTestId('current-step').getByText('Trả kết quả').waitFor();
    // The fee first: asked for, it shows as a VietQR for the applicant's bank app, then recorded as paid.
    await take(clerk, 'Yêu cầu nộp phí', async (form) => {
      await form.getByLabel('Số tiền (đồng)').fill('50000');
      await form.getByLabel('Nội dung khoản phí, lệ phí').fill('Lệ phí cấp bản sao');
    });
    const qr = clerk.getByTestId('payment-qr');
    await qr.locator('svg').waitFor();
    expect(await qr.getByTestId('payment-reference').innerText()).toBe(code);
    expect(await qr.getByTestId('payment-amount').innerText()).toMatch(/50\.000/);
    await journey.shot(clerk, '07a-payment-qr');
    await take(clerk, 'Ghi nhận đã nộp phí', (form) => form.getByLabel('Số biên lai hoặc mã giao dịch').fill('FT26340123456'));
    await qr.waitFor({ state: 'detached' });
    await take(clerk, 'Trả kết quả', async (form) => {
      await form.getByLabel('Hình thức trả kết quả').selectOption('online');
      await form.getByLabel('Văn bản kết quả (không bắt buộc)').setInputFiles(pdfFile('ket-qua.pdf'));
    });
    await clerk.getByTestId('national-status').getByText('Đã trả kết quả').waitFor();
    await actions(clerk).getByText('Hiện không có thao tác nào bạn được thực hiện trên hồ sơ này.').waitFor();
    await clerk.getByRole('link', { name: 'ket-qua.pdf' }).waitFor();
    const timeline = clerk.getByTestId('timeline');
    const kinds = await timeline.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['accepted', 'forwarded', 'handed_over', 'approved', 'handed_back', 'result_returned']));
    const approvedItem = timeline.locator('li[data-kind="approved"]');
    expect(await approvedItem.innerText()).toContain('Cán bộ deptLeader');
    expect(await approvedItem.innerText()).toMatch(/Lãnh đạo Sở phê duyệt → Chuyển trả xã/);
    await approvedItem.getByText(/Đúng hạn|Trễ hạn/).waitFor();
    await journey.shot(clerk, '05-dossier-returned');
    // The same page on a 360-px phone: nothing wider than the screen.
    await clerk.setViewportSize({ width: 360, height: 740 });
    await expectFitsPhone(clerk);
    await clerk.getByRole('navigation').getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await clerk.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor();
    await journey.shot(clerk, '06-inbox-360px');
    await clerk.context().close();
  });
});
