import { sql } from 'drizzle-orm';
import { foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantRole } from './role-assignments.js';
import { createdAt, tenantColumns } from './columns.js';
import { dossiers } from './dossiers.js';
import { orgUnits } from './org-units.js';
import { users } from './users.js';

export const taskStatus = pgEnum('task_status', ['open', 'done', 'cancelled']);

/** An officer's inbox item: the step of a dossier waiting for a role in a unit. */
export const tasks = pgTable(
  'tasks',
  {
    ...tenantColumns(),
    dossierId: uuid().notNull(),
    stepKey: text().notNull(),
    orgUnitId: uuid().notNull(),
    role: tenantRole().notNull(),
    assigneeUserId: uuid().references(() => users.id),
    status: taskStatus().notNull().default('open'),
    dueAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('tasks_step_key').on(t.tenantId, t.dossierId, t.stepKey),
    foreignKey({ name: 'tasks_dossier_fk', columns: [t.tenantId, t.dossierId], foreignColumns: [dossiers.tenantId, dossiers.id] }),
    foreignKey({ name: 'tasks_org_unit_fk', columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    // The inbox reads the open tasks of its units; the past ones stay out of its way (migration 0074).
    index('tasks_open_idx')
      .on(t.tenantId, t.orgUnitId, t.dueAt)
      .where(sql`${t.status} = 'open'`),
  ],
);
