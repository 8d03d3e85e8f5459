/// <reference types="node" />
// The province admin console in real headless Chromium against the real API process, database and
// Temporal. Each step waits on what the user would see (Playwright's auto-waiting
// locators), never on time.
import { readFile } from 'node:fs/promises';
import { startAccountRuntime } from '@gov/api/testing';
import { VIETNAM_TIME_ZONE } from '@gov/calendar';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appointProvinceAdmin, codeIn, linkPathIn, mailedText, publishTestProcedure, seedMinistryAndProvince, seedNeighbourProvince } from './accounts.js';
import { expectFitsPhone, startJourney, type Journey } from './journey.js';
import { seedOverdueDossier } from './work-lists.js';
import { seedSurveyAnswer } from './surveys.js';

const CODE_SECRET = 'e2e-account-code-secret-0123456789';
let journey: Journey;
let runtime: Awaited<ReturnType<typeof startAccountRuntime>>;
let world: Awaited<ReturnType<typeof seedMinistryAndProvince>> & {
  provinceAdmin: string;
  adminEmail: string;
  procedure: { code: string; name: string };
  neighbour: Awaited<ReturnType<typeof seedNeighbourProvince>>;
};
const officer = { login: '', email: '', fullName: 'Phạm Thị Lan', password: 'MatKhauCuaLan2026' };
/** The appointed admin's own password, chosen with the invitation (nobody else ever knew one). */
const ADMIN_PASSWORD = 'MatKhauQuanTri2026';

beforeAll(async () => {
  // Invitations and reset codes go out as they do in production: the worker's relay, the mail stand-in.
  runtime = await startAccountRuntime({
    databaseUrl: inject('databaseUrl'),
    temporalAddress: inject('temporalAddress'),
    namespace: inject('temporalNamespace'),
    codeSecret: CODE_SECRET,
    publicUrl: 'http://127.0.0.1',
    env: process.env,
  });
  journey = await startJourney({ name: 'admin', actionTimeoutMs: 10_000, apiEnv: { ACCOUNT_CODE_SECRET: CODE_SECRET } });
  const seeded = await seedMinistryAndProvince(inject('adminDatabaseUrl'));
  const appointed = await appointProvinceAdmin({ baseUrl: journey.url, ministryAdmin: seeded.ministryAdmin, tenantId: seeded.tenantId, suffix: seeded.suffix });
  const procedure = await publishTestProcedure({ baseUrl: journey.url, ministryAdmin: seeded.ministryAdmin, suffix: seeded.suffix });
  const neighbour = await seedNeighbourProvince(inject('adminDatabaseUrl'), seeded.suffix);
  world = { ...seeded, provinceAdmin: appointed.login, adminEmail: appointed.email, procedure, neighbour };
  officer.login = `cv.${seeded.suffix}`;
  officer.email = `lan.${seeded.suffix}@example.gov.vn`;
  // Building the web app dominates; on a loaded 2-core machine it needs more than the default hook time.
}, 300_000);

afterAll(async () => {
  await journey?.stop();
  await runtime?.close();
});

