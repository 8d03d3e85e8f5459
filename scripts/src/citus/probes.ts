import { randomUUID } from 'node:crypto';
import { authorityOf, reportProvinceUnits, type ServiceContext } from '@gov/core';
import { tablesPlaced } from '@gov/db/distribution';
import { createTenantFixture, fixtureRowsIn, type TenantFixture } from '@gov/db/testing';
import { withTenant, type createDb } from '@gov/db';
import { createAppAbility } from '@gov/domain';
import { projectTransition } from '@gov/workflows';

export interface Probe {
  label: string;
  ok: boolean;
  detail: string;
}

type Pool = ReturnType<typeof createDb>;

/** The server's own words: drizzle wraps them in a "Failed query" error whose cause they are. */
export const errorText = (error: unknown): string => {
  const e = error as { code?: string; message?: string; detail?: string; cause?: unknown };
  if (e.cause && !e.code) return errorText(e.cause);
  return `${e.code ? `${e.code} ` : ''}${e.message ?? String(error)}${e.detail ? ` (${e.detail})` : ''}`;
};

/** The SQLSTATE a statement fails with, or 'ok'. */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? errorText(error);
  }
}

/**
 * What the app does against the coordinator, each step reported rather than stopping at the
 * first failure: an intake's rows in every tenant table (the isolation fixture, written through
 * withTenant like an intake), the tenant leak checks of services/db/src/tenant/isolation.test.ts,
 * an officer action's projection (the workflow activity projectTransition) and the province
 * report, as the province and as the ministry.
 */
