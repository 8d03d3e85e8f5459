import { type TenantDb } from '@gov/db';
import { DomainError, forbidden, invalid, type DossierActor } from '@gov/domain';
import { assertCan, assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { loadUnit } from '../org-units/load-unit.js';
import type { IntakePlan } from './intake-plan.js';
import type { StoredAttachment } from './register-dossier.js';
import { actorForStep, heldRoles } from './step-actor.js';
import type { SubmitDossier } from './submit-input.js';

/**
 * First line of intake: a citizen may file their own dossiers (the rule carries no tenant: a
 * citizen files in any province); an officer needs `create` somewhere in this province, checked
 * again against the receiving unit once it is known.
 */
export function assertCanSubmit(ctx: ServiceContext, tenantId: string): void {
  if (ctx.actor?.kind === 'citizen') assertCan(ctx, 'create', 'Dossier', { applicantUserId: ctx.actor.userId });
  else assertCanInTenant(ctx, 'create', 'Dossier', tenantId);
}

/**
 * Online means a citizen account; in person and by post mean an officer at the counter. Who may
 * use a channel is a permission question, hence 403.
 */
export function assertChannel(citizen: boolean, channel: SubmitDossier['channel']): void {
  const ok = citizen ? channel === 'online' || channel === 'proxy' : channel !== 'online';
  if (ok) return;
  throw forbidden(
    citizen
      ? { vi: 'Tài khoản công dân nộp hồ sơ trực tuyến (hoặc qua người được ủy quyền).', en: 'Citizen accounts file online (or as a proxy).' }
      : {
          vi: 'Cán bộ tiếp nhận chọn kênh trực tiếp, bưu chính hoặc ủy quyền; hồ sơ trực tuyến do công dân tự nộp.',
          en: 'Officers record in-person, postal or proxy intake; online dossiers are filed by citizens.',
        },
  );
}

export const validKey = (key: string | undefined): string | null => (key && /^[A-Za-z0-9_.:-]{8,200}$/.test(key) ? key : null);

export function parseIdempotencyKey(key: string | undefined): string {
  const valid = validKey(key);
  if (valid) return valid;
  throw invalid({
    vi: 'Thiếu hoặc sai tiêu đề Idempotency-Key (8–200 ký tự): mỗi lần nộp cần một mã riêng để gửi lại không tạo hồ sơ trùng.',
    en: 'Missing or malformed Idempotency-Key header (8–200 characters): one key per submission so a retry never makes a second dossier.',
  });
}

/** A complete dossier carries every required component; unknown components are refused. */
export function assertComponents(plan: IntakePlan, files: StoredAttachment[]): void {
  if (plan.components.length === 0) return;
  const unknown = files.filter((f) => !plan.components.some((c) => c.code === f.componentCode)).map((f) => f.componentCode);
  const missing = plan.components.filter((c) => c.required !== false && !files.some((f) => f.componentCode === c.code));
  if (unknown.length === 0 && missing.length === 0) return;
  throw new DomainError(
    'invalid',
    {
      vi: [
        missing.length ? `Thiếu thành phần hồ sơ: ${missing.map((c) => c.name).join('; ')}.` : '',
        unknown.length ? `Thành phần không thuộc thủ tục: ${unknown.join(', ')}.` : '',
      ]
        .join(' ')
        .trim(),
      en: [
        missing.length ? `Missing components: ${missing.map((c) => c.code).join(', ')}.` : '',
        unknown.length ? `Unknown components: ${unknown.join(', ')}.` : '',
      ]
        .join(' ')
        .trim(),
    },
    { missing: missing.map((c) => c.code), unknown },
  );
}

/**
 * At the counter the officer checks completeness with the applicant present, so the dossier is
 * accepted at once, by that officer, if they hold the reception step's role; otherwise it waits
 * for whoever does, like an online dossier.
 */
export async function counterAcceptor(tx: TenantDb, ctx: ServiceContext, tenantId: string, plan: IntakePlan): Promise<DossierActor | null> {
  const step = plan.snapshot.steps[0]!;
  const unit = step.orgUnitId === plan.receivingUnit.id ? plan.receivingUnit : await loadUnit(tx, tenantId, step.orgUnitId);
  const held = heldRoles(ctx, tenantId);
  try {
    return actorForStep({
      userId: ctx.actor!.userId,
      held,
      action: 'accept',
      step: { name: step.name, role: step.role, orgUnitId: unit.id, unitName: unit.name, unitPath: unit.path },
    });
  } catch {
    return null;
  }
}
