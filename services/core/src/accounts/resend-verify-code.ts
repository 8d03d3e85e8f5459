import * as v from 'valibot';
import { recordAuthEvent } from '../auth/auth-events.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { findAccount } from './find-account.js';
import { issueCode } from './issue-code.js';
import type { AccountKeys } from './keys.js';
import { CODE_SENT } from './sign-up-citizen.js';

export const ResendVerifyCode = v.object({
  login: v.pipe(v.string(), v.trim(), v.minLength(1, 'Nhập email hoặc số điện thoại'), v.maxLength(200)),
});
export type ResendVerifyCode = v.InferOutput<typeof ResendVerifyCode>;

/**
 * Gửi lại mã: a new sign-up code for a citizen whose contact is not confirmed yet, to the contact
 * given at sign-up (the earlier code stops working). Unknown names, confirmed accounts and
 * accounts over the hourly limit get the same answer and send nothing, so it reveals nobody.
 */
export async function resendVerifyCode({ ctx, keys, input }: { ctx: ServiceContext; keys: AccountKeys; input: ResendVerifyCode }) {
  const data = parseInput(ResendVerifyCode, input);
  const account = await findAccount(ctx.db, data.login);
  const pending = account && account.kind === 'citizen' && account.status === 'active' && !account.contactVerifiedAt ? account : null;
  const contact = pending?.email
    ? { channel: 'email' as const, destination: pending.email }
    : pending?.phone
      ? { channel: 'sms' as const, destination: pending.phone }
      : null;
  await ctx.db.transaction(async (tx) => {
    const issued = pending && contact ? await issueCode(tx, keys, { userId: pending.id, purpose: 'verify_contact', contact }) : false;
    await recordAuthEvent(tx, {
      kind: 'code_requested',
      userId: pending?.id ?? null,
      requestId: ctx.requestId,
      details: { purpose: 'verify_contact', issued },
    });
  });
  return { message: CODE_SENT };
}
