import { randomUUID } from 'node:crypto';
import { schema, withTenant, withTenantAsUser, type TenantDb } from '@gov/db';
import { and, eq, isNull } from 'drizzle-orm';
import { assertVerifiedCitizen } from '../accounts/assert-verified-citizen.js';
import { linkedApplicant } from '../accounts/linked-applicant.js';
import { assertCan } from '../authorize.js';
import { loadTenantCalendarInput } from '../calendar/calendar-settings.js';
import type { ServiceContext } from '../context.js';
import { assertReusable, copyReused, keepSubmittedFiles, loadReuse } from '../citizen-documents/reuse-in-intake.js';
import { checkUpload } from '../files/file-types.js';
import { atUnit } from '../org-units/load-unit.js';
import { parseInput } from '../parse-input.js';
import type { DossierDeps } from './deps.js';
import { vietnamDay } from './dossier-code.js';
import type { StartDossierPayload } from '@gov/domain/contract';
import { claimKey, requestHash, storeResponse } from './idempotency.js';
import { assertCanSubmit, assertChannel, assertComponents, counterAcceptor, parseIdempotencyKey, validKey } from './intake-checks.js';
import { loadIntakePlan } from './intake-plan.js';
import { promisedReturnAt } from './promised-date.js';
import { buildReceipt, type Receipt } from './receipt.js';
import { registerDossier, type StoredAttachment } from './register-dossier.js';
import { startFromOutbox } from './start-from-outbox.js';
import { statusToken } from './status-token.js';
import { SubmitDossier, type Attachment } from './submit-input.js';

export interface SubmitDossierResult {
  dossierId: string;
  code: string;
  nationalStatus: number;
  receipt: Receipt;
  /** True when this answer is the stored answer to an earlier request with the same key. */
  replayed: boolean;
  /** False when Temporal could not be reached: the outbox relay starts the workflow later. */
  workflowStarted: boolean;
}

/**
 * Nộp hồ sơ: one transaction claims the Idempotency-Key, numbers the dossier, stores it with its
 * files and writes the workflow start to the outbox; after commit the workflow is started (and,
 * at the counter, the dossier accepted). If that start fails, the relay or the client's retry
 * with the same key starts it: the answer never depends on Temporal being up.
 */
