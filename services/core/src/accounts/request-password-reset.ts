import * as v from 'valibot';
import { recordAuthEvent } from '../auth/auth-events.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { accountContact, findAccount } from './find-account.js';
import { issueCode } from './issue-code.js';
import type { AccountKeys } from './keys.js';
import { CODE_SENT } from './sign-up-citizen.js';

export const RequestPasswordReset = v.object({
  login: v.pipe(v.string(), v.trim(), v.minLength(1, 'Nhập tên đăng nhập, email hoặc số điện thoại'), v.maxLength(200)),
});
export type RequestPasswordReset = v.InferOutput<typeof RequestPasswordReset>;

/**
 * Quên mật khẩu, for every role: a code goes to the account's verified email or phone. The answer
 * is the same for unknown names, disabled accounts and accounts without a contact, and no path
 * does slow work the others skip (no password hashing here), so it does not reveal who exists.
 */
export async function requestPasswordReset({ ctx, keys, input }: { ctx: ServiceContext; keys: AccountKeys; input: RequestPasswordReset }) {
  const data = parseInput(RequestPasswordReset, input);
  const account = await findAccount(ctx.db, data.login);
  const contact = account && account.status === 'active' ? await accountContact(ctx.sql, account) : null;
  await ctx.db.transaction(async (tx) => {
    const issued = account && contact ? await issueCode(tx, keys, { userId: account.id, purpose: 'reset_password', contact }) : false;
    await recordAuthEvent(tx, {
      kind: 'code_requested',
      userId: account?.id ?? null,
      requestId: ctx.requestId,
      details: { purpose: 'reset_password', issued },
    });
  });
  return { message: CODE_SENT };
}
