/// <reference types="node" />
// Lấy ý kiến in real headless Chromium against the real API process, database, Temporal worker
// and outbox relay (docs/domain/consultations.md): a dossier reaches a step that asks the
// department for its opinion; the department's specialist finds the request in the unit's inbox
// and answers it, on a phone, after reading it back; the department's leader, whose form was
// still open, is told it was answered meanwhile; the commune specialist who asked reads the answer
// on the dossier's page and the late request in the late list. Every step waits on what the user
// would see.
import { randomUUID } from 'node:crypto';
import { PDF, type DossierWorld, type Officer } from '@gov/api/testing';
import { MS_PER_HOUR } from '@gov/calendar';
import { createDb, schema, withTenant } from '@gov/db';
import type { ProcessStep } from '@gov/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './accessibility.js';
import { signInApi } from './accounts.js';
import { expectFitsPhone, startDossierJourney, type DossierJourney } from './journey.js';

let journey: DossierJourney;
let world: DossierWorld;
let database: ReturnType<typeof createDb>;

const QUESTION = 'Đề nghị Sở Nội vụ cho ý kiến về việc cấp phép.';
const OPINION = 'Đồng ý cấp phép; hồ sơ đủ điều kiện.';
const ASKING_UNIT = 'Bộ phận một cửa xã An Bình';

