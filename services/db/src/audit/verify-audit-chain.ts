import type { Sql } from '../client.js';
import { withMinistryRead } from '../tenant/with-tenant.js';

export type ChainProblem = 'content' | 'link' | 'gap' | 'truncated';

export type ChainVerdict =
  { ok: true; rows: number; tenants: number } | { ok: false; tenantId: string; seq: number; problem: ChainProblem; rows: number; tenants: number };

interface Broken {
  tenant_id: string;
  seq: string;
  problem: ChainProblem;
}

/**
 * Walks every tenant's audit chain in the database (through the ministry's read-only role) and
 * reports the first broken link: a row whose content no longer matches its hash, a row that does
 * not chain to its predecessor, a missing sequence number, or a chain shorter than its recorded
 * head (rows deleted at the end). The digest is recomputed by the same SQL function the trigger
 * used, so writer and verifier cannot drift apart.
 */
export async function verifyAuditChain(sql: Sql, tenantId?: string): Promise<ChainVerdict> {
  return withMinistryRead(sql, async (tx) => {
    const client = tx.$client;
    const filter = tenantId ?? null;
    const [broken] = await client<Broken[]>`
      with chain as (
        select tenant_id, seq, hash, prev_hash,
          gov_audit_digest(prev_hash, tenant_id, seq, occurred_at, actor_user_id, action,
                           subject_type, subject_id, details, request_id) as recomputed,
          lag(hash) over w as previous_hash,
          row_number() over w as position
        from audit_log where ${filter}::uuid is null or tenant_id = ${filter}::uuid
        window w as (partition by tenant_id order by seq)
      ),
      problems as (
        select tenant_id, seq, case
            when seq <> position then 'gap'
            when prev_hash <> coalesce(previous_hash, '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea) then 'link'
            when hash <> recomputed then 'content'
          end as problem
        from chain
        union all
        select h.tenant_id, h.last_seq, 'truncated' from audit_chain_heads h
        where (${filter}::uuid is null or h.tenant_id = ${filter}::uuid)
          and h.last_seq <> coalesce((select max(seq) from audit_log l where l.tenant_id = h.tenant_id), 0)
      )
      select tenant_id, seq::text as seq, problem from problems where problem is not null
      order by tenant_id, problems.seq limit 1`;
    const [totals] = await client<{ rows: number; tenants: number }[]>`
      select count(*)::int as rows, count(distinct tenant_id)::int as tenants from audit_log
      where ${filter}::uuid is null or tenant_id = ${filter}::uuid`;
    const counts = { rows: totals?.rows ?? 0, tenants: totals?.tenants ?? 0 };
    if (!broken) return { ok: true, ...counts };
    return { ok: false, tenantId: broken.tenant_id, seq: Number(broken.seq), problem: broken.problem, ...counts };
  });
}
