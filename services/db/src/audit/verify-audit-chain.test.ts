import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createDb } from '../client.js';
import { auditLog } from '../schema/index.js';
import { createTenant } from '../testing/fixtures.js';
import { withTenant } from '../tenant/with-tenant.js';
import { verifyAuditChain } from './verify-audit-chain.js';

const { sql } = createDb(inject('databaseUrl'), { max: 12 });
const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
let tenantId: string;

beforeAll(async () => {
  tenantId = await createTenant(inject('ownerDatabaseUrl'));
  // Concurrent writers: the chain must still come out linear.
  await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      withTenant(sql, tenantId, (tx) =>
        tx.insert(auditLog).values({ tenantId, action: 'org_unit.created', subjectType: 'org_unit', subjectId: `u${i}`, details: { name: `Đơn vị ${i}` } }),
      ),
    ),
  );
});

afterAll(async () => {
  await Promise.all([sql.end({ timeout: 1 }), admin.end({ timeout: 1 })]);
});

/** Tampering needs a superuser with triggers off: the app and even the owner cannot. */
async function tamper(statement: (tx: postgres.TransactionSql) => Promise<unknown>) {
  await admin.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await statement(tx);
  });
}

describe('the audit chain', () => {
  it('is intact after concurrent appends, numbered 1..n', async () => {
    expect(await verifyAuditChain(sql, tenantId)).toEqual({ ok: true, rows: 10, tenants: 1 });
  });

  it('cannot be edited or deleted by the app role', async () => {
    const codes = await withTenant(sql, tenantId, async (tx) => {
      const update = await tx.$client`update audit_log set action = 'x'`.then(
        () => 'ok',
        (e: { code: string }) => e.code,
      );
      return { update };
    });
    expect(codes).toEqual({ update: '42501' });
    const deleted = await withTenant(sql, tenantId, (tx) =>
      tx.$client`delete from audit_log`.then(
        () => 'ok',
        (e: { code: string }) => e.code,
      ),
    );
    expect(deleted).toBe('42501');
  });

  it('reports the first row whose content was changed', async () => {
    await tamper((tx) => tx`update audit_log set details = '{"name":"Đơn vị giả"}' where tenant_id = ${tenantId} and seq = 4`);
    expect(await verifyAuditChain(sql, tenantId)).toMatchObject({ ok: false, tenantId, seq: 4, problem: 'content' });
  });

  it('reports a deleted row as a gap, and rows cut from the end as truncation', async () => {
    await tamper((tx) => tx`delete from audit_log where tenant_id = ${tenantId} and seq <= 4`);
    expect(await verifyAuditChain(sql, tenantId)).toMatchObject({ ok: false, seq: 5, problem: 'gap' });
    await tamper((tx) => tx`delete from audit_log where tenant_id = ${tenantId}`);
    expect(await verifyAuditChain(sql, tenantId)).toMatchObject({ ok: false, seq: 10, problem: 'truncated' });
  });
});
