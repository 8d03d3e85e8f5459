import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { feedbackWorkflowId, outboxMessage } from '@gov/domain/contract';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { eventually } from '../testing/dossier-client.js';
import { startDossierRuntime } from '../testing/dossier-runtime.js';
import { buildTenantWorld, call, signIn, type Session, type TenantWorld } from '../testing/world.js';

// A feedback item's workflow end to end: started by the outbox relay, reminding the unit's
// officers, escalating to the province's admins at the due time, sending the answer to the author
// through the real SMTP and SMS sinks. The instants are seconds away here: the time-skipping test
// server cannot be installed (docs/adr/0009-temporal-dev-server-from-the-go-module.md), so the
// 5 working days on the province's calendar, holidays and weekends included, are tested as pure
// functions (services/core/src/feedback/feedback-deadlines.test.ts) and the API's write of these
// same rows in feedback.test.ts.
const taskQueue = `api-feedback-${randomUUID()}`;
const { deps, close } = createTestDeps({ taskQueue });
const app = createApp(deps);
let world: TenantWorld;
let runtime: Awaited<ReturnType<typeof startDossierRuntime>>;
let clerk: Session;
const f = schema.feedbackItems;

beforeAll(async () => {
  world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
  runtime = await startDossierRuntime({
    databaseUrl: inject('databaseUrl'),
    temporalAddress: inject('temporalAddress'),
    namespace: inject('temporalNamespace'),
    taskQueue,
    tenantIds: () => [world.tenantId],
  });
  clerk = await signIn(app, world.logins.reception_officer);
});
afterAll(async () => {
  await runtime?.close();
  await close();
});

/** What the API writes on receipt, with the reminder and the due time `remindInMs` and `dueInMs` from now. */
async function receive(remindInMs: number, dueInMs: number) {
  const id = randomUUID();
  const email = `tac-gia-${id.slice(0, 8)}@example.vn`;
  const now = Date.now();
  const input = { tenantId: world.tenantId, feedbackId: id, remindAt: new Date(now + remindInMs).toISOString(), dueAt: new Date(now + dueInMs).toISOString() };
  await withTenant(deps.sql, world.tenantId, async (tx) => {
    await tx.insert(f).values({
      tenantId: world.tenantId,
      id,
      subject: 'unit',
      unitId: world.wardId,
      contactName: 'Lê Thị Tác Giả',
      contactEmail: email,
      content: 'Xin hỏi thời gian làm việc buổi chiều.',
      dueAt: new Date(input.dueAt),
    });
    await tx.insert(schema.outbox).values({ tenantId: world.tenantId, ...outboxMessage('feedback.start', { input }) });
  });
  const started = () =>
    runtime.relay.drainOnce().then(() =>
      deps
        .dossiers!.engine.client.workflow.getHandle(feedbackWorkflowId(world.tenantId, id))
        .describe()
        .then(
          () => true,
          () => false,
        ),
    );
  await eventually(started, Boolean);
  return { id, email, handle: deps.dossiers!.engine.client.workflow.getHandle(feedbackWorkflowId(world.tenantId, id)) };
}

const messages = (id: string) =>
  withTenant(deps.sql, world.tenantId, (tx) => tx.select().from(schema.outbox).where(eq(schema.outbox.topic, 'notification.feedback'))).then((rows) =>
    rows.filter((r) => (r.payload as { feedbackId: string }).feedbackId === id).map((r) => (r.payload as { message: string }).message),
  );
const row = async (id: string) => (await withTenant(deps.sql, world.tenantId, (tx) => tx.select().from(f).where(eq(f.id, id))))[0]!;
const answer = (id: string, text: string) => call(app, clerk, 'POST', `/api/tenants/${world.tenantId}/feedback/${id}/answer`, { answer: text });
const mailTo = (to: string) =>
  eventually(
    () => Promise.resolve(runtime.mail.received.filter((m) => m.to.includes(to))),
    (list) => list.length > 0,
  );

describe('the feedback workflow', () => {
  it('reminds the unit, escalates at the due time without an answer, and still sends the late answer', async () => {
    const { id, email, handle } = await receive(1_000, 3_000);
    await eventually(
      () => messages(id),
      (m) => m.includes('feedback.reminder'),
    );
    const reminder = await eventually(
      () => Promise.resolve(runtime.sms.received.filter((s) => s.text.includes('sắp đến hạn trả lời'))),
      (list) => list.length > 0,
    );
    expect(reminder[0]!.to).toBe('0912345678');
    const escalated = await eventually(
      () => row(id),
      (r) => r.status === 'escalated',
    );
    expect(escalated.escalatedAt!.getTime()).toBeGreaterThanOrEqual(escalated.dueAt.getTime());
    const [audit] = await withTenant(deps.sql, world.tenantId, (tx) =>
      tx
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.subjectId, id), eq(schema.auditLog.action, 'feedback.escalated'))),
    );
    expect(audit).toMatchObject({ actorUserId: null, subjectType: 'Feedback' });
    expect(await messages(id)).toContain('feedback.escalated');

    const late = await answer(id, 'Buổi chiều làm việc từ 13 giờ đến 17 giờ.');
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({ onTime: false });
    expect(await handle.result()).toEqual({ reminded: true, escalated: true });
    const [mail] = await mailTo(email);
    expect(mail!.subject).toBe('Trả lời phản ánh, kiến nghị của bạn');
    expect(mail!.text).toContain('Buổi chiều làm việc từ 13 giờ đến 17 giờ.');
  });

  it('sends an answer given in time to the author and ends without reminding or escalating', async () => {
    const { id, email, handle } = await receive(8_000, 12_000);
    expect((await answer(id, 'Đã tiếp thu, cảm ơn ông bà.')).status).toBe(200);
    expect(await handle.result()).toEqual({ reminded: false, escalated: false });
    expect((await mailTo(email))[0]!.text).toContain('Đã tiếp thu, cảm ơn ông bà.');
    expect(await messages(id)).toEqual(['feedback.answered']);
    expect((await row(id)).status).toBe('answered');
  });

  it('reminds, then takes the answer before the due time without escalating', async () => {
    const { id, handle } = await receive(500, 10_000);
    await eventually(
      () => messages(id),
      (m) => m.includes('feedback.reminder'),
    );
    expect((await answer(id, 'Đã xử lý.')).status).toBe(200);
    expect(await handle.result()).toEqual({ reminded: true, escalated: false });
    expect((await messages(id)).sort()).toEqual(['feedback.answered', 'feedback.reminder']);
    expect((await row(id)).escalatedAt).toBeNull();
  });
});
