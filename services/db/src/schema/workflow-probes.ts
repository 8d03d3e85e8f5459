import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Written by the platform probe workflow's activity: proves a workflow can run an activity that
 * writes to PostgreSQL. Keyed by workflow id, so a retried activity writes once.
 */
export const workflowProbes = pgTable('workflow_probes', {
  workflowId: text().primaryKey(),
  message: text().notNull(),
  writtenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