export async function submitDossier(args: {
  ctx: ServiceContext;
  tenantId: string;
  input: unknown;
  attachments?: Attachment[];
  idempotencyKey: string | undefined;
  deps: DossierDeps;
  /**
   * Runs in the intake's transaction once the dossier is registered (not on a replay), for a
   * change that must commit or roll back with it: a draft marked submitted. The transaction then
   * also carries the citizen's `app.user_id`, as the rows only their owner may change require.
   */
  onRegistered?: (tx: TenantDb, dossier: { dossierId: string; code: string }) => Promise<void>;
}): Promise<SubmitDossierResult> {
  const { ctx, tenantId, deps } = args;
  assertCanSubmit(ctx, tenantId);
  const data = parseInput(SubmitDossier, args.input);
  const actor = ctx.actor!;
  const citizen = actor.kind === 'citizen';
  assertChannel(citizen, data.channel);
  if (citizen) assertVerifiedCitizen(actor);
  const checked = await Promise.all((args.attachments ?? []).map(async (a) => ({ ...a, contentType: await checkUpload(a.fileName, a.bytes) })));
  const reused = await loadReuse({ ctx, tenantId, citizen, reuse: data.reuse, files: deps.files });
  // Keys now, bytes only once the intake is accepted: a refused request leaves nothing on disk.
  // A citizen's files get their ids here, as their data store points at them.
  const files: StoredAttachment[] = [
    ...checked.map((a) => ({
      ...(citizen ? { id: randomUUID() } : {}),
      componentCode: a.componentCode,
      fileName: a.fileName,
      contentType: a.contentType,
      ...deps.files.keyOf(tenantId, a.bytes),
    })),
    ...reused.map((r) => r.file),
  ];
  const writeFiles = () => Promise.all([...checked.map((a) => deps.files.put(tenantId, a.bytes)), copyReused(reused, tenantId, deps.files)]);
  const scope = citizen ? actor.userId : `counter:${actor.userId}`;
  const hash = requestHash({ data, files: files.map((f) => [f.componentCode, f.fileName, f.sha256]) });
  const receivedAt = new Date();

  type Stored = Omit<SubmitDossierResult, 'replayed' | 'workflowStarted'> & { startOutboxId: string };
  const key = validKey(args.idempotencyKey);
  const year = Number(vietnamDay(receivedAt).slice(0, 4));
  const inTransaction = <T>(fn: (tx: TenantDb) => Promise<T>) =>
    args.onRegistered && citizen ? withTenantAsUser(ctx.sql, tenantId, actor.userId, fn) : withTenant(ctx.sql, tenantId, fn);
  const outcome = await inTransaction(async (tx) => {
    const ref = { tenantId, scope, key: key ?? '' };
    // One round trip for the reads and the key claim; the claim waits on a concurrent request
    // with the same key. Checks are then applied in order: permission (403), key (400), replay.
    const [plan, calendar, replay] = await Promise.all([
      loadIntakePlan(tx, tenantId, data),
      loadTenantCalendarInput(tx, tenantId, year, year + 2),
      key ? claimKey<Stored>(tx, ref, hash) : Promise.resolve(null),
    ]);
    if (!citizen) assertCan(ctx, 'create', 'Dossier', atUnit(tenantId, plan.receivingUnit.path));
    if (!key) parseIdempotencyKey(args.idempotencyKey);
    if (replay) {
      // A retry also repairs a start that failed after the first commit.
      const o = schema.outbox;
      const [pending] = await tx
        .select()
        .from(o)
        .where(and(eq(o.tenantId, tenantId), eq(o.id, replay.replay.startOutboxId), isNull(o.dispatchedAt)));
      return { stored: replay.replay, replayed: true, start: pending ? (pending.payload as StartDossierPayload) : null };
    }
    assertReusable(reused);
    assertComponents(plan, files);
    const acceptBy = citizen ? null : await counterAcceptor(tx, ctx, tenantId, plan);
    // At the counter the dossier joins the applicant's account when their CCCD number has one.
    const applicantUserId = citizen ? actor.userId : await linkedApplicant(tx, deps.accountKeys, data.applicant.citizenId);
    const promised = promisedReturnAt(calendar, receivedAt, plan.snapshot.statutoryTime);
    const answer = (ids: { dossierId: string; code: string; startOutboxId: string }): Stored => ({
      ...ids,
      nationalStatus: acceptBy ? 2 : 1,
      receipt: buildReceipt({
        code: ids.code,
        procedureName: plan.procedureName,
        receivingUnitName: plan.receivingUnit.name,
        applicantName: data.applicant.fullName,
        channel: data.channel,
        components: plan.components,
        files,
        receivedAt,
        promisedReturnAt: promised,
        statusToken: statusToken(deps.statusTokenSecret, tenantId, ids.dossierId),
      }),
    });
    await writeFiles();
    const reg = await registerDossier(tx, {
      tenantId,
      data,
      plan,
      files,
      submittedBy: actor.userId,
      applicantUserId,
      acceptBy,
      calendar,
      receivedAt,
      promisedReturnAt: promised,
      storeAnswer: (ids) => storeResponse(tx, ref, answer(ids)),
    });
    if (citizen) await keepSubmittedFiles(tx, { tenantId, ownerUserId: actor.userId, dossier: reg, components: plan.components, files });
    await args.onRegistered?.(tx, reg);
    return { stored: answer(reg), replayed: false, start: { input: reg.workflowInput, ...(acceptBy ? { acceptBy } : {}) } };
  });

  const { startOutboxId, ...result } = outcome.stored;
  const started = outcome.start
    ? await startFromOutbox(ctx.sql, deps.engine, { tenantId, outboxId: startOutboxId, payload: outcome.start }).then(
        () => true,
        () => false,
      )
    : true;
  return { ...result, replayed: outcome.replayed, workflowStarted: started };
}
