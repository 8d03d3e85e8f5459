import { schema, type Queryable } from '@gov/db';
import { forbidden } from '@gov/domain';
import { and, eq, isNull } from 'drizzle-orm';

/** A self-registered citizen files online only once their email or phone is confirmed by code. */
export async function assertVerifiedCitizen(db: Queryable, userId: string): Promise<void> {
  const u = schema.users;
  const [unverified] = await db
    .select({ id: u.id })
    .from(u)
    .where(and(eq(u.id, userId), isNull(u.contactVerifiedAt)));
  if (!unverified) return;
  throw forbidden({
    vi: 'Hãy xác thực email hoặc số điện thoại của tài khoản (nhập mã đã gửi) trước khi nộp hồ sơ trực tuyến.',
    en: 'Confirm your account’s email or phone (enter the code we sent) before filing online.',
  });
}
