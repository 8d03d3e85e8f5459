import { createHmac } from 'node:crypto';

/** Secrets of the account verbs, read from the environment by each deployable's env.ts. */
export interface AccountKeys {
  /** Derives and hashes one-time codes; the worker holds the same value to send them. */
  codeSecret: string;
  /** Keys the CCCD digest; rotating it unlinks every account from its ID number. */
  citizenIdSecret: string;
}

/** HMAC-SHA256 of a CCCD number: the only form in which an account's ID number is stored. */
export function citizenIdDigest(keys: Pick<AccountKeys, 'citizenIdSecret'>, citizenId: string): string {
  return createHmac('sha256', keys.citizenIdSecret).update(citizenId.trim()).digest('hex');
}
