import { schema } from '@gov/db';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { recordAuthEvent } from '../auth/auth-events.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { codeError, consumeCode, OneTimeCode } from './consume-code.js';
import { findAccount } from './find-account.js';
import type { AccountKeys } from './keys.js';

export const VerifyContact = v.object({
  login: v.pipe(v.string(), v.trim(), v.minLength(1, 'Nhập email hoặc số điện thoại'), v.maxLength(200)),
  code: OneTimeCode,
});
export type VerifyContact = v.InferOutput<typeof VerifyContact>;

/**
 * Xác thực liên hệ: the code sent at sign-up confirms the citizen's email or phone. A wrong code
 * counts an attempt even though the answer is 400 (the attempt is committed before the refusal).
 */
export async function verifyContact({ ctx, keys, input }: { ctx: ServiceContext; keys: AccountKeys; input: VerifyContact }) {
  const data = parseInput(VerifyContact, input);
  const account = await findAccount(ctx.db, data.login);
  const pending = account && account.kind === 'citizen' && !account.contactVerifiedAt ? account : null;
  const outcome = await ctx.db.transaction(async (tx) => {
    const result = await consumeCode(tx, keys, { userId: pending?.id ?? null, purposes: ['verify_contact'], code: data.code });
    if (result.ok && pending) {
      await tx.update(schema.users).set({ contactVerifiedAt: new Date() }).where(eq(schema.users.id, pending.id));
      await recordAuthEvent(tx, { kind: 'contact_verified', userId: pending.id, requestId: ctx.requestId });
    } else if (!result.ok) {
      await recordAuthEvent(tx, {
        kind: 'code_failed',
        userId: pending?.id ?? null,
        requestId: ctx.requestId,
        details: { purpose: 'verify_contact', problem: result.problem },
      });
    }
    return result;
  });
  if (!outcome.ok) throw codeError(outcome.problem);
  return { verified: true as const };
}
