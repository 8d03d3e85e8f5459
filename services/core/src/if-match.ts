import { preconditionFailed, preconditionRequired } from '@gov/domain';

/**
 * The revisions a write may start from, as the client named them: If-Match's ETags, revision 0
 * for "nothing saved yet" (If-None-Match: *), `'*'` for any (only code acting for the platform
 * itself, such as seeding, passes that), or null when the client named none.
 */
export type IfMatch = '*' | readonly number[] | null;

/**
 * Checks a write after it happened: the trigger has raised the row's revision by one under the
 * row's lock, so the write started from `revision - 1`. If that is not a revision the client
 * named, someone else wrote in between; throwing rolls the caller's transaction back, so nothing
 * of the stale write remains (docs/api/conventions.md#concurrent-edits).
 */
export function assertBasedOn(ifMatch: IfMatch, written: { revision: number }): void {
  // Checked here, after the service's own checks, so a caller without the right gets 403, not 428.
  if (ifMatch === null) {
    throw preconditionRequired({
      vi: 'Thiếu phiên bản dữ liệu (If-Match): hãy tải lại trang rồi lưu lại, để không ghi đè thay đổi của người khác.',
      en: 'Missing the revision this change is based on (If-Match): reload, then save again, so nobody’s change is overwritten.',
    });
  }
  if (ifMatch === '*' || ifMatch.includes(written.revision - 1)) return;
  throw preconditionFailed({
    vi: 'Dữ liệu này vừa được người khác thay đổi. Hãy tải lại để xem bản mới nhất rồi sửa lại.',
    en: 'Someone else changed this in the meantime. Reload to see the latest version, then make your change again.',
  });
}
