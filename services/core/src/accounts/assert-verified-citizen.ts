import { forbidden } from '@gov/domain';
import type { Actor } from '../context.js';

/**
 * A self-registered citizen files online only once their email or phone is confirmed by code.
 * Read from the actor, which carries it from the session's query: no query of its own.
 */
export function assertVerifiedCitizen(actor: Actor): void {
  if (actor.contactVerified === true) return;
  throw forbidden({
    vi: 'Hãy xác thực email hoặc số điện thoại của tài khoản (nhập mã đã gửi) trước khi nộp hồ sơ trực tuyến.',
    en: 'Confirm your account’s email or phone (enter the code we sent) before filing online.',
  });
}
