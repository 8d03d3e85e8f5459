import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { ensureRootUnit, importOfficers, type ServiceContext } from '@gov/core';
import { createDb, schema, withTenant } from '@gov/db';
import { createTenant } from '@gov/db/testing';
import { createAppAbility } from '@gov/domain';
import { ConfigError, databaseUrls } from '@gov/runtime';
import { readScriptsEnv } from '../env.js';
import { countOption, isUsageError } from '../synthetic/cli-options.js';

const USAGE = 'usage: npm run bench:import -- [--rows N] [--units N]';
const GOAL_SECONDS = 30;

/** A province admin of the bench province, as the route builds one: may create officers anywhere in it. */
function provinceAdmin(db: ServiceContext['db'], sql: ServiceContext['sql'], tenantId: string): ServiceContext {
  return {
    requestId: `bench-${randomUUID()}`,
    db,
    sql,
    actor: { userId: randomUUID(), kind: 'officer', displayName: 'Bench' },
    ability: createAppAbility([{ action: 'create', subject: 'User', conditions: { tenantId } }]),
    grants: [],
  };
}

/** A spreadsheet as a province sends it: Excel's BOM and `;`, every officer valid, spread over the units. */
function officerFile(rows: number, unitCodes: string[], run: string): string {
  const lines = ['\uFEFFHọ và tên;Tên đăng nhập;Số CCCD;Điện thoại di động;Email công vụ;Chức vụ;Mã đơn vị'];
  for (let i = 0; i < rows; i++) {
    const n = String(i).padStart(6, '0');
    lines.push(`Cán bộ Thử ${n};bench.${run}.${n};001099${n};0912${n};cb.${run}.${n}@example.gov.vn;Chuyên viên;${unitCodes[i % unitCodes.length]}`);
  }
  return lines.join('\r\n');
}

/**
 * `npm run bench:import`: a province admin's officer file of 10,000 rows (by default) checked with
 * a dry run, then imported: every officer, profile, invitation (code and outbox row) and audit
 * record in one transaction. It works on the database of DATABASE_URL in a province of its own,
 * made for the run, and prints the seconds of each step against the 30-second goal.
 */
async function main() {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, units: { type: 'string' } } });
  const rows = countOption('rows', values.rows, 10_000);
  const unitCount = countOption('units', values.units, 50);
  const urls = databaseUrls(readScriptsEnv());
  const { db, sql } = createDb(urls.app);
  try {
    const tenantId = await createTenant(urls.owner, 'Tỉnh Đo nhập cán bộ');
    const run = randomUUID().slice(0, 6);
    const unitCodes = await withTenant(sql, tenantId, async (tx) => {
      const root = await ensureRootUnit(tx, tenantId);
      const units = Array.from({ length: unitCount }, (_, i) => {
        const id = randomUUID();
        return {
          tenantId,
          id,
          parentId: root.id,
          path: [...root.path, id],
          code: `XA-${run}-${i}`.toUpperCase(),
          name: `Xã ${i}`,
          kind: 'commune_one_stop' as const,
        };
      });
      await tx.insert(schema.orgUnits).values(units);
      return units.map((u) => u.code);
    });
    const content = officerFile(rows, unitCodes, run);
    const ctx = provinceAdmin(db, sql, tenantId);
    const keys = { codeSecret: 'bench-code-secret-0123456789abcdef', citizenIdSecret: 'bench-citizen-secret-0123456789abc' };
    const load = loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
    const timed = async (dryRun: boolean) => {
      const started = performance.now();
      const result = await importOfficers({ ctx, tenantId, keys, input: { content, dryRun } });
      return { seconds: (performance.now() - started) / 1000, result };
    };
    const check = await timed(true);
    const apply = await timed(false);
    console.log(
      `officer import into ${urls.databaseName}: ${rows.toLocaleString('en-US')} rows over ${unitCount} units, ${(content.length / 1024 / 1024).toFixed(1)} MB; load average at start: ${load}\n`,
    );
    console.log('step        rows   seconds   rows/s   goal');
    for (const [step, r] of [
      ['dry run', check],
      ['import', apply],
    ] as const) {
      const rate = Math.round(rows / r.seconds).toLocaleString('en-US');
      console.log(
        `${step.padEnd(8)}${rows.toLocaleString('en-US').padStart(8)}${r.seconds.toFixed(2).padStart(10)}${rate.padStart(9)}   ${r.seconds < GOAL_SECONDS ? 'met' : 'MISSED'} (< ${GOAL_SECONDS} s)`,
      );
    }
    if (apply.result.created !== rows) throw new Error(`expected ${rows} officers, created ${apply.result.created}`);
  } finally {
    await sql.end();
  }
}

main().catch((error: unknown) => {
  if (isUsageError(error)) console.error(`${error.message}\n${USAGE}`);
  else if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
