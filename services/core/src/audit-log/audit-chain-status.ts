import { verifyAuditChain, type ChainProblem } from '@gov/db';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';

export interface AuditChainStatus {
  ok: boolean;
  /** Rows checked. */
  rows: number;
  /** The first broken link, by sequence number; null when the chain verifies. */
  firstBroken: { seq: number; problem: ChainProblem } | null;
}

/**
 * Whether one province's audit chain verifies, and where it first breaks: the same check as
 * `npm run audit:verify`, limited to this province. The verifier reads the chain head, which only
 * the ministry's read-only role may see; the province is fixed before it runs, so a province admin
 * learns nothing about another province.
 */
export async function auditChainStatus({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }): Promise<AuditChainStatus> {
  assertCanInTenant(ctx, 'read', 'AuditLog', tenantId);
  const verdict = await verifyAuditChain(ctx.sql, tenantId);
  if (verdict.ok) return { ok: true, rows: verdict.rows, firstBroken: null };
  return { ok: false, rows: verdict.rows, firstBroken: { seq: verdict.seq, problem: verdict.problem } };
}
