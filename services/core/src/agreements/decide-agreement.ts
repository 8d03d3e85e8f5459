import { forbidden } from '@gov/domain';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { changeBothCopies } from './agreement-store.js';

export const DecideAgreement = v.object({
  id: v.pipe(v.string(), v.uuid()),
  decision: v.picklist(['accepted', 'refused']),
  reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(1000))),
});
export type DecideAgreement = v.InferOutput<typeof DecideAgreement>;

/**
 * Chấp nhận / từ chối: only the receiving province's admin decides on a proposal made to it;
 * the proposing province cannot accept its own proposal (it may withdraw it).
 */
export async function decideAgreement({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: DecideAgreement }) {
  assertCan(ctx, 'publish', 'ProcessDefinition', { tenantId });
  const { id, decision, reason } = parseInput(DecideAgreement, input);
  return changeBothCopies(ctx, {
    tenantId,
    id,
    allowed: ['proposed'],
    assert: (row) => {
      if (row.party !== 'target') {
        throw forbidden({
          vi: 'Chỉ tỉnh nhận liên thông mới chấp nhận hoặc từ chối quy chế phối hợp.',
          en: 'Only the receiving province accepts or refuses an agreement.',
        });
      }
    },
    change: { status: decision, decisionReason: reason ?? null, decidedBy: ctx.actor!.userId, decidedAt: new Date() },
    action: `hand_over_agreement.${decision}`,
  });
}
