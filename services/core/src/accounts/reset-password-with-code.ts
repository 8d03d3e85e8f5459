import { schema } from '@gov/db';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { recordAuthEvent } from '../auth/auth-events.js';
import { hashPassword } from '../auth/passwords.js';
import { invalidateUserSessions } from '../auth/sessions.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { Password } from '../users/officer-fields.js';
import { codeError, consumeCode, OneTimeCode } from './consume-code.js';
import { findAccount } from './find-account.js';
import type { AccountKeys } from './keys.js';

export const ResetPasswordWithCode = v.object({
  login: v.pipe(v.string(), v.trim(), v.minLength(1, 'Nhập tên đăng nhập, email hoặc số điện thoại'), v.maxLength(200)),
  code: OneTimeCode,
  newPassword: Password,
});
export type ResetPasswordWithCode = v.InferOutput<typeof ResetPasswordWithCode>;

/**
 * Đặt mật khẩu bằng mã: a reset code (forgot password, or an admin's reset) or an invitation code
 * sets the password the person chooses; every session ends. The code proved the contact, so a
 * citizen's contact counts as confirmed too.
 */
export async function resetPasswordWithCode({ ctx, keys, input }: { ctx: ServiceContext; keys: AccountKeys; input: ResetPasswordWithCode }) {
  const data = parseInput(ResetPasswordWithCode, input);
  const account = await findAccount(ctx.db, data.login);
  const active = account?.status === 'active' ? account : null;
  const passwordHash = await hashPassword(data.newPassword);
  const outcome = await ctx.db.transaction(async (tx) => {
    const result = await consumeCode(tx, keys, { userId: active?.id ?? null, purposes: ['reset_password', 'invitation'], code: data.code });
    if (!result.ok || !active) {
      await recordAuthEvent(tx, {
        kind: 'code_failed',
        userId: active?.id ?? null,
        requestId: ctx.requestId,
        details: { purpose: 'reset_password', problem: result.ok ? 'wrong' : result.problem },
      });
      return result.ok ? ({ ok: false, problem: 'wrong' } as const) : result;
    }
    const now = new Date();
    await tx
      .update(schema.users)
      .set({ passwordHash, passwordChangedAt: now, passwordChangeRequired: false, contactVerifiedAt: active.contactVerifiedAt ?? now })
      .where(eq(schema.users.id, active.id));
    await invalidateUserSessions(tx, active.id);
    await recordAuthEvent(tx, { kind: 'password_reset_by_code', userId: active.id, requestId: ctx.requestId });
    return result;
  });
  if (!outcome.ok) throw codeError(outcome.problem);
  return { reset: true as const };
}