export async function runProbes(app: Pool, ownerUrl: string, fixtures: readonly [TenantFixture, TenantFixture]): Promise<Probe[]> {
  const probes: Probe[] = [];
  const step = async (label: string, fn: () => Promise<string>) => {
    try {
      const detail = await fn();
      probes.push({ label, ok: !detail.startsWith('LEAK') && !detail.startsWith('WRONG'), detail });
    } catch (error) {
      probes.push({ label, ok: false, detail: errorText(error) });
    }
  };
  await step('intake: one row in every tenant table for a new tenant (withTenant)', async () => {
    const c = await createTenantFixture({ sql: app.sql, ownerUrl });
    return `dossier ${c.dossierId}`;
  });
  const [ta, tb] = fixtures;
  const tables = tablesPlaced('tenant').filter((t) => t !== 'audit_chain_heads');

  await step('leak check: tenant A reads its own rows and none of B’s, every tenant table', async () => {
    const wrong: string[] = [];
    for (const table of tables) {
      if (table === 'citizen_documents') continue; // readable only with its owner set as well
      const counts = await withTenant(app.sql, ta.tenantId, async (tx) => {
        const run = (tenantId: string) => tx.$client<{ n: number }[]>`select count(*)::int as n from ${tx.$client(table)} where tenant_id = ${tenantId}`;
        return { own: (await run(ta.tenantId))[0]?.n, other: (await run(tb.tenantId))[0]?.n };
      });
      if (counts.other !== 0) wrong.push(`LEAK ${table}: ${counts.other} of B's rows`);
      else if (counts.own !== fixtureRowsIn(table)) wrong.push(`${table}: own ${counts.own} of ${fixtureRowsIn(table)}`);
    }
    return wrong.length === 0 ? `${tables.length - 1} tables: own rows all there, other 0` : `WRONG ${wrong.join('; ')}`;
  });
  await step('leak check: without a tenant set, no rows (no tenant filter in the query)', async () => {
    const seen: string[] = [];
    for (const table of tables) {
      const [row] = await app.sql<{ n: number }[]>`select count(*)::int as n from ${app.sql(table)}`;
      if (row?.n) seen.push(`${table}: ${row.n}`);
    }
    return seen.length === 0 ? `${tables.length} tables: 0 rows` : `LEAK ${seen.join('; ')}`;
  });
  await step('leak check: tenant A, a query without a tenant filter sees only A (fan-out to every shard)', async () => {
    const rows = await withTenant(app.sql, ta.tenantId, (tx) => tx.$client<{ tenant_id: string }[]>`select distinct tenant_id from dossiers`);
    const ids = rows.map((r) => r.tenant_id);
    if (ids.includes(tb.tenantId)) return `LEAK dossiers of B visible`;
    return ids.length === 1 && ids[0] === ta.tenantId ? 'only A' : `WRONG saw ${ids.length} tenants`;
  });
  await step('leak check: tenant A cannot insert a row for tenant B', async () => {
    const code = await withTenant(app.sql, ta.tenantId, (tx) =>
      outcome(() => tx.$client`insert into outbox (tenant_id, topic, payload) values (${tb.tenantId}, 'x', '{}')`),
    );
    return code === '42501' ? 'refused (42501)' : `LEAK insert answered ${code}`;
  });
  await step('leak check: tenant A updates and deletes none of B’s rows', async () => {
    const counts = await withTenant(app.sql, ta.tenantId, async (tx) => ({
      updated: (await tx.$client`update dossiers set applicant_name = applicant_name where tenant_id = ${tb.tenantId}`).count,
      deleted: (await tx.$client`delete from outbox where tenant_id = ${tb.tenantId}`).count,
    }));
    return counts.updated === 0 && counts.deleted === 0 ? '0 rows' : `LEAK updated ${counts.updated}, deleted ${counts.deleted}`;
  });

  await step('officer action: the workflow’s projection of "received → in review" (projectTransition)', async () => {
    const workflowId = `dossier-${ta.dossierId}`;
    const result = await projectTransition(app.sql, {
      tenantId: ta.tenantId,
      dossierId: ta.dossierId,
      workflowId,
      eventKey: `${workflowId}:process:1`,
      kind: 'transition',
      actorUserId: ta.userId,
      fromStep: 'receive',
      toStep: 'process',
      content: { note: 'rehearsal' },
      stepDueAt: null,
      deadlineMet: null,
      occurredAt: new Date().toISOString(),
      dossier: { nationalStatus: 4, localStatus: 'in_review', currentUnitId: ta.unitId },
      tasks: { open: { stepKey: 'review', orgUnitId: ta.unitId, role: 'specialist', dueAt: null, assigneeUserId: null } },
      notify: { template: 'dossier.processing' },
    });
    const [row] = await withTenant(
      app.sql,
      ta.tenantId,
      (tx) => tx.$client<{ s: number }[]>`select national_status as s from dossiers where id = ${ta.dossierId}`,
    );
    return row?.s === 4 && result.inserted ? 'event written, dossier now status 4, task opened' : `WRONG inserted ${result.inserted}, status ${row?.s}`;
  });

  // The current year: the fixtures' dossiers were received now.
  const year = new Date().getUTCFullYear();
  const period = { from: `${year}-01-01`, to: `${year}-12-31` };
  await step('province report by unit, as the province (withTenant)', async () => {
    const ctx: ServiceContext = {
      requestId: randomUUID(),
      db: app.db,
      sql: app.sql,
      actor: { userId: ta.userId, kind: 'officer', displayName: 'Lãnh đạo' },
      ...authorityOf({
        userId: ta.userId,
        kind: 'officer',
        grants: [{ role: 'province_admin', tenantId: ta.tenantId, orgUnitId: ta.unitId, wholeTenant: true }],
        platformRoles: [],
      }),
    };
    const report = await reportProvinceUnits({ ctx, tenantId: ta.tenantId, input: period });
    return report.totals.received === 1 ? `1 unit, received ${report.totals.received}` : `WRONG totals ${JSON.stringify(report.totals)}`;
  });
  await step('province report by unit, as the ministry (SET LOCAL ROLE gov_ministry, read only)', () => ministryReport(app, tb.tenantId));
  return probes;
}

/** The ministry's read of province B's report: withMinistryRead, its role taken with SET LOCAL ROLE. */
export async function ministryReport(app: Pool, tenantId: string): Promise<string> {
  const year = new Date().getUTCFullYear();
  const ctx: ServiceContext = {
    requestId: randomUUID(),
    db: app.db,
    sql: app.sql,
    actor: { userId: randomUUID(), kind: 'ministry', displayName: 'Cán bộ Bộ' },
    ability: createAppAbility([{ action: 'read', subject: 'Report' }]),
    grants: [],
  };
  const report = await reportProvinceUnits({ ctx, tenantId, input: { from: `${year}-01-01`, to: `${year}-12-31` } });
  return report.totals.received === 1 ? `the province's report, received ${report.totals.received}` : `WRONG totals ${JSON.stringify(report.totals)}`;
}