/** The world's process, with a step that asks the department and waits for its answer. */
async function consultingProcess() {
  const step = (key: string, kind: ProcessStep['kind'], role: ProcessStep['role'], name: string, nationalStatus: number): ProcessStep => ({
    key,
    kind,
    name,
    role,
    orgUnitId: world.communeId,
    allottedWorkingHours: 16,
    nationalStatus,
    localStatus: key,
    allowReturnToPrevious: false,
  });
  const steps: ProcessStep[] = [
    step('receive', 'receive', 'reception_officer', 'Tiếp nhận hồ sơ', 1),
    {
      ...step('ask', 'process', 'specialist', 'Lấy ý kiến Sở Nội vụ', 4),
      consultation: { wait: 'all', question: QUESTION, units: [{ orgUnitId: world.departmentId, workingHours: 8 }] },
    },
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

/** Received at the counter through the API (the officer journey does it on screen); accepted at once, so it reaches the consulting step. */
async function receiveAtCounter(): Promise<{ dossierId: string; code: string }> {
  const { cookie, csrfToken } = await signInApi(journey.url, world.logins.reception);
  const form = new FormData();
  form.set(
    'dossier',
    JSON.stringify({ procedureCode: world.procedureCode, channel: 'in_person', applicant: { fullName: 'Vũ Thị Hỏi', citizenId: '001190007777' } }),
  );
  form.append('don', new File([new Uint8Array(PDF)], 'don.pdf', { type: 'application/pdf' }));
  const response = await fetch(`${journey.url}/api/tenants/${world.tenantId}/dossiers`, {
    method: 'POST',
    headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Idempotency-Key': randomUUID() },
    body: form,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { dossierId: string; code: string };
}

/**
 * A request of the same dossier to the province's People's Committee, answered after its deadline:
 * written as the workflow's projection writes it (a late answer needs hours to pass), so the
 * asking unit has something in its late list.
 */
async function answeredLate(dossierId: string, code: string): Promise<string> {
  const u = schema.orgUnits;
  return withTenant(database.sql, world.tenantId, async (tx) => {
    const [root] = await tx
      .select({ id: u.id, name: u.name })
      .from(u)
      .where(and(eq(u.tenantId, world.tenantId), isNull(u.parentId)));
    const dueAt = new Date(Date.now() - 2 * MS_PER_HOUR);
    await tx.insert(schema.dossierConsultations).values({
      tenantId: world.tenantId,
      id: randomUUID(),
      askingTenantId: world.tenantId,
      consultedTenantId: world.tenantId,
      dossierId,
      dossierCode: code,
      procedureCode: world.procedureCode,
      workflowId: `ended-${dossierId}`,
      stepKey: 'ask',
      stepName: 'Lấy ý kiến Sở Nội vụ',
      askingUnitId: world.communeId,
      consultedUnitId: root!.id,
      requestedAt: new Date(dueAt.getTime() - MS_PER_HOUR),
      dueAt,
      overdueAt: dueAt,
      answer: 'Ý kiến gửi muộn',
      answeredAt: new Date(Date.now() - MS_PER_HOUR),
    });
    return root!.name;
  });
}

beforeAll(async () => {
  journey = await startDossierJourney({ name: 'consultation', actionTimeoutMs: 15_000 });
  world = journey.world;
  database = createDb(inject('databaseUrl'), { max: 1 });
  await consultingProcess();
});

afterAll(async () => {
  await database?.sql.end({ timeout: 1 });
  await journey?.stop();
});

/** A fresh browser profile per officer, signed in, on the unit's requests for an opinion. */
async function onConsultations(who: Officer): Promise<Page> {
  const page = await journey.newPage({ name: who });
  await journey.signIn(page, world.logins[who]);
  await page.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor();
  await page.getByRole('navigation').getByRole('link', { name: 'Xin ý kiến', exact: true }).click();
  await page.getByRole('heading', { name: 'Xin ý kiến cần trả lời', level: 1 }).waitFor();
  return page;
}

describe('a consultation (lấy ý kiến) in a real browser', () => {
  it('the consulted unit answers its request once, and the asking unit reads the answer and the late one', { timeout: 240_000 }, async () => {
    const { dossierId, code } = await receiveAtCounter();
    const row = (page: Page) => page.getByTestId(`consultation-${code}`);

    // The department's leader opens the answer form first and leaves it open.
    const leader = await onConsultations('deptLeader');
    // The workflow opens the request once the dossier enters the step: reload until it is listed.
    await expect
      .poll(
        async () => {
          await leader.reload();
          await leader.getByTestId('consultation-inbox').or(leader.getByTestId('consultation-inbox-empty')).waitFor();
          return row(leader).count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await row(leader).getByRole('button', { name: 'Trả lời' }).click();
    await leader.getByTestId('consultation-answer-form').getByLabel('Ý kiến của đơn vị').fill('Lãnh đạo Sở đồng ý.');

    // The department's specialist, on a phone: the request with who asks, what and by when.
    const specialist = await onConsultations('deptSpecialist');
    await specialist.setViewportSize({ width: 360, height: 740 });
    const request = row(specialist);
    await request.getByText(ASKING_UNIT).waitFor();
    await request.getByText(QUESTION).waitFor();
    await request.getByText(world.procedureCode).waitFor();
    expect(await request.getByTestId('consultation-late').count()).toBe(0);
    await expectFitsPhone(specialist);
    await expectAccessible(specialist, 'the consultation inbox');
    await journey.shot(specialist, '01-inbox');

    await request.getByRole('button', { name: 'Trả lời' }).click();
    const form = specialist.getByTestId('consultation-answer-form');
    await form.getByRole('heading', { name: `Trả lời xin ý kiến về hồ sơ ${code}` }).waitFor();
    // Nothing typed: the browser holds the form back.
    await form.getByRole('button', { name: 'Xem lại trước khi gửi' }).click();
    const text = form.getByLabel('Ý kiến của đơn vị');
    expect(await text.evaluate((input) => (input as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
    await text.fill(OPINION);
    await form.getByRole('button', { name: 'Xem lại trước khi gửi' }).click();
    const confirm = form.getByTestId('consultation-confirm');
    await confirm.getByText(`Gửi ý kiến này cho ${ASKING_UNIT}? Ý kiến đã gửi không sửa được.`).waitFor();
    await expectFitsPhone(specialist);
    await journey.shot(specialist, '02-confirm');
    await confirm.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await specialist.getByTestId('consultation-notice').getByText(`Đã gửi ý kiến về hồ sơ ${code}.`).waitFor();
    await specialist.getByTestId('consultation-inbox-empty').waitFor();
    // The unit's record of what it said.
    await specialist.getByLabel('Hiện cả các yêu cầu đơn vị đã trả lời').check();
    await row(specialist).getByText(OPINION).waitFor();
    await journey.shot(specialist, '03-answered');
    await specialist.context().close();

    // The leader's open form: answered meanwhile, in the API's words, and the list reloaded.
    await leader.getByTestId('consultation-answer-form').getByRole('button', { name: 'Xem lại trước khi gửi' }).click();
    await leader.getByTestId('consultation-confirm').getByRole('button', { name: 'Gửi ý kiến' }).click();
    await leader.getByTestId('consultation-gone').getByText('Yêu cầu xin ý kiến này đã được trả lời. Danh sách đã được tải lại.').waitFor();
    await leader.getByTestId('consultation-inbox-empty').waitFor();
    expect(await leader.getByTestId('consultation-answer-form').count()).toBe(0);
    await journey.shot(leader, '04-answered-meanwhile');
    await leader.context().close();

    // The commune specialist who asked: the answer on the dossier's page, and a late request flagged.
    const lateUnit = await answeredLate(dossierId, code);
    const asker = await onConsultations('specialist');
    const late = asker.getByTestId('late-consultations');
    await late.getByTestId('late-consultation-figures').locator('[data-kpi="total"] .kpi-value').getByText('1', { exact: true }).waitFor();
    await late.getByTestId('late-consultation-figures').locator('[data-kpi="unanswered"] .kpi-value').getByText('0', { exact: true }).waitFor();
    const lateRow = late.getByRole('row').filter({ hasText: lateUnit });
    await lateRow.getByText('Quá hạn').waitFor();
    await journey.shot(asker, '05-late-list');
    await lateRow.getByRole('link', { name: code }).click();
    await asker.getByTestId('dossier-code').getByText(code).waitFor();
    const consultations = asker.getByTestId('dossier-consultations');
    await consultations.getByRole('heading', { name: 'Lấy ý kiến các đơn vị' }).waitFor();
    const department = consultations.getByRole('row').filter({ hasText: OPINION });
    await department.getByText('Sở Nội vụ', { exact: true }).waitFor();
    await department.getByText(/^Đã trả lời lúc /).waitFor();
    expect(await department.getByTestId('consultation-late').count()).toBe(0);
    await consultations.getByRole('row').filter({ hasText: lateUnit }).getByTestId('consultation-late').waitFor();
    // Every unit answered: the step moved on by itself.
    await expect
      .poll(
        async () => {
          await asker.reload();
          return (await asker.getByTestId('current-step').innerText()).trim();
        },
        { timeout: 20_000 },
      )
      .toBe('Trả kết quả');
    // The history names each part in words, as the control sheet prints it.
    const history = asker.getByTestId('timeline');
    await history.locator('[data-kind="consultation_answered"]').getByText('Ý kiến của đơn vị được hỏi').waitFor();
    await history.locator('[data-kind="consultation_completed"]').getByText('Đủ ý kiến, chuyển bước tiếp theo').waitFor();
    await journey.shot(asker, '06-dossier-answers');
    await asker.context().close();
  });
});
