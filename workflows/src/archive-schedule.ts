import { VIETNAM_TIME_ZONE } from '@gov/calendar';
import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';
import type * as workflowTypes from './workflows/index.js';

/** The one platform-wide schedule of the archive run; the run visits every province itself. */
export const ARCHIVE_RUN_SCHEDULE_ID = 'archive-run';
/** Temporal names the type after the exported function; this stops compiling if they part ways. */
export const ARCHIVE_RUN_WORKFLOW_TYPE = 'archiveRunWorkflow' satisfies keyof typeof workflowTypes;

/**
 * Makes sure the archive run is scheduled: every day at 01:00 Vietnam time, one run at a time (a
 * run still going when the next is due makes that one skip; the next takes whatever is due then).
 * Every worker calls it at start; the first creates the schedule, the others find it there. The
 * schedule lives in Temporal, so it survives restarts of the workers and of the server.
 */
export async function ensureArchiveSchedule(client: Client, taskQueue: string): Promise<'created' | 'exists'> {
  try {
    await client.schedule.create({
      scheduleId: ARCHIVE_RUN_SCHEDULE_ID,
      spec: { calendars: [{ hour: 1, minute: 0 }], timezone: VIETNAM_TIME_ZONE },
      action: { type: 'startWorkflow', workflowType: ARCHIVE_RUN_WORKFLOW_TYPE, taskQueue, args: [{}] },
      policies: { overlap: 'SKIP', catchupWindow: '1 day' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'exists';
    throw error;
  }
}
