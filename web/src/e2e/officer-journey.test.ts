/// <reference types="node" />
// The officer workspace in real headless Chromium against the real API process, database,
// Temporal worker and outbox relay: a dossier received at the counter with a PDF,
// its receipt with the QR code, then processed commune → department (liên thông) → commune by
// the officers whose step it is. Each step waits on what the user would see, never on time.
import type { DossierWorld, Officer } from '@gov/api/testing';
import { createDb, schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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

    // The commune's leader finds the fee among the reports of the units they lead, this month.
    const communeLeader = await signedIn('communeLeader');
    await communeLeader.goto(`${journey.url}/monitoring/reports`);
    await expect.poll(() => communeLeader.getByTestId('fee-totals').innerText()).toMatch(/50\.000/);
    // The same page by procedure and by officer: the ward's officers who acted on the dossier are
    // there with their actions; the department's, outside the leader's units, are not.
    await communeLeader.getByTestId(`procedure-report-${world.procedureCode}`).waitFor();
    const officers = communeLeader.getByTestId('officer-report-table');
    const officerRow = (name: string) => officers.getByRole('row').filter({ has: communeLeader.getByRole('rowheader', { name, exact: true }) });
    for (const name of ['Cán bộ reception', 'Cán bộ specialist', 'Cán bộ clerk']) {
      expect(Number(await officerRow(name).locator('[data-col="actions"]').innerText())).toBeGreaterThanOrEqual(1);
    }
    expect(await officerRow('Cán bộ deptLeader').count()).toBe(0);
    // The consultations asked by the leader's units have their section on the same page.
    await communeLeader.getByRole('heading', { name: 'Xin ý kiến các đơn vị', level: 2 }).waitFor();
    await journey.shot(communeLeader, '07b-unit-reports');
    await communeLeader.context().close();
    // The same page on a 360-px phone: nothing wider than the screen.
    await clerk.setViewportSize({ width: 360, height: 740 });
    await expectFitsPhone(clerk);
    await clerk.getByRole('navigation').getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await clerk.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor();
    await journey.shot(clerk, '06-inbox-360px');
    await clerk.context().close();
  });

  it('keeps a counter intake made offline and sends it once, when the network is back', { timeout: 120_000 }, async () => {
    const reception = await signedIn('reception');
    const context = reception.context();
    // The service worker takes the page over; a reload then fetches every chunk through it.
    await reception.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await reception.reload();
    await expect.poll(() => reception.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // Installable: Chromium finds nothing missing (manifest, icons, a worker that serves pages);
    // the one reason it gives is that a test's browser context is incognito, as every one is.
    const cdp = await context.newCDPSession(reception);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.map((e) => e.errorId)).toEqual(['in-incognito']);
    await reception.getByRole('navigation').getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
    const intake = reception.getByTestId('intake-form');
    // The procedures are loaded while online; the form is filled after the network drops.
    await intake.getByLabel('Thủ tục').waitFor();
    const fill = async (name: string) => {
      await intake.getByLabel('Thủ tục').selectOption(world.procedureCode);
      await intake.getByLabel('Họ và tên').fill(name);
      await intake.getByLabel('Số CCCD').fill('001190005678');
      await intake.getByLabel('Đơn đề nghị').setInputFiles(pdfFile('don-de-nghi.pdf'));
      await intake.getByRole('button', { name: 'Tiếp nhận và in giấy hẹn' }).click();
    };
    const unique = Date.now().toString(36);
    const offlineName = `Lê Văn Mạng ${unique}`;
    const lostName = `Phạm Thị Trả Lời ${unique}`;

    // The network drops: the filled form is kept on this computer, not lost.
    await context.setOffline(true);
    await reception.getByTestId('offline-notice').waitFor();
    await fill(offlineName);
    await reception.getByTestId('intake-queued').waitFor();
    await expect.poll(() => reception.getByTestId('queued-intakes').innerText()).toContain(offlineName);
    await journey.shot(reception, '07-intake-offline');
    // Reloading without a network still opens the app (its shell comes from the service worker).
    await reception.reload();
    await reception.locator('.app-title').waitFor();

    // Back online: the page sends what it kept, once.
    await context.setOffline(false);
    await reception.goto(`${journey.url}/officer/intake`);
    const sent = reception.getByTestId('sent-intakes');
    await expect.poll(() => sent.innerText(), { timeout: 20_000 }).toContain(offlineName);
    expect(await reception.getByTestId('queued-intakes').count()).toBe(0);

    // The API receives an intake but its answer is lost on the way back: the form is kept, and
    // sending it again gives back the same dossier instead of a second one.
    let received: { code: string } | undefined;
    await reception.route('**/api/tenants/*/dossiers', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      received = (await (await route.fetch()).json()) as { code: string };
      await route.abort('connectionreset');
    });
    await fill(lostName);
    await reception.getByTestId('intake-queued').waitFor();
    await reception.unrouteAll();
    expect(received?.code).toBeTruthy();
    await reception.getByTestId('queued-intakes').getByRole('button', { name: 'Gửi ngay' }).click();
    await expect.poll(() => sent.innerText(), { timeout: 20_000 }).toContain(lostName);
    expect(await sent.getByRole('link', { name: received?.code ?? '-' }).count()).toBe(1);

    const database = createDb(inject('databaseUrl'), { max: 1 });
    try {
      for (const name of [offlineName, lostName]) {
        const rows = await withTenant(database.sql, world.tenantId, (tx) =>
          tx
            .select({ code: schema.dossiers.code })
            .from(schema.dossiers)
            .where(and(eq(schema.dossiers.tenantId, world.tenantId), eq(schema.dossiers.applicantName, name))),
        );
        expect(rows, name).toHaveLength(1);
      }
    } finally {
      await database.sql.end({ timeout: 1 });
    }
    await context.close();
  });
});
