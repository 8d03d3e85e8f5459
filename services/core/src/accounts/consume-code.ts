import { CODE_MAX_ATTEMPTS, oneTimeCodeDigest, sameCodeDigest, schema, type Queryable } from '@gov/db';
import { invalid, type DomainError } from '@gov/domain';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { CodePurpose } from './issue-code.js';
import type { AccountKeys } from './keys.js';

export const OneTimeCode = v.pipe(v.string(), v.trim(), v.regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số'));

export type CodeProblem = 'wrong' | 'expired' | 'used' | 'too_many_attempts';

const MESSAGES: Record<CodeProblem, { vi: string; en: string }> = {
  wrong: { vi: 'Mã xác thực không đúng.', en: 'The code is wrong.' },
  expired: { vi: 'Mã xác thực đã hết hạn. Hãy yêu cầu mã mới.', en: 'The code has expired. Ask for a new one.' },
  used: { vi: 'Mã xác thực đã được dùng. Hãy yêu cầu mã mới.', en: 'The code has already been used. Ask for a new one.' },
  too_many_attempts: { vi: 'Đã nhập sai quá nhiều lần. Hãy yêu cầu mã mới.', en: 'Too many wrong tries. Ask for a new one.' },
};

/** 400 with the reason in `details`, so a client can offer "send a new code". */
export const codeError = (problem: CodeProblem): DomainError =>
  invalid(MESSAGES[problem], { reason: problem, fields: [{ path: 'code', problem: MESSAGES[problem].vi }] });

/**
 * Checks a code against the newest code of these purposes for the user, in the caller's
 * transaction: a wrong try counts an attempt (written even though the caller then refuses), a
 * right one marks the code used. Unknown users get the same work and the same answer as a wrong code.
 */
export async function consumeCode(
  tx: Queryable,
  keys: AccountKeys,
  args: { userId: string | null; purposes: CodePurpose[]; code: string },
): Promise<{ ok: true; codeId: string } | { ok: false; problem: CodeProblem }> {
  const c = schema.oneTimeCodes;
  const [row] = args.userId
    ? await tx
        .select()
        .from(c)
        .where(and(eq(c.userId, args.userId), inArray(c.purpose, args.purposes)))
        .orderBy(desc(c.createdAt))
        .limit(1)
        .for('update')
    : [];
  const digest = oneTimeCodeDigest(keys.codeSecret, row?.id ?? '00000000-0000-0000-0000-000000000000', args.code);
  if (!row) return { ok: false, problem: 'wrong' };
  if (row.attempts >= CODE_MAX_ATTEMPTS) return { ok: false, problem: 'too_many_attempts' };
  if (!sameCodeDigest(digest, row.codeDigest)) {
    await tx
      .update(c)
      .set({ attempts: sql`${c.attempts} + 1` })
      .where(eq(c.id, row.id));
    return { ok: false, problem: row.attempts + 1 >= CODE_MAX_ATTEMPTS ? 'too_many_attempts' : 'wrong' };
  }
  if (row.usedAt) return { ok: false, problem: 'used' };
  if (row.expiresAt.getTime() <= Date.now()) return { ok: false, problem: 'expired' };
  await tx
    .update(c)
    .set({ usedAt: new Date(), attempts: sql`${c.attempts} + 1` })
    .where(eq(c.id, row.id));
  return { ok: true, codeId: row.id };
}
