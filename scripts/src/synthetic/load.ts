import { createDb, type Sql } from '@gov/db';
import { setupDatabase } from '@gov/db/setup';
import type { DatabaseUrls } from '@gov/runtime';
import { copyDossiers } from './copy-dossiers.js';
import { localMidnight } from './receipt-time.js';
import { maintenanceUrl } from './maintenance-url.js';
import { ensureOrgUnits, type ProvinceUnits } from './org-units.js';
import { ensureProcedures, type Procedure } from './procedures.js';
import { Progress } from './progress.js';
import { apportion } from './provinces.js';
import { provinceDossierLines } from './province-dossiers.js';
import { Random } from './random.js';
import { resetSyntheticDossiers } from './reset.js';

export interface LoadOptions {
  dossiers: number;
  seed: number;
  /** Delete earlier synthetic dossiers first. */
  reset: boolean;
  /** Dossiers are received over the 365 days before this instant's local date. */
  asOf: Date;
  log: (line: string) => void;
}

/** Lines per COPY chunk: ~250 kB, big enough to amortise the stream, small enough to stream. */
const CHUNK_LINES = 1000;
const DAYS = 365;

/**
 * Sets the database up, adds the synthetic org units and procedures when missing, then streams
 * `dossiers` new dossiers through one COPY (one transaction: a failed load leaves nothing).
 * Re-running adds more; codes continue after the ones already there.
 */
export async function loadSyntheticDossiers(urls: DatabaseUrls, options: LoadOptions): Promise<{ seconds: number }> {
  await setupDatabase(urls, options.log);
  const { sql } = createDb(maintenanceUrl(urls), { max: 1 });
  try {
    if (options.reset) options.log(await resetSyntheticDossiers(sql));
    const procedures = await ensureProcedures(sql);
    const provinces = await ensureOrgUnits(sql);
    if (options.dossiers === 0) return { seconds: 0 };
    const firstSequence = await nextSequences(sql);
    // Salt the stream with what is already there: a re-run without --reset draws new ids
    // instead of colliding with the previous run's; from an empty table a seed reproduces.
    const [existing] = await sql<{ n: number }[]>`select count(*)::int as n from dossiers`;
    const progress = new Progress('dossiers', options.dossiers);
    const lines = chunks({ ...options, provinces, procedures, firstSequence, salt: existing?.n ?? 0, progress });
    await copyDossiers(sql, lines);
    const seconds = progress.finish();
    // VACUUM, not only ANALYZE: it also sets hint bits and the visibility map now, instead of
    // leaving that write work to the first readers (the benchmark would measure it).
    options.log('vacuum analyze dossiers…');
    await sql`vacuum (analyze) dossiers`;
    return { seconds };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Per receiving unit, the first free daily sequence number after earlier runs' codes. */
async function nextSequences(sql: Sql): Promise<Map<string, number>> {
  const rows = await sql<{ unitId: string; next: number }[]>`
    select receiving_unit_id as "unitId", max(right(code, 4)::int) + 1 as next
    from dossiers where code ~ '-[0-9]{6}-[0-9]{4}$' group by receiving_unit_id`;
  return new Map(rows.map((r) => [r.unitId, r.next]));
}

function* chunks(
  args: LoadOptions & {
    provinces: readonly ProvinceUnits[];
    procedures: readonly Procedure[];
    firstSequence: ReadonlyMap<string, number>;
    salt: number;
    progress: Progress;
  },
): Generator<string> {
  const counts = apportion(
    args.dossiers,
    args.provinces.map((p) => p.code),
  );
  const until = localMidnight(args.asOf.getTime());
  let buffer: string[] = [];
  for (const province of args.provinces) {
    const random = new Random(args.seed, args.salt, Number(province.code));
    const count = counts.get(province.code) ?? 0;
    const lines = provinceDossierLines({ ...args, province, count, random, until, days: DAYS });
    for (const line of lines) {
      buffer.push(line);
      if (buffer.length === CHUNK_LINES) {
        yield buffer.join('');
        args.progress.add(buffer.length);
        buffer = [];
      }
    }
  }
  if (buffer.length > 0) yield buffer.join('');
  args.progress.add(buffer.length);
}
