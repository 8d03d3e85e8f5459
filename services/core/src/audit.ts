import { schema, type TenantDb } from '@gov/db';
import type { ServiceContext } from './context.js';

/**
 * Appends to the tenant's hash-chained audit log inside the caller's transaction (docs/code-conventions.md
 * rule 3): if the audit write fails, the change it records rolls back with it. Never put
 * citizen ID numbers or passwords in `details`.
 */
export async function audit(tx: TenantDb, ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await auditMany(tx, ctx, [entry]);
}

export interface AuditEntry {
  tenantId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
}

/** Many records in one statement (a bulk import), each chained as if appended one by one. */
export async function auditMany(tx: TenantDb, ctx: ServiceContext, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(schema.auditLog).values(
    entries.map((entry) => ({
      tenantId: entry.tenantId,
      actorUserId: ctx.actor?.userId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      details: entry.details ?? null,
      requestId: ctx.requestId,
    })),
  );
}
