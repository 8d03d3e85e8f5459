import { readFileSync } from 'node:fs';
import { createDb, schema, withTenant } from '@gov/db';
import { createTenantFixture } from '@gov/db/testing';
import { DefaultProcessSteps, DomainError, parseCatalogJson } from '@gov/domain';
import * as v from 'valibot';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { ServiceContext } from '../context.js';
import { citizenRules, contextFor, ministryAdminRules, sampleProcedure, uniqueCode, freshCode } from '../testing/catalog-fixtures.js';
import { exportCatalog } from './export-catalog.js';
import { getProcedure } from './get-procedure.js';
import { importCatalog } from './import-catalog.js';
import { listProcedures } from './list-procedures.js';
import { publishProcedure } from './publish-procedure.js';
import { readCatalogFile } from './read-catalog-file.js';

const deps = createDb(inject('databaseUrl'), { max: 3 });
afterAll(() => deps.sql.end({ timeout: 1 }));
let ministryCtx: ServiceContext;
beforeAll(async () => {
  ministryCtx = await contextFor(deps, ministryAdminRules, 'ministry');
});
const ministry = () => ministryCtx;

async function rejection(run: () => Promise<unknown>): Promise<DomainError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

const rowsFor = (codes: string[]) => deps.db.select().from(schema.procedures).where(inArray(schema.procedures.code, codes));

describe('catalog import', () => {
  it('writes nothing when any row has an error, and returns the whole report', async () => {
    const [good, bad] = [await freshCode(deps.db), await freshCode(deps.db)];
    const file = JSON.stringify([sampleProcedure(good), sampleProcedure(bad, { level: 'district' as never, processingTime: [] })]);
    const error = await rejection(() => importCatalog({ ctx: ministry(), input: { format: 'json', content: file } }));
    expect(error.code).toBe('invalid');
    expect(error.userMessage.vi).toContain('chưa có dữ liệu nào được ghi');
    expect((error.details as { report: unknown[] }).report).toEqual([
      expect.objectContaining({ row: 2, field: 'level' }),
      expect.objectContaining({ row: 2, field: 'processingTime', problem: 'cần thời hạn giải quyết' }),
    ]);
    expect(await rowsFor([good, bad])).toEqual([]);
  });

  it('reports CSV problems by spreadsheet line', async () => {
    const code = await freshCode(deps.db);
    const csv = `code,name,sector,level,channels,processingTime,cases,onlineServiceLevel\n${code},"Cấp bản sao, thử",Giáo dục,commune,online,online:x:working_days,"[]",full\n`;
    const error = await rejection(() => importCatalog({ ctx: ministry(), input: { format: 'csv', content: csv } }));
    const report = (error.details as { report: { row: number; field: string }[] }).report;
    expect(report.map((p) => [p.row, p.field])).toEqual([
      [2, 'cases'],
      [2, 'processingTime.0.amount'],
    ]);
    expect(await rowsFor([code])).toEqual([]);
  });

  it('dry run checks without writing; a real import creates version 1 and a re-import changes nothing', async () => {
    const code = await freshCode(deps.db);
    const content = JSON.stringify({ procedures: [sampleProcedure(code)] });
    expect(await importCatalog({ ctx: ministry(), input: { format: 'json', content, dryRun: true } })).toMatchObject({ dryRun: true, checked: 1 });
    expect(await rowsFor([code])).toEqual([]);
    expect(await importCatalog({ ctx: ministry(), input: { format: 'json', content } })).toMatchObject({ created: [{ code, version: 1 }] });
    expect(await importCatalog({ ctx: ministry(), input: { format: 'json', content } })).toMatchObject({ created: [], unchanged: [code] });
  });

  it('exports CSV and JSON that import back unchanged', async () => {
    const code = await freshCode(deps.db);
    await publishProcedure({ ctx: ministry(), input: sampleProcedure(code, { fees: [{ kind: 'charge', name: 'Lệ phí, "đặc biệt"', amountVnd: 50_000 }] }) });
    for (const format of ['csv', 'json'] as const) {
      const { body } = await exportCatalog({ ctx: ministry(), input: { format } });
      expect(body).toContain(code);
      // The test database also holds other suites' fixture procedures; import only the valid ones back.
      if (format === 'csv') {
        const mine = readCatalogFile('csv', body);
        expect(mine.problems).toEqual([]);
        expect(mine.records.find((r) => r.record.code === code)?.record.fees[0]?.name).toBe('Lệ phí, "đặc biệt"');
      }
      if (format === 'json') {
        const mine = parseCatalogJson(body).records.filter((r) => r.record.code === code);
        expect(mine).toHaveLength(1);
        expect(mine[0]?.record.fees[0]?.name).toBe('Lệ phí, "đặc biệt"');
      }
    }
  });

  it('the seed catalog is valid, with at least 20 procedures including inter-agency ones', () => {
    const text = readFileSync(new URL('../../../db/data/catalog/procedures.json', import.meta.url), 'utf8');
    const { records, problems } = parseCatalogJson(text);
    expect(problems).toEqual([]);
    expect(records.length).toBeGreaterThanOrEqual(20);
    expect(records.filter((r) => r.record.interAgency).length).toBeGreaterThanOrEqual(3);
    expect(new Set(records.map((r) => r.record.level))).toEqual(new Set(['province', 'commune']));
    const { defaultProcesses } = JSON.parse(text) as { defaultProcesses: { procedureCode: string; steps: unknown }[] };
    for (const d of defaultProcesses)
      expect({ code: d.procedureCode, ok: v.safeParse(DefaultProcessSteps, d.steps).success }).toEqual({ code: d.procedureCode, ok: true });
  });
});

