import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';

const { recordProbe } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 5 },
});

export interface PlatformProbeInput {
  message: string;
}

/**
 * Proves the whole chain — client, server, worker, activity, PostgreSQL — end to end. The activity
 * is keyed by workflow id, so a retry after a worker crash writes the row once.
 */
export async function platformProbeWorkflow(input: PlatformProbeInput): Promise<string> {
  return recordProbe({ message: input.message });
}
