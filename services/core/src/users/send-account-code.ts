import type { TenantDb } from '@gov/db';
import { conflict, invalid } from '@gov/domain';
import { officerContact } from '../accounts/find-account.js';
import { issueCode, type CodePurpose } from '../accounts/issue-code.js';
import type { AccountKeys } from '../accounts/keys.js';

/** Which channel a code went out on; never the code, so it is safe in an answer and the audit log. */
export type CodeSentBy = 'email' | 'sms';

/**
 * Sends an officer a code for setting their own password (an invitation, or an admin's reset) to
 * the email (else phone) of their profile, in the caller's transaction. The code goes out through
 * the account outbox; the caller never sees it. Fails closed, so the caller's change rolls back:
 * a profile without a contact is a 400, an officer already sent five codes this hour a 409.
 */
export async function sendAccountCode(
  tx: TenantDb,
  keys: AccountKeys,
  args: { userId: string; purpose: CodePurpose; profile: { email: string | null; phone: string | null } },
): Promise<CodeSentBy> {
  const contact = officerContact(args.profile);
  if (!contact) {
    throw invalid({
      vi: 'Cán bộ chưa có email hoặc số điện thoại để nhận mã. Hãy cập nhật hồ sơ trước.',
      en: 'The officer has no email or phone to receive the code. Update the profile first.',
    });
  }
  if (!(await issueCode(tx, keys, { userId: args.userId, purpose: args.purpose, contact }))) {
    throw conflict({
      vi: 'Đã gửi quá nhiều mã cho tài khoản này trong một giờ. Hãy thử lại sau.',
      en: 'Too many codes were sent to this account within an hour. Try again later.',
    });
  }
  return contact.channel;
}