describe('catalog versions', () => {
  it('a change creates a new version; the old row and a dossier filed under it are unchanged', async () => {
    const code = await freshCode(deps.db);
    const v1 = await publishProcedure({ ctx: ministry(), input: sampleProcedure(code) });
    const fixture = await createTenantFixture({ sql: deps.sql, ownerUrl: inject('ownerDatabaseUrl') });
    await withTenant(deps.sql, fixture.tenantId, (tx) =>
      tx.update(schema.dossiers).set({ procedureId: v1.version.id }).where(eq(schema.dossiers.id, fixture.dossierId)),
    );
    const v2 = await publishProcedure({
      ctx: ministry(),
      input: sampleProcedure(code, {
        name: 'Tên mới của thủ tục',
        processingTime: [
          { channel: 'online', amount: 3, unit: 'working_days' },
          { channel: 'in_person', amount: 3, unit: 'working_days' },
        ],
      }),
    });
    expect([v1.version.version, v2.version.version, v2.created]).toEqual([1, 2, true]);
    expect((await getProcedure({ ctx: ministry(), input: { code } })).name).toBe('Tên mới của thủ tục');
    const old = await getProcedure({ ctx: ministry(), input: { code, version: 1 } });
    expect(old).toMatchObject({ id: v1.version.id, name: sampleProcedure(code).name, processingTime: sampleProcedure(code).processingTime });
    const [dossier] = await withTenant(deps.sql, fixture.tenantId, (tx) => tx.select().from(schema.dossiers).where(eq(schema.dossiers.id, fixture.dossierId)));
    expect(dossier?.procedureId).toBe(v1.version.id);
    const audit = await deps.db.select().from(schema.platformAuditLog).where(eq(schema.platformAuditLog.subjectId, v2.version.id));
    expect(audit).toMatchObject([{ action: 'procedure.version_published', details: { code, version: 2 } }]);
  });

  it('lists the latest version only, with its retention, and finds it by an accent-free name prefix', async () => {
    const code = await freshCode(deps.db);
    await publishProcedure({ ctx: ministry(), input: sampleProcedure(code, { name: `Đăng ký thử nghiệm ${code}` }) });
    await publishProcedure({ ctx: ministry(), input: sampleProcedure(code, { name: `Đăng ký thử nghiệm ${code} (sửa đổi)`, retentionYears: 10 }) });
    const { items } = await listProcedures({ ctx: await contextFor(deps, citizenRules, 'citizen'), input: { q: `dang ky thu nghiem ${code}` } });
    expect(items.map((i) => [i.code, i.version, i.retentionYears])).toEqual([[code, 2, 10]]);
  });

  it('a citizen may read the catalog but not change it', async () => {
    const citizen = await contextFor(deps, citizenRules, 'citizen');
    const error = await rejection(() => publishProcedure({ ctx: citizen, input: sampleProcedure(uniqueCode()) }));
    expect(error.code).toBe('forbidden');
  });
});
