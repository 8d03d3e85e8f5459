import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { databaseBefore, type DatabaseBefore } from '../testing/database-before.js';

// 0022 against dossiers that closed before the column existed: a throwaway database is migrated
// up to 0021, given rows as the old code left them, then migrated to the end (as in
// dossier-files.test.ts for 0021).
const CLOSED_AT_MIGRATION = '0022_add-dossier-closed-at';
let db: DatabaseBefore;
let admin: postgres.Sql;

beforeAll(async () => {
  db = await databaseBefore(CLOSED_AT_MIGRATION, { databaseUrl: inject('databaseUrl'), adminDatabaseUrl: inject('adminDatabaseUrl') });
  admin = db.admin;
});
afterAll(() => db?.drop());

interface Legacy {
  status: number;
  receivedAt: string;
  finishedAt?: string;
  /** Events as the workflow recorded them: kind and when. */
  events?: [kind: string, at: string][];
}

/** Dossiers as code before 0022 left them, keyed by their code. */
const LEGACY: Record<string, Legacy> = {
  resolved: { status: 10, receivedAt: '2026-03-02T08:00:00+07:00', finishedAt: '2026-03-05T10:00:00+07:00' },
  awaitingReturn: { status: 9, receivedAt: '2026-03-02T08:00:00+07:00', finishedAt: '2026-03-06T16:00:00+07:00' },
  // Accepted first, then refused: only the refusal closes it.
  refused: {
    status: 3,
    receivedAt: '2026-03-02T08:00:00+07:00',
    events: [
      ['accepted', '2026-03-02T09:00:00+07:00'],
      ['refused', '2026-03-02T15:00:00+07:00'],
    ],
  },
  // Two stop events (a retried projection under an older key): the earliest counts.
  stoppedTwice: {
    status: 8,
    receivedAt: '2026-03-03T08:00:00+07:00',
    events: [
      ['stopped', '2026-03-10T08:00:00+07:00'],
      ['stopped', '2026-03-09T08:00:00+07:00'],
    ],
  },
  withdrawnWithoutHistory: { status: 7, receivedAt: '2026-03-04T08:00:00+07:00' },
  open: { status: 4, receivedAt: '2026-03-04T08:00:00+07:00', events: [['accepted', '2026-03-04T09:00:00+07:00']] },
  // A result, then a withdrawal event: the result closed it.
  finishedThenWithdrawn: {
    status: 7,
    receivedAt: '2026-03-04T08:00:00+07:00',
    finishedAt: '2026-03-07T08:00:00+07:00',
    events: [['withdrawn', '2026-03-08T08:00:00+07:00']],
  },
};

/** A province with the LEGACY dossiers, each code its key. */
async function legacyProvince(): Promise<string> {
  const [tenantId, unitId] = [randomUUID(), randomUUID()];
  await admin`insert into tenants (id, code, name, full_name, kind) values (${tenantId}, ${`T${tenantId.slice(0, 8)}`}, 'Tỉnh cũ', 'Tỉnh cũ', 'province')`;
  await admin`insert into org_units (tenant_id, id, path, code, name, kind) values (${tenantId}, ${unitId}, ${[unitId]}, 'U1', 'Bộ phận một cửa', 'commune_one_stop')`;
  const [procedure] = await admin<{ id: string }[]>`
    insert into procedures (code, version, name, sector, level, channels, processing_time, online_service_level)
    values (${`9.${tenantId.slice(0, 6)}`}, 1, 'Thủ tục', 'Giáo dục', 'commune', ${['online']}, '{}', 'full') returning id`;
  for (const [code, d] of Object.entries(LEGACY)) {
    const [row] = await admin<{ id: string }[]>`
      insert into dossiers (tenant_id, code, procedure_id, channel, receiving_unit_id, current_unit_id, applicant_name, national_status, local_status, received_at, finished_at)
      values (${tenantId}, ${code}, ${procedure!.id}, 'online', ${unitId}, ${unitId}, 'Nguyễn Văn A', ${d.status}, 'x', ${d.receivedAt}, ${d.finishedAt ?? null})
      returning id`;
    for (const [i, [kind, at]] of (d.events ?? []).entries()) {
      await admin`insert into dossier_events (tenant_id, dossier_id, event_key, kind, occurred_at) values (${tenantId}, ${row!.id}, ${`legacy:${i}`}, ${kind}, ${at})`;
    }
  }
  return tenantId;
}

describe('migration 0022 (dossier closed_at)', () => {
  it('closes each dossier at its result, else at its first refusal, withdrawal or stop, else at receipt, and keeps RLS forced', async () => {
    const tenantId = await legacyProvince();
    await db.migrateRest();

    const rows = await admin<{ code: string; closedAt: Date | null }[]>`select code, closed_at as "closedAt" from dossiers where tenant_id = ${tenantId}`;
    const closed = Object.fromEntries(rows.map((r) => [r.code, r.closedAt?.toISOString() ?? null]));
    const at = (s: string) => new Date(s).toISOString();
    expect(closed).toEqual({
      resolved: at(LEGACY.resolved!.finishedAt!),
      awaitingReturn: at(LEGACY.awaitingReturn!.finishedAt!),
      refused: at('2026-03-02T15:00:00+07:00'),
      stoppedTwice: at('2026-03-09T08:00:00+07:00'),
      withdrawnWithoutHistory: at(LEGACY.withdrawnWithoutHistory!.receivedAt),
      open: null,
      finishedThenWithdrawn: at(LEGACY.finishedThenWithdrawn!.finishedAt!),
    });
    const tables = await admin<{ name: string; forced: boolean }[]>`
      select relname as name, relforcerowsecurity as forced from pg_class where oid in ('dossiers'::regclass, 'dossier_events'::regclass) order by 1`;
    expect(tables).toEqual([
      { name: 'dossier_events', forced: true },
      { name: 'dossiers', forced: true },
    ]);
  });

  it('indexes dossiers by tenant and when they closed (null while open), for the period reports', async () => {
    // The key columns only: the columns the reports read beside them are INCLUDEd (migration 0060).
    const indexes = await admin<{ name: string; columns: string[]; predicate: string | null }[]>`
      select c.relname as name, pg_get_expr(i.indpred, i.indrelid) as predicate,
        array(select a.attname::text from unnest(i.indkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
          where k.n <= i.indnkeyatts order by k.n) as columns
      from pg_index i join pg_class c on c.oid = i.indexrelid
      where c.relname = 'dossiers_closed_idx'`;
    expect(indexes).toEqual([{ name: 'dossiers_closed_idx', columns: ['tenant_id', 'closed_at'], predicate: null }]);
  });
});