describe('province admin console in a real browser', () => {
  it(
    'a province admin signs in, creates a unit, an officer in it, and grants the officer a role, then activates a procedure, designs its process and sets the calendar',
    { timeout: 180_000 },
    async () => {
      const page = await journey.newPage({ name: 'province-admin' });
      await page.goto(`${journey.url}/login`);
      await page.getByRole('heading', { name: 'Đăng nhập hệ thống' }).waitFor();
      await journey.shot(page, '01-login');

      // Until the invitation is accepted the account has no password: nothing signs in.
      await journey.signIn(page, world.provinceAdmin, 'sai-mat-khau-1');
      await page.getByRole('alert').getByText('Sai tên đăng nhập hoặc mật khẩu.').waitFor();

      // The ministry chose no password: the appointee opens the mailed link and chooses their own.
      const invitation = await mailedText(runtime.standIns, world.adminEmail, 1);
      expect(invitation).toContain(`Tên đăng nhập: ${world.provinceAdmin}`);
      await page.goto(`${journey.url}${linkPathIn(invitation)}`);
      await page.getByRole('heading', { name: 'Kích hoạt tài khoản cán bộ', level: 1 }).waitFor();
      const accept = page.getByTestId('invitation-form');
      expect(await accept.getByLabel('Tên đăng nhập').inputValue()).toBe(world.provinceAdmin);
      expect(await accept.getByLabel('Mã xác thực').inputValue()).toBe(codeIn(invitation));
      // The code rode in the fragment and is gone from the address bar once read.
      expect(new URL(page.url()).hash).toBe('');
      // The API's rule and its message, as it gave them.
      await accept.getByLabel('Mật khẩu mới').fill('ngan1');
      await accept.getByRole('button', { name: 'Đặt mật khẩu và kích hoạt' }).click();
      await accept.getByText('Mật khẩu tối thiểu 10 ký tự').waitFor();
      await journey.shot(page, '01b-invitation');
      await accept.getByLabel('Mật khẩu mới').fill(ADMIN_PASSWORD);
      await accept.getByRole('button', { name: 'Đặt mật khẩu và kích hoạt' }).click();
      await page.getByTestId('invitation-accepted').waitFor();
      await journey.signIn(page, world.provinceAdmin, ADMIN_PASSWORD);
      await page.getByRole('heading', { name: 'Cơ cấu tổ chức' }).waitFor();
      const tree = page.getByTestId('unit-tree');
      await tree.getByText(`Ủy ban nhân dân ${world.provinceName}`).waitFor();

      const unitName = `Phường Ba Đình ${world.suffix}`;
      const unitForm = page.getByTestId('unit-form');
      await unitForm.getByLabel('Mã đơn vị').fill(`PBD-${world.suffix}`);
      await unitForm.getByLabel('Tên đơn vị').fill(unitName);
      await unitForm.getByLabel('Loại đơn vị').selectOption('commune_one_stop');
      await unitForm.getByRole('button', { name: 'Thêm đơn vị con' }).click();
      await tree.getByText(unitName).waitFor();
      await page.getByRole('status').getByText('Đã thêm đơn vị.').waitFor();
      await journey.shot(page, '02-org-units');

      await page.getByRole('navigation').getByRole('link', { name: 'Cán bộ' }).click();
      await page.getByRole('heading', { name: 'Cán bộ, công chức' }).waitFor();
      const form = page.getByTestId('officer-form');
      await form.getByLabel('Họ và tên').fill(officer.fullName);
      await form.getByLabel('Tên đăng nhập').fill(officer.login);
      await form.getByLabel('Số CCCD').fill('12345');
      await form.getByLabel('Điện thoại di động').fill('0912 345 678');
      await form.getByLabel('Email công vụ').fill(officer.email);
      await form.getByLabel('Chức vụ').fill('Chuyên viên');
      const unitValue = await form.locator('#o-unit option', { hasText: unitName }).getAttribute('value');
      await form.getByLabel('Đơn vị').selectOption(unitValue);
      // No password field: the officer will choose their own with the invitation.
      await form.getByTestId('officer-invitation-hint').waitFor();
      await form.getByRole('button', { name: 'Thêm cán bộ' }).click();
      // The API's CCCD rule, shown beside the field it concerns.
      await form.getByText('Số CCCD gồm đúng 12 chữ số, bắt đầu bằng mã tỉnh (0xx)').waitFor();
      expect(await form.getByLabel('Số CCCD').getAttribute('aria-invalid')).toBe('true');
      await journey.shot(page, '03a-officer-invalid');
      await form.getByLabel('Số CCCD').fill('001099012345');
      await form.getByRole('button', { name: 'Thêm cán bộ' }).click();
      const row = page.getByTestId('officer-table').getByRole('row').filter({ hasText: officer.fullName });
      await row.waitFor();
      // A province admin may edit the citizen ID, so the API returns it whole (masking is its call).
      expect(await row.innerText()).toContain('001099012345');
      await page.getByRole('searchbox', { name: 'Tìm theo họ tên' }).fill('Phạm');
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      await page.getByTestId('officer-table').getByText('Lê Văn Hùng').waitFor({ state: 'detached' });
      await row.waitFor();
      await page.getByRole('searchbox', { name: 'Tìm theo họ tên' }).fill('');
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      await page.getByTestId('officer-table').getByText('Lê Văn Hùng').waitFor();
      await journey.shot(page, '03-officers');

      await page.getByRole('navigation').getByRole('link', { name: 'Phân quyền' }).click();
      await page.getByRole('heading', { name: 'Phân quyền', level: 1 }).waitFor();
      const grant = page.getByTestId('grant-form');
      const officerValue = await grant.locator('#g-officer option', { hasText: officer.login }).getAttribute('value');
      await grant.getByLabel('Cán bộ').selectOption(officerValue);
      // Province admins are appointed by the ministry only: the province's form does not offer the role.
      await grant.getByLabel('Vai trò').locator('option', { hasText: 'Chuyên viên xử lý' }).waitFor({ state: 'attached' });
      expect(await grant.getByLabel('Vai trò').locator('option', { hasText: 'Quản trị tỉnh' }).count()).toBe(0);
      await grant.getByLabel('Lý do, căn cứ').fill('Quyết định phân công số 5/QĐ');
      await grant.getByLabel('Vai trò').selectOption({ label: 'Chuyên viên xử lý' });
      const grantUnit = await grant.locator('#g-unit option', { hasText: unitName }).getAttribute('value');
      await grant.getByLabel('Đơn vị').selectOption(grantUnit);
      await grant.getByRole('button', { name: 'Cấp vai trò' }).click();
      const granted = page.getByTestId('role-table').getByRole('row').filter({ hasText: officer.fullName });
      await granted.getByText('Chuyên viên xử lý').waitFor();
      expect(await granted.innerText()).toContain(unitName);
      // Granted today in Vietnam, though this browser runs in New York time (the two dates differ
      // from 17:00 to 05:00 UTC, when the browser's own date would show the wrong day).
      expect(await granted.innerText()).toContain(
        new Date().toLocaleDateString('vi-VN', { timeZone: VIETNAM_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }),
      );
      // The cap is shown from the assignments: one province admin of three, none revocable here.
      await page.getByTestId('admin-cap').getByText('Tài khoản quản trị tỉnh: 1/3').waitFor();
      expect(await page.getByTestId('role-table').getByRole('row').filter({ hasText: 'Quản trị tỉnh' }).getByRole('button').count()).toBe(0);
      // The only province admin may not step down: the API's refusal is shown, and the seat stays.
      await page.getByTestId('step-down-open').click();
      const stepDown = page.getByTestId('step-down-form');
      await stepDown.getByRole('button', { name: 'Thôi làm quản trị tỉnh' }).click();
      await stepDown.getByRole('alert').getByText('Bạn là quản trị tỉnh cuối cùng', { exact: false }).waitFor();
      // The same refusal in English is the API's English text, not a translation made here.
      await page.getByRole('button', { name: 'English' }).click();
      await stepDown.getByRole('alert').getByText('You are the last province admin: ask the ministry to appoint a successor before stepping down.').waitFor();
      await page.getByRole('button', { name: 'Tiếng Việt' }).click();
      await stepDown.getByRole('button', { name: 'Hủy' }).click();
      await page.getByTestId('admin-cap').getByText('Tài khoản quản trị tỉnh: 1/3').waitFor();
      await journey.shot(page, '04-roles');

      // Procedure activation: the national catalog, searched without accents.
      await page.getByRole('navigation').getByRole('link', { name: 'Thủ tục', exact: true }).click();
      await page.getByRole('heading', { name: 'Kích hoạt thủ tục hành chính' }).waitFor();
      await page.getByRole('searchbox', { name: 'Tìm theo tên thủ tục' }).fill(`cap giay phep thu nghiem ${world.suffix}`);
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      const procedureRow = page.getByTestId(`procedure-${world.procedure.code}`);
      await procedureRow.getByText('Chưa kích hoạt').waitFor();
      await procedureRow.getByRole('button', { name: `Kích hoạt: ${world.procedure.name}` }).click();
      const activation = page.getByTestId('activation-form');
      await activation.getByRole('group', { name: 'Bộ phận tiếp nhận' }).getByLabel(unitName).check();
      await activation.getByRole('group', { name: 'Cơ quan giải quyết' }).getByLabel(unitName).check();
      await activation.getByRole('button', { name: 'Kích hoạt', exact: true }).click();
      await procedureRow.getByText('Đang áp dụng').waitFor();
      expect(await procedureRow.innerText()).toContain(unitName);
      await journey.shot(page, '05-procedures');

      // Where citizens go: the unit's public contact details, set in the console (the API's rule
      // shown beside its field), then seen without sign-in on the portal's procedure page.
      const contacts = await journey.newPage({ name: 'province-admin-contacts' });
      await journey.signIn(contacts, world.provinceAdmin, ADMIN_PASSWORD);
      await contacts.getByRole('button', { name: `Thông tin liên hệ: ${unitName}` }).click();
      const contactForm = contacts.getByTestId('unit-contact-form');
      const unitEmail = `motcua.${world.suffix}@example.gov.vn`;
      await contactForm.getByLabel('Địa chỉ', { exact: true }).fill('Số 25 Điện Biên Phủ, phường Ba Đình');
      await contactForm.getByLabel('Đường dây nóng').fill('0243 825 1234');
      await contactForm.getByLabel('Thư điện tử').fill(unitEmail);
      await contactForm.getByLabel('Giờ làm việc').fill('Thứ Hai–Thứ Sáu 7:30–11:30, 13:00–17:00');
      await contactForm.getByLabel('Liên kết bản đồ').fill('http://maps.example.vn/ba-dinh');
      await contactForm.getByRole('button', { name: 'Lưu' }).click();
      await contactForm.getByText('Liên kết bản đồ phải bắt đầu bằng https://').waitFor();
      await contactForm.getByLabel('Liên kết bản đồ').fill('https://maps.example.vn/ba-dinh');
      await contactForm.getByRole('button', { name: 'Lưu' }).click();
      await contactForm.waitFor({ state: 'detached' });
      const portal = await journey.newPage({ name: 'portal-unit-contacts' });
      await portal.goto(`${journey.url}/portal/procedures/${world.tenantId}/${world.procedure.code}`);
      const where = portal.getByTestId('unit-contact').filter({ hasText: unitName });
      await where.getByText('Số 25 Điện Biên Phủ, phường Ba Đình').waitFor();
      await where.getByText('Thứ Hai–Thứ Sáu 7:30–11:30, 13:00–17:00').waitFor();
      expect(await where.getByRole('link', { name: '0243 825 1234' }).getAttribute('href')).toBe('tel:02438251234');
      expect(await where.getByRole('link', { name: unitEmail }).getAttribute('href')).toBe(`mailto:${unitEmail}`);
      const map = where.getByRole('link', { name: /Xem bản đồ/ });
      expect(await map.getAttribute('href')).toBe('https://maps.example.vn/ba-dinh');
      expect(await map.getAttribute('target')).toBe('_blank');
      expect(await map.getAttribute('rel')).toContain('noopener');
      await journey.shot(portal, '05b-portal-unit-contacts');
      await portal.context().close();
      await contacts.context().close();

      // The process designer: copy the ministry's default, then edit it against the time budget.
      await procedureRow.getByRole('link', { name: `Thiết kế quy trình: ${world.procedure.name}` }).click();
      await page.getByRole('heading', { name: 'Thiết kế quy trình điện tử' }).waitFor();
      await page.getByTestId('statutory-limit').getByText('40 giờ làm việc (5 ngày làm việc)').waitFor();
      await page.getByRole('button', { name: 'Sao chép quy trình mẫu của Bộ' }).click();
      await page.getByTestId('copy-default-form').getByRole('button', { name: 'Sao chép' }).click();
      await page.getByRole('status').getByText('Đã sao chép quy trình mẫu thành bản nháp.').waitFor();
      await page.getByTestId('version-table').getByText('Bản nháp').waitFor();
      const budget = page.getByTestId('time-budget');
      await budget.getByText('32 giờ làm việc (4 ngày làm việc) / 40 giờ làm việc').waitFor();
      const step = (i: number) => page.getByTestId(`step-${i}`);
      // Over the limit: the budget warns at once, and the API refuses with its reasons, per step.
      await step(1).getByLabel('Thời gian (giờ làm việc)').fill('40');
      await page.getByTestId('budget-over').getByText('8 giờ làm việc (1 ngày làm việc)').waitFor();
      await step(0).getByLabel('Vai trò').selectOption({ label: 'Lãnh đạo phê duyệt' });
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await page
        .getByTestId('process-error')
        .getByText('vượt thời hạn giải quyết theo quy định (40 giờ làm việc (5 ngày làm việc)) 8 giờ làm việc', { exact: false })
        .first()
        .waitFor();
      await page.getByTestId('step-0-problems').getByText('chưa có cán bộ nào giữ vai trò "leader" tại đơn vị này.', { exact: false }).waitFor();
      expect(await page.getByTestId('step-1-problems').count()).toBe(0);
      await journey.shot(page, '06-process-over-budget');
      await step(0).getByLabel('Vai trò').selectOption({ label: 'Chuyên viên xử lý' });
      // Reordering from the keyboard: the moved step keeps focus on its button.
      await step(2).getByRole('button', { name: 'Lên: Bước 3' }).focus();
      await page.keyboard.press('Enter');
      expect(await step(1).getByLabel('Tên bước').inputValue()).toBe('Trả kết quả');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-1-up');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await step(2).getByLabel('Tên bước').inputValue()).toBe('Trả kết quả');
      await step(1).getByLabel('Thời gian (giờ làm việc)').fill('30');
      await budget.getByText('38 giờ làm việc (4,75 ngày làm việc) / 40 giờ làm việc').waitFor();
      await budget.getByText('Trong thời hạn giải quyết.').waitFor();
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await page.getByRole('status').getByText('Đã lưu bản nháp.').waitFor();
      await page.getByRole('button', { name: 'Ban hành' }).click();
      await page.getByRole('status').getByText('Đã ban hành quy trình.').waitFor();
      await page.getByTestId('version-table').getByText('Đang áp dụng').waitFor();
      expect(await page.getByTestId('version-table').getByText('Bản nháp').count()).toBe(0);
      await journey.shot(page, '07-process-published');

      // Rẽ nhánh: the appraisal ends in the officer's choice. A refusal leading back to reception
      // loops forever, and the API names the step; leading both ways to the return is accepted.
      const returnKey = await page.locator('#step-2-key').inputValue();
      await step(1).getByLabel('Hướng đi', { exact: true }).selectOption({ label: 'Cán bộ chọn hướng xử lý' });
      await step(1).locator('#step-1-outcome-0-to').selectOption(returnKey);
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await page.getByTestId('step-0-problems').getByText('quy trình có vòng lặp không bao giờ kết thúc', { exact: false }).waitFor();
      await journey.shot(page, '07a-process-branch-loop');
      await step(1).locator('#step-1-outcome-1-to').selectOption(returnKey);
      await step(1).locator('#step-1-outcome-1-label').fill('Không đủ điều kiện');
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await page.getByRole('status').getByText('Đã lưu bản nháp.').waitFor();
      await page.getByTestId('version-table').getByText('Bản nháp').waitFor();
      // Shown again from what the API stored.
      expect(await step(1).locator('#step-1-next-by option:checked').innerText()).toBe('Cán bộ chọn hướng xử lý');
      expect(await step(1).locator('#step-1-outcome-1-label').inputValue()).toBe('Không đủ điều kiện');
      await journey.shot(page, '07a-process-branch');
      await step(1).getByLabel('Hướng đi', { exact: true }).selectOption({ label: 'Bước kế tiếp trong danh sách' });

      // Lấy ý kiến: the appraisal asks another unit of the province at once. An answer deadline
      // longer than the step is refused, naming the step; within it, the draft saves.
      await step(1).getByLabel('Bước lấy ý kiến các đơn vị').check();
      await step(1).locator('#step-1-consult-0-hours').fill('99');
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await page.getByTestId('step-1-problems').getByText('hạn trả lời 99 giờ làm việc vượt thời gian của bước', { exact: false }).waitFor();
      await step(1).locator('#step-1-consult-0-hours').fill('4');
      await step(1).getByLabel('Khi nào hồ sơ chuyển bước').selectOption({ label: 'Đủ ý kiến hoặc hết thời gian của bước' });
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await page.getByRole('status').getByText('Đã lưu bản nháp.').waitFor();
      // Shown again from what the API stored.
      await expect.poll(() => step(1).locator('#step-1-consult-wait').inputValue()).toBe('deadline');
      expect(await step(1).locator('#step-1-consult-0-hours').inputValue()).toBe('4');
      await journey.shot(page, '07a-process-consultation');
      await step(1).getByLabel('Bước lấy ý kiến các đơn vị').uncheck();

      // Liên thông giữa hai tỉnh: the appraisal goes to a department of another province, which hands it back.
      await step(1).getByLabel('Loại bước').selectOption({ label: 'Liên thông (chuyển đơn vị khác)' });
      await step(1).getByLabel('Thời gian (giờ làm việc)').fill('10');
      await step(1).getByLabel('Phạm vi liên thông').selectOption({ label: 'Tỉnh khác' });
      await step(1).getByLabel('Tỉnh nhận liên thông').selectOption({ label: world.neighbour.provinceName });
      await step(1)
        .getByLabel('Đơn vị nhận liên thông')
        .selectOption({ label: `${world.neighbour.unitName} (STP)` });
      await page.getByRole('button', { name: 'Thêm bước' }).click();
      await step(3).getByRole('button', { name: 'Lên: Bước 4' }).click();
      // Not at the sending unit, so the new step is the other province's: its units are offered.
      await step(2).getByTestId('step-2-province').getByText(`Do tỉnh khác xử lý: ${world.neighbour.provinceName}`).waitFor();
      await step(2).getByLabel('Tên bước').fill('Sở tỉnh bạn chuyển trả');
      await step(2).getByLabel('Đơn vị', { exact: true }).selectOption(world.neighbour.unitId);
      await step(2).getByLabel('Loại bước').selectOption({ label: 'Liên thông (chuyển đơn vị khác)' });
      const communeValue = await step(2).locator('#step-2-target option', { hasText: unitName }).getAttribute('value');
      await step(2).getByLabel('Đơn vị nhận liên thông').selectOption(communeValue);
      await step(2).getByLabel('Chiều liên thông').selectOption({ label: 'Xuống cấp dưới' });
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await page.getByRole('status').getByText('Đã lưu bản nháp.').waitFor();
      await page.getByTestId('version-table').getByText('Bản nháp').waitFor();
      // Shown again from what the API stored: the other province's names, not unknown units.
      await step(2).getByTestId('step-2-province').getByText(world.neighbour.provinceName, { exact: false }).waitFor();
      // The provinces' names and the other province's units load after the draft: wait for them
      // rather than read "Đang tải…".
      await expect.poll(() => step(1).locator('#step-1-province option:checked').innerText()).toBe(world.neighbour.provinceName);
      await expect.poll(() => step(1).locator('#step-1-target option:checked').innerText()).toContain(world.neighbour.unitName);
      await expect.poll(() => step(2).locator('#step-2-unit option:checked').innerText()).toContain(world.neighbour.unitName);
      await journey.shot(page, '07b-process-other-province');

      // Quy chế phối hợp: publishing the hand-over needs the neighbour's acceptance; proposed here, accepted there.
      const sendingUnit = await step(1).locator('#step-1-unit').inputValue();
      await page.getByRole('button', { name: 'Ban hành' }).click();
      await page.getByTestId('process-error').getByText('chưa có quy chế phối hợp được', { exact: false }).first().waitFor();
      // The agreements page beside the designer, in the same session, so the draft stays open.
      const agreements = await page.context().newPage();
      await agreements.goto(`${journey.url}/admin/agreements`);
      await agreements.getByRole('heading', { name: 'Quy chế phối hợp liên thông giữa các tỉnh', level: 1 }).waitFor();
      const proposal = agreements.getByTestId('propose-agreement');
      await proposal.getByLabel('Tỉnh nhận liên thông').selectOption({ label: world.neighbour.provinceName });
      await proposal.getByLabel('Thủ tục').selectOption(world.procedure.code);
      await proposal.getByLabel('Đơn vị gửi (của tỉnh mình)').selectOption(sendingUnit);
      await proposal.getByLabel('Đơn vị nhận (của tỉnh nhận)').selectOption({ label: `${world.neighbour.unitName} (STP)` });
      await proposal.getByLabel('Thời gian tỉnh nhận xử lý (giờ làm việc)').fill('40');
      await proposal.getByLabel('Nội dung phối hợp').fill('Sở Tư pháp tỉnh bạn thẩm định hồ sơ');
      await proposal.getByRole('button', { name: 'Gửi đề xuất' }).click();
      await proposal.getByText('Đã gửi đề xuất; chờ tỉnh nhận chấp nhận.').waitFor();
      const outgoing = agreements.getByTestId('agreement-table').getByRole('row').filter({ hasText: world.neighbour.provinceName });
      await outgoing.getByText('Chờ chấp nhận').waitFor();
      await journey.shot(agreements, '07c-agreement-proposed');
      const neighbourPage = await journey.newPage({ name: 'neighbour-admin' });
      await journey.signIn(neighbourPage, world.neighbour.adminLogin);
      await neighbourPage.goto(`${journey.url}/admin/agreements`);
      const incoming = neighbourPage.getByTestId('agreement-table').getByRole('row').filter({ hasText: world.provinceName });
      await incoming.getByText('Tỉnh mình nhận').waitFor();
      await incoming.getByRole('button', { name: 'Chấp nhận' }).click();
      await incoming.getByText('Đã chấp nhận').waitFor();
      await journey.shot(neighbourPage, '07d-agreement-accepted');
      await neighbourPage.context().close();
      // Back home the agreement shows accepted, and the process with the hand-over publishes.
      await agreements.reload();
      await outgoing.getByText('Đã chấp nhận').waitFor();
      await agreements.close();
      await page.getByRole('button', { name: 'Ban hành' }).click();
      await page.getByRole('status').getByText('Đã ban hành quy trình.').waitFor();

      // The working calendar: a local day off moves the promised date of a dossier.
      await page.getByRole('navigation').getByRole('link', { name: 'Lịch làm việc', exact: true }).click();
      await page.getByRole('heading', { name: 'Lịch làm việc', level: 1 }).waitFor();
      const due = page.getByTestId('due-date-tool');
      await due.getByLabel('Thời điểm tiếp nhận').fill('2026-02-13T18:30');
      await due.getByLabel('Thời hạn').fill('5');
      await due.getByRole('button', { name: 'Tính hạn' }).click();
      // Friday evening before Tết 2026: five working days end on Friday 27 February.
      await page.getByTestId('due-date-result').getByText('17:00, 27/02/2026').waitFor();
      const override = page.getByTestId('override-form');
      await override.getByLabel('Ngày', { exact: true }).fill('2026-02-24');
      await override.getByLabel('Loại ngày').selectOption({ label: 'Nghỉ' });
      await override.getByLabel('Lý do, căn cứ').fill('Nghỉ theo Quyết định của UBND tỉnh');
      await override.getByRole('button', { name: 'Thêm ngày' }).click();
      await page.getByTestId('override-table').getByText('24/02/2026').waitFor();
      await page.getByRole('button', { name: 'Lưu lịch làm việc' }).click();
      await page.getByRole('status').getByText('Đã lưu lịch làm việc.').waitFor();
      await page.getByTestId('special-days').getByText('Nghỉ theo Quyết định của UBND tỉnh (của tỉnh)').waitFor();
      await due.getByRole('button', { name: 'Tính hạn' }).click();
      await page.getByTestId('due-date-result').getByText('17:00, 02/03/2026').waitFor();
      await journey.shot(page, '08-calendar');

      // The same console at 360 px, the narrowest phone the platform supports.
      await page.setViewportSize({ width: 360, height: 740 });
      await page.getByRole('navigation').getByRole('link', { name: 'Đơn vị' }).click();
      await page.getByTestId('unit-tree').getByText(unitName).waitFor();
      await expectFitsPhone(page);
      // The designer and the calendar fit too: their tables scroll inside themselves.
      await page.goto(`${journey.url}/admin/processes?code=${world.procedure.code}`);
      await page.getByTestId('step-2').waitFor();
      await expectFitsPhone(page);
      await journey.shot(page, '09a-process-360px');
      await page.getByRole('navigation').getByRole('link', { name: 'Lịch làm việc', exact: true }).click();
      await page.getByTestId('special-days').waitFor();
      await expectFitsPhone(page);
      await page.getByRole('navigation').getByRole('link', { name: 'Đơn vị' }).click();
      await page.getByTestId('unit-tree').getByText(unitName).waitFor();
      // Rename and deactivate from the keyboard-sized screen; the tree shows what the API stored.
      const renamed = `Phường Ba Đình (mới) ${world.suffix}`;
      await page.getByRole('button', { name: `Đổi tên: ${unitName}` }).click();
      await page.getByLabel('Tên mới').fill(renamed);
      await page.getByLabel('Tên mới').press('Enter');
      await page.getByTestId('unit-tree').getByText(renamed).waitFor();
      await page.getByRole('button', { name: `Ngừng hoạt động: ${renamed}` }).click();
      await page.getByRole('button', { name: `Hoạt động lại: ${renamed}` }).waitFor();
      await journey.shot(page, '09-org-units-360px');

      // Two admins at once: another one renames the unit while this page still shows it as it
      // was. This page's rename names the old revision, so the API refuses it (412); the page
      // says someone else changed it and reloads, showing the other admin's name.
      const other = await journey.newPage({ name: 'province-admin-2' });
      await journey.signIn(other, world.provinceAdmin, ADMIN_PASSWORD);
      const theirs = `Phường Ba Đình (bên kia) ${world.suffix}`;
      await other.getByRole('button', { name: `Đổi tên: ${renamed}` }).click();
      await other.getByLabel('Tên mới').fill(theirs);
      await other.getByLabel('Tên mới').press('Enter');
      await other.getByTestId('unit-tree').getByText(theirs).waitFor();
      await page.getByRole('button', { name: `Đổi tên: ${renamed}` }).click();
      await page.getByLabel('Tên mới').fill(`Phường Ba Đình (ghi đè) ${world.suffix}`);
      await page.getByLabel('Tên mới').press('Enter');
      await page.getByTestId('stale-notice').getByText('Dữ liệu này vừa được người khác thay đổi.').waitFor();
      await page.getByTestId('unit-tree').getByText(theirs).waitFor();
      expect(await page.getByTestId('unit-tree').getByText('(ghi đè)').count()).toBe(0);
      await journey.shot(page, '09b-stale-rename');
      await other.context().close();
      await page.context().close();
    },
  );

  it(
    'the officer accepts the invitation; the admin resets the password without seeing a code; the officer sets a new one, lands on the inbox, and is offered no admin console',
    { timeout: 90_000 },
    async () => {
      // On a phone, as officers often are: the invitation link from the mail.
      const page = await journey.newPage({ name: 'officer', viewport: 'phone' });
      const invitation = await mailedText(runtime.standIns, officer.email, 1);
      await page.goto(`${journey.url}${linkPathIn(invitation)}`);
      const accept = page.getByTestId('invitation-form');
      await accept.getByLabel('Mật khẩu mới').fill('MatKhauDauTien2026');
      await accept.getByRole('button', { name: 'Đặt mật khẩu và kích hoạt' }).click();
      await page.getByTestId('invitation-accepted').waitFor();
      await expectFitsPhone(page);
      await journey.shot(page, '10a-officer-invitation-accepted');

      const admin = await journey.newPage({ name: 'reset-password' });
      await journey.signIn(admin, world.provinceAdmin, ADMIN_PASSWORD);
      await admin.getByRole('heading', { name: 'Cơ cấu tổ chức' }).waitFor();
      await admin.getByRole('navigation').getByRole('link', { name: 'Cán bộ' }).click();
      await admin.getByRole('button', { name: `Đặt lại mật khẩu: ${officer.fullName}` }).click();
      const reset = admin.getByTestId('reset-password-form');
      // Nothing to type: the admin never chooses, sees or hands over a password.
      expect(await reset.locator('input').count()).toBe(0);
      await reset.getByRole('button', { name: 'Gửi mã đặt lại mật khẩu' }).click();
      await admin.getByRole('status').getByText('Đã đặt lại mật khẩu: mã đặt lại đã được gửi tới cán bộ.').waitFor();
      const resetMail = await mailedText(runtime.standIns, officer.email, 2);
      expect(await admin.content()).not.toContain(codeIn(resetMail));
      await admin.context().close();

      // The old password no longer works; the mailed link opens the reset page with the login filled in.
      await journey.signIn(page, officer.login, 'MatKhauDauTien2026');
      await page.getByRole('alert').getByText('Sai tên đăng nhập hoặc mật khẩu.').waitFor();
      await page.goto(`${journey.url}${linkPathIn(resetMail)}`);
      const form = page.getByTestId('reset-form');
      expect(await form.getByLabel('Tên đăng nhập, email hoặc số điện thoại').inputValue()).toBe(officer.login);
      await form.getByLabel('Mã xác thực').fill(codeIn(resetMail));
      await form.getByLabel('Mật khẩu mới').fill(officer.password);
      await form.getByRole('button', { name: 'Đặt mật khẩu' }).click();
      await page.getByTestId('password-reset').waitFor();
      await journey.signIn(page, officer.login, officer.password);
      await page.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/officer/inbox');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByTestId('user-name').getByText(officer.fullName).waitFor();
      const nav = page.getByRole('navigation');
      await nav.getByRole('link', { name: 'Tỉnh, thành phố' }).waitFor();
      for (const name of ['Đơn vị', 'Cán bộ', 'Phân quyền', 'Thủ tục', 'Quy trình', 'Lịch làm việc'])
        expect(await nav.getByRole('link', { name, exact: true }).count()).toBe(0);
      // Typing the address does not open it either.
      await page.goto(`${journey.url}/admin/units`);
      await page.getByText('Tài khoản của bạn không có quyền xem trang này.').waitFor();
      // Changing it again later is one link away, beside the name.
      await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
      await page.getByRole('heading', { name: 'Đổi mật khẩu', level: 1 }).waitFor();
      expect(await page.getByTestId('password-change-required').count()).toBe(0);
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('heading', { name: 'Đăng nhập hệ thống' }).waitFor();
      // The session is over at the API too, not just hidden in the page.
      expect(await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).toBe(401);
      await page.context().close();
    },
  );

  it("the province admin revokes the officer's role and deactivates the officer, who can then no longer sign in", { timeout: 30_000 }, async () => {
    const page = await journey.newPage({ name: 'deactivate' });
    await journey.signIn(page, world.provinceAdmin, ADMIN_PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Phân quyền' }).click();
    await page.getByRole('button', { name: `Thu hồi: Chuyên viên xử lý – ${officer.fullName}` }).click();
    const revoke = page.getByTestId('revoke-form');
    await revoke.getByLabel('Lý do, căn cứ').fill('Điều chuyển công tác');
    await revoke.getByRole('button', { name: 'Thu hồi' }).click();
    await page.getByRole('status').getByText('Đã thu hồi vai trò.').waitFor();
    // The list reloads after the notice: the revoked assignment leaves it.
    await page.getByTestId('role-table').getByRole('row').filter({ hasText: officer.fullName }).waitFor({ state: 'detached' });
    await page.getByTestId('role-table').getByText('Quản trị tỉnh').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Cán bộ' }).click();
    const row = page.getByTestId('officer-table').getByRole('row').filter({ hasText: officer.fullName });
    await row.getByRole('button', { name: `Ngừng hoạt động: ${officer.fullName}` }).click();
    await page.getByRole('status').getByText('Đã ngừng hoạt động tài khoản cán bộ.').waitFor();
    await row.getByRole('button', { name: `Hoạt động lại: ${officer.fullName}` }).waitFor();
    expect(await row.innerText()).toContain('Ngừng hoạt động');
    await journey.shot(page, '10-officer-deactivated');
    await page.context().close();

    const officerPage = await journey.newPage({ name: 'deactivated-officer' });
    await journey.signIn(officerPage, officer.login, officer.password);
    await officerPage.getByRole('alert').getByText('Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị tỉnh.').waitFor();
    expect(await officerPage.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).toBe(401);
    await officerPage.context().close();
  });

  it(
    'the province admin reactivates the officer, edits their details and moves them to another unit, then sees what they still hold',
    { timeout: 30_000 },
    async () => {
      const page = await journey.newPage({ name: 'officer-lifecycle' });
      await journey.signIn(page, world.provinceAdmin, ADMIN_PASSWORD);
      await page.getByRole('navigation').getByRole('link', { name: 'Cán bộ' }).click();
      const row = page.getByTestId('officer-table').getByRole('row').filter({ hasText: officer.fullName });
      await row.getByRole('button', { name: `Hoạt động lại: ${officer.fullName}` }).click();
      await page.getByRole('status').getByText('Đã kích hoạt lại tài khoản cán bộ.').waitFor();

      await row.getByRole('button', { name: `Sửa thông tin: ${officer.fullName}` }).click();
      const edit = page.getByTestId('edit-officer-form');
      expect(await edit.getByLabel('Chức vụ').inputValue()).toBe('Chuyên viên');
      // The API's phone rule, beside the field; nothing is saved.
      await edit.getByLabel('Điện thoại di động').fill('12345');
      await edit.getByRole('button', { name: 'Lưu' }).click();
      await edit.getByText('Số điện thoại di động không đúng định dạng Việt Nam').waitFor();
      await edit.getByLabel('Điện thoại di động').fill('0912 345 678');
      await edit.getByLabel('Chức vụ').fill('Chuyên viên chính');
      await edit.getByRole('button', { name: 'Lưu' }).click();
      await page.getByRole('status').getByText('Đã lưu thông tin cán bộ.').waitFor();
      await row.getByText('Chuyên viên chính').waitFor();

      await row.getByRole('button', { name: `Chuyển đơn vị: ${officer.fullName}` }).click();
      const move = page.getByTestId('move-officer-form');
      const root = await move.locator('#m-unit option', { hasText: `Ủy ban nhân dân ${world.provinceName}` }).getAttribute('value');
      await move.getByLabel('Đơn vị mới').selectOption(root);
      await move.getByLabel('Căn cứ điều chuyển (số quyết định…)').fill('Quyết định điều chuyển số 12/QĐ');
      await move.getByRole('button', { name: 'Chuyển đơn vị' }).click();
      await page.getByRole('status').getByText('Đã chuyển cán bộ sang đơn vị mới.').waitFor();
      // Nothing is reassigned silently: the tasks the officer still holds are listed (none here).
      await page.getByTestId('open-tasks').getByText('Cán bộ không còn công việc đang mở.').waitFor();
      await row.getByText(`Ủy ban nhân dân ${world.provinceName}`).waitFor();
      await journey.shot(page, '10b-officer-moved');
      await page.context().close();
    },
  );

  it(
    'the province admin imports a unit, then officers into it from an Excel CSV: a bad row is reported and nothing written, then the fixed file creates them',
    { timeout: 40_000 },
    async () => {
      const page = await journey.newPage({ name: 'officer-import' });
      await journey.signIn(page, world.provinceAdmin, ADMIN_PASSWORD);
      // A unit under the province's root, whose code is typed in lower case as a spreadsheet may have it.
      await page.getByRole('navigation').getByRole('link', { name: 'Đơn vị' }).click();
      const units = page.getByTestId('unit-import');
      const unitFile = Buffer.from(
        `Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên\nNHAP-${world.suffix},Phòng Nhập ${world.suffix},"Phòng, bộ phận",ubnd-t${world.suffix}\n`,
      );
      await units.getByLabel('Tệp CSV để nhập').setInputFiles({ name: 'don-vi.csv', mimeType: 'text/csv', buffer: unitFile });
      await units.getByRole('button', { name: 'Nhập tệp' }).click();
      await units.getByRole('status').getByText('Đã tạo 1 đơn vị.').waitFor();
      await page.getByTestId('unit-tree').getByText(`Phòng Nhập ${world.suffix}`).waitFor();
      await page.getByRole('navigation').getByRole('link', { name: 'Cán bộ' }).click();
      const card = page.getByTestId('officer-import');
      const file = (cccd: string) => ({
        name: 'can-bo.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          '\uFEFFHọ và tên;Tên đăng nhập;Số CCCD;Điện thoại di động;Email công vụ;Chức vụ;Mã đơn vị\r\n' +
            `Vũ Thị Nhập;nhap.${world.suffix};${cccd};0912 000 111;nhap.${world.suffix}@example.gov.vn;Chuyên viên;NHAP-${world.suffix}\r\n`,
        ),
      });
      await card.getByLabel('Tệp CSV để nhập').setInputFiles(file('123'));
      await card.getByRole('button', { name: 'Kiểm tra tệp' }).click();
      const report = page.getByTestId('import-error');
      await report.getByText('Số CCCD gồm đúng 12 chữ số, bắt đầu bằng mã tỉnh (0xx)').waitFor();
      expect(await report.getByRole('row').nth(1).innerText()).toContain('Số CCCD');
      await journey.shot(page, '10c-officer-import-report');
      await card.getByLabel('Tệp CSV để nhập').setInputFiles(file('001099077777'));
      await card.getByRole('button', { name: 'Kiểm tra tệp' }).click();
      await card.getByRole('status').getByText('Tệp hợp lệ: 1 cán bộ sẵn sàng để nhập. Chưa có gì được ghi.').waitFor();
      await card.getByRole('button', { name: 'Nhập tệp' }).click();
      await card.getByRole('status').getByText('Đã tạo 1 cán bộ và gửi lời mời.').waitFor();
      await page.getByTestId('officer-table').getByRole('row').filter({ hasText: 'Vũ Thị Nhập' }).waitFor();
      await page.context().close();
    },
  );

  it('after the ministry reads the province, its admin sees who read it, and the audit log with an intact chain', { timeout: 60_000 }, async () => {
    const ministry = await journey.newPage({ name: 'ministry-reads-province' });
    await journey.signIn(ministry, world.ministryOversight);
    await ministry.getByTestId('user-name').getByText('Trần Thu Hà').waitFor();
    await ministry.goto(`${journey.url}/ministry/provinces/${world.tenantId}`);
    await ministry.getByTestId('province-kpis').waitFor();
    await ministry.context().close();

    const page = await journey.newPage({ name: 'audit-log' });
    await journey.signIn(page, world.provinceAdmin, ADMIN_PASSWORD);
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Bộ đã xem dữ liệu' }).click();
    await page.getByRole('heading', { name: 'Bộ đã xem dữ liệu của tỉnh', level: 1 }).waitFor();
    const reads = page.getByTestId('ministry-reads-table');
    await reads.getByRole('row').filter({ hasText: '/api/reports/provinces/:tenantId/units' }).filter({ hasText: 'Trần Thu Hà' }).first().waitFor();
    await journey.shot(page, '11-ministry-reads');

    await nav.getByRole('link', { name: 'Nhật ký thao tác' }).click();
    await page.getByTestId('chain-status').getByText('Chuỗi băm toàn vẹn', { exact: false }).waitFor();
    const log = page.getByTestId('audit-table');
    await log.getByText('org_unit.created').first().waitFor();
    await page.getByLabel('Thao tác (hoặc phần đầu, ví dụ org_unit.)').fill('role.');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await log.getByText('org_unit.created').first().waitFor({ state: 'detached' });
    await log.getByText('role.granted').first().waitFor();
    await journey.shot(page, '12-audit-log');
    // The log as filtered, as an Excel file named in Vietnamese after the province.
    const excel = page.getByTestId('export-audit-log').getByRole('link', { name: 'Tải Excel' });
    expect(new URL((await excel.getAttribute('href')) ?? '', journey.url).searchParams.get('action')).toBe('role.');
    const [download] = await Promise.all([page.waitForEvent('download'), excel.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^Nhật ký thao tác ${world.provinceName} \\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    // A whole XLSX is a zip that ends with its central directory.
    const xlsx = await readFile(await download.path());
    expect([...xlsx.subarray(0, 2), ...xlsx.subarray(-22, -18)]).toEqual([0x50, 0x4b, 0x50, 0x4b, 0x05, 0x06]);
    await page.context().close();
  });

  it('the province admin follows up an overdue, untouched dossier and sets the stuck threshold', { timeout: 60_000 }, async () => {
    const dossier = await seedOverdueDossier(inject('adminDatabaseUrl'), { tenantId: world.tenantId, procedureCode: world.procedure.code });
    const page = await journey.newPage({ name: 'work-lists' });
    await journey.signIn(page, world.provinceAdmin, ADMIN_PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Giám sát hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Giám sát hồ sơ', level: 1 }).waitFor();
    // Overdue first; the row opens the officer's dossier page.
    const row = page.getByTestId(`work-list-row-${dossier.code}`);
    await row.waitFor();
    expect(await row.getByRole('link', { name: dossier.code }).getAttribute('href')).toBe(`/officer/dossiers/${world.tenantId}/${dossier.id}`);
    await page.getByRole('tab', { name: 'Sắp đến hạn' }).click();
    await page.getByTestId('work-list-empty').waitFor();
    // Nobody has acted on it since March: stuck at the default threshold of 3 working days.
    await page.getByRole('tab', { name: 'Tồn đọng' }).click();
    await page.getByTestId('stuck-rule').getByText('quá 3 ngày làm việc', { exact: false }).waitFor();
    await row.waitFor();
    const setting = page.getByTestId('stuck-setting');
    await setting.getByLabel('Số ngày làm việc không có thao tác').fill('61');
    await setting.getByRole('button', { name: 'Lưu', exact: true }).click();
    await setting.getByRole('alert').waitFor();
    await setting.getByText('số ngày làm việc từ 1 đến 60').first().waitFor();
    await setting.getByLabel('Số ngày làm việc không có thao tác').fill('5');
    await setting.getByRole('button', { name: 'Lưu', exact: true }).click();
    await setting.getByRole('status').getByText('Đã lưu ngưỡng hồ sơ tồn đọng.').waitFor();
    await page.getByTestId('stuck-rule').getByText('quá 5 ngày làm việc', { exact: false }).waitFor();
    await journey.shot(page, '13-work-lists');
    await page.context().close();
  });

  it("the province admin sets the province's notification sender beside its units, and sees what its messages cost", { timeout: 60_000 }, async () => {
    const page = await journey.newPage({ name: 'notification-sender' });
    await journey.signIn(page, world.provinceAdmin, ADMIN_PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Đơn vị' }).click();
    const form = page.getByTestId('notification-sender');
    const brandname = form.getByLabel('Tên định danh SMS (brandname)');
    // Accents are refused by the carriers, so by the API, whose words are shown beside the field.
    await brandname.fill('Một cửa');
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await form.getByText('Tên định danh SMS chỉ gồm chữ không dấu', { exact: false }).first().waitFor();
    await brandname.fill('UBND TEST');
    await form.getByLabel('Tên người gửi thư').fill('Một cửa tỉnh Thử nghiệm');
    await form.getByLabel('Địa chỉ gửi thư').fill(`motcua.${world.suffix}@example.gov.vn`);
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await form.getByRole('status').getByText('Đã lưu danh tính gửi thông báo.').waitFor();
    await page.reload();
    expect(await page.getByTestId('notification-sender').getByLabel('Tên định danh SMS (brandname)').inputValue()).toBe('UBND TEST');
    // The invitations of this province's admin and officer went out by email, on the province's account.
    await page.getByTestId('notification-usage').getByRole('row').filter({ hasText: 'Thư điện tử' }).waitFor();
    await journey.shot(page, '13b-notification-sender');
    await page.context().close();
  });

  // After the work lists: their overdue dossier, received on 2 March 2026, is the province's figure.
  it("the province admin reads the province's report by unit for a chosen period, as cards, charts and a table", { timeout: 60_000 }, async () => {
    const page = await journey.newPage({ name: 'province-report' });
    await journey.signIn(page, world.provinceAdmin, ADMIN_PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await page.getByRole('heading', { name: 'Báo cáo tình hình giải quyết hồ sơ', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Toàn tỉnh', level: 2 }).waitFor();
    await page.getByLabel('Từ ngày').fill('2026-03-01');
    await page.getByLabel('Đến ngày').fill('2026-03-31');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await page.getByTestId('period-shown').getByText('01/03/2026', { exact: false }).waitFor();
    const kpis = page.getByTestId('report-kpis');
    await kpis.locator('[data-kpi="toHandle"] .kpi-value').getByText('1', { exact: true }).waitFor();
    expect(await kpis.locator('[data-kpi="inProgressOverdue"] .kpi-value').innerText()).toBe('1');
    await page.getByTestId('chart-overdue').locator('svg').waitFor();
    await page.getByTestId('unit-report-table').getByTestId('province-totals').getByText('Toàn tỉnh').waitFor();
    expect(await page.getByTestId('unit-report-table').locator('tbody tr').count()).toBe(1);
    // The download keeps the period; a preset fills both dates and says it is the one shown.
    const csv = page.getByTestId('export-units').getByRole('link', { name: 'Tải CSV' });
    expect(new URL((await csv.getAttribute('href')) ?? '', journey.url).searchParams.get('from')).toBe('2026-03-01');
    await journey.shot(page, '14a-province-report');
    await page.getByTestId('period-presets').getByRole('button', { name: 'Năm trước' }).click();
    await page.getByTestId('period-presets').getByRole('button', { name: 'Năm trước', pressed: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('from')).toMatch(/^\d{4}-01-01$/);
    await page.context().close();
  });

  it('the province admin reads the satisfaction results by unit and procedure, without any comment', { timeout: 60_000 }, async () => {
    const comment = 'Góp ý riêng không được hiện';
    await seedSurveyAnswer(inject('adminDatabaseUrl'), { tenantId: world.tenantId, procedureCode: world.procedure.code, comment });
    const page = await journey.newPage({ name: 'survey-results' });
    await journey.signIn(page, world.provinceAdmin, ADMIN_PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Kết quả đánh giá hài lòng' }).click();
    await page.getByRole('heading', { name: 'Kết quả đánh giá sự hài lòng', level: 1 }).waitFor();
    const byProcedure = page.getByTestId('survey-by-procedure');
    await byProcedure.getByText(world.procedure.code).waitFor();
    // One answer: its count, then the four averages in the survey's order.
    const cells = await byProcedure.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(cells.slice(1)).toEqual(['1', '5', '3', '4', '4']);
    await page.getByTestId('survey-by-unit').getByText('Toàn bộ').waitFor();
    expect(await page.locator('main').innerText()).not.toContain(comment);
    await journey.shot(page, '14-survey-results');
    // A period before any answer: nothing to show.
    await page.getByLabel('Từ ngày').fill('2026-01-01');
    await page.getByLabel('Đến ngày').fill('2026-01-31');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await page.getByTestId('survey-results-empty').waitFor();
    await page.getByTestId('survey-results-period').getByText('Kỳ: 01/01/2026 – 31/01/2026').waitFor();
    await page.context().close();
  });

  // The dashboard and drill-down are ministry-journey.test.ts's; here only the console's gate.
  it('ministry staff, who read every province, are offered no province console', { timeout: 30_000 }, async () => {
    const page = await journey.newPage({ name: 'ministry' });
    await journey.signIn(page, world.ministryOversight);
    await page.getByTestId('user-name').getByText('Trần Thu Hà').waitFor();
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Tỉnh, thành phố' }).waitFor();
    for (const name of ['Đơn vị', 'Cán bộ', 'Phân quyền', 'Thủ tục', 'Quy trình', 'Lịch làm việc'])
      expect(await nav.getByRole('link', { name, exact: true }).count()).toBe(0);
    // Oversight may read processes and calendars, but has no home province to run from here.
    await page.goto(`${journey.url}/admin/processes`);
    await page.getByText('Tài khoản của bạn không có quyền xem trang này.').waitFor();
    await page.context().close();
  });

  // Last: it drops the province admin's authenticator, so no step after it signs them in.
  it("the ministry admin resets a province admin's lost second factor from the province's page", { timeout: 30_000 }, async () => {
    const page = await journey.newPage({ name: 'reset-factor' });
    await journey.signIn(page, world.ministryAdmin);
    await page.goto(`${journey.url}/ministry/provinces/${world.tenantId}`);
    const admin = page.getByTestId('admin-list').getByRole('listitem').filter({ hasText: world.provinceAdmin });
    await admin.getByRole('button', { name: /^Đặt lại xác thực hai lớp/ }).click();
    const form = page.getByTestId('reset-factor-form');
    await form.getByRole('button', { name: 'Đặt lại xác thực hai lớp' }).click();
    await page.getByRole('status').getByText('Đã đặt lại xác thực hai lớp; người đó sẽ đăng ký lại khi đăng nhập.').waitFor();
    await journey.shot(page, '14-factor-reset');
    // Done once: a second reset finds nothing enrolled, and says so.
    await admin.getByRole('button', { name: /^Đặt lại xác thực hai lớp/ }).click();
    await form.getByRole('button', { name: 'Đặt lại xác thực hai lớp' }).click();
    await form.getByRole('alert').waitFor();
    await page.context().close();
  });
});
