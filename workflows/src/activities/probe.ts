import { schema, type Db } from '@gov/db';
import { Context } from '@temporalio/activity';

export function createProbeActivities({ db }: { db: Db }) {
  return {
    /** Writes one row per workflow id (idempotent across retries) and returns that id. */
    async recordProbe(input: { message: string }): Promise<string> {
      const workflowId = Context.current().info.workflowExecution?.workflowId;
      if (!workflowId) throw new Error('recordProbe runs only inside a workflow');
      await db.insert(schema.workflowProbes).values({ workflowId, message: input.message }).onConflictDoNothing();
      return workflowId;
    },
  };
}
