import type { WorkerEnv } from '../env.js';
import type { PortalSyncOptions } from '../outbox/portal-sync.js';
import { nationalPortal } from './national-portal.js';

/** The portal adapter and retry policy the worker's relay and the portal commands use. */
export function portalSyncOptions(
  env: Pick<
    WorkerEnv,
    'NATIONAL_PORTAL_URL' | 'NATIONAL_PORTAL_API_KEY' | 'NATIONAL_PORTAL_API_KEYS' | 'NATIONAL_PORTAL_MAX_ATTEMPTS' | 'NATIONAL_PORTAL_BACKOFF_MS'
  >,
): PortalSyncOptions {
  return {
    portal: nationalPortal({
      url: env.NATIONAL_PORTAL_URL,
      apiKey: (provinceCode) => env.NATIONAL_PORTAL_API_KEYS[provinceCode] ?? env.NATIONAL_PORTAL_API_KEY,
    }),
    maxAttempts: env.NATIONAL_PORTAL_MAX_ATTEMPTS,
    backoffMs: env.NATIONAL_PORTAL_BACKOFF_MS,
  };
}
