import { schema } from '@gov/db';
import { eq, or, sql as raw } from 'drizzle-orm';
import * as v from 'valibot';
import { recordAuthEvent } from '../auth/auth-events.js';
import { hashPassword } from '../auth/passwords.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { CitizenId, MobilePhone, OfficialEmail, Password } from '../users/officer-fields.js';
import { issueCode } from './issue-code.js';
import { citizenIdDigest, type AccountKeys } from './keys.js';

/** Đăng ký tài khoản công dân: the login is the email, else the phone number. */
export const SignUpCitizen = v.pipe(
  v.object({
    fullName: v.pipe(v.string(), v.trim(), v.minLength(2, 'Nhập họ và tên'), v.maxLength(120)),
    citizenId: CitizenId,
    email: v.optional(OfficialEmail),
    phone: v.optional(MobilePhone),
    password: Password,
  }),
  v.forward(
    v.check((d) => Boolean(d.email ?? d.phone), 'Nhập email hoặc số điện thoại di động'),
    ['email'],
  ),
);
export type SignUpCitizen = v.InferOutput<typeof SignUpCitizen>;

/** The same words whether or not an account was made, so sign-up never reveals who has one. */
export const CODE_SENT = {
  vi: 'Nếu thông tin hợp lệ, mã xác thực đã được gửi tới email hoặc số điện thoại của bạn; mã có hiệu lực 15 phút.',
  en: 'If the details are valid, a code has been sent to your email or phone; it works for 15 minutes.',
};

/**
 * A citizen registers; the account stays unable to file online until the contact is confirmed
 * with the code sent through the account outbox. A CCCD number, email or phone that already has an
 * account makes nothing and sends nothing, and the answer and the work done (one argon2 hash, one
 * short transaction) are the same, so the answer does not tell who is registered.
 */
export async function signUpCitizen({ ctx, keys, input }: { ctx: ServiceContext; keys: AccountKeys; input: SignUpCitizen }) {
  const data = parseInput(SignUpCitizen, input);
  const passwordHash = await hashPassword(data.password);
  const digest = citizenIdDigest(keys, data.citizenId);
  const login = data.email ?? data.phone!;
  const u = schema.users;
  await ctx.db.transaction(async (tx) => {
    const taken = or(
      eq(u.citizenIdDigest, digest),
      eq(raw`lower(${u.login})`, login),
      data.email ? eq(raw`lower(${u.email})`, data.email) : undefined,
      data.phone ? eq(u.phone, data.phone) : undefined,
    );
    const [existing] = await tx.select({ id: u.id }).from(u).where(taken).limit(1);
    const [user] = existing
      ? []
      : await tx
          .insert(u)
          .values({
            login,
            passwordHash,
            kind: 'citizen',
            displayName: data.fullName,
            passwordChangedAt: new Date(),
            email: data.email ?? null,
            phone: data.phone ?? null,
            citizenIdDigest: digest,
            contactVerifiedAt: null,
          })
          .onConflictDoNothing()
          .returning({ id: u.id });
    if (user) {
      const contact = data.email ? { channel: 'email' as const, destination: data.email } : { channel: 'sms' as const, destination: data.phone! };
      await issueCode(tx, keys, { userId: user.id, purpose: 'verify_contact', contact });
    }
    // The login is recorded, never the ID number.
    await recordAuthEvent(tx, { kind: user ? 'signed_up' : 'sign_up_refused', userId: user?.id ?? null, login, requestId: ctx.requestId });
  });
  return { message: CODE_SENT };
}
