import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { changeBothCopies } from './agreement-store.js';

export const WithdrawAgreement = v.object({
  id: v.pipe(v.string(), v.uuid()),
  reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(1000))),
});
export type WithdrawAgreement = v.InferOutput<typeof WithdrawAgreement>;

/**
 * Rút quy chế phối hợp: either party may withdraw a proposal or an accepted agreement. No new
 * hand-over is allowed under it from then on; dossiers already handed over finish where they are
 * (docs/domain/lien-thong.md).
 */
export async function withdrawAgreement({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: WithdrawAgreement }) {
  assertCan(ctx, 'publish', 'ProcessDefinition', { tenantId });
  const { id, reason } = parseInput(WithdrawAgreement, input);
  return changeBothCopies(ctx, {
    tenantId,
    id,
    allowed: ['proposed', 'accepted'],
    change: { status: 'withdrawn', withdrawnBy: ctx.actor!.userId, withdrawnAt: new Date(), ...(reason ? { decisionReason: reason } : {}) },
    action: 'hand_over_agreement.withdrawn',
  });
}
