import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const CATALOG_FILE = fileURLToPath(new URL('../../data/catalog/procedures.json', import.meta.url));

/** The seed file: the catalog export format plus the ministry's default processes. */
interface SeedFile {
  procedures: ({ code: string; name: string; sector: string; level: string; channels: string[] } & Record<string, unknown>)[];
  defaultProcesses: { procedureCode: string; caseCode: string; steps: unknown[] }[];
}

export interface CatalogSeedCounts {
  procedures: number;
  defaultProcesses: number;
}

const json = (value: unknown) => JSON.stringify(value ?? []);

/**
 * Loads the illustrative seed catalog as version 1 of each procedure and its default process.
 * Idempotent: an existing version 1 is left alone, so a ministry's later versions and a second
 * setup run change nothing. Runs as the owner (the catalog is global, without RLS). The file is
 * validated against @gov/domain's ProcedureRecord by a test in @gov/core.
 */
export async function seedCatalog(ownerUrl: string): Promise<CatalogSeedCounts> {
  const seed = JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as SeedFile;
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      for (const p of seed.procedures) {
        await tx`
          insert into procedures (code, version, name, sector, level, channels, cases, processing_time, applicants,
            handling_agency, result, fees, forms, conditions, legal_basis, online_service_level, inter_agency,
            jurisdiction_free, result_digitally_signed, fee_paid_online)
          values (${p.code}, 1, ${p.name}, ${p.sector}, ${p.level}::procedure_level, ${p.channels}::text[],
            ${json(p.cases)}::jsonb, ${json(p.processingTime)}::jsonb, ${(p.applicants as string) ?? null},
            ${(p.handlingAgency as string) ?? null}, ${(p.result as string) ?? null}, ${json(p.fees)}::jsonb,
            ${json(p.forms)}::jsonb, ${(p.conditions as string) ?? null}, ${(p.legalBasis as string) ?? null},
            ${p.onlineServiceLevel as string}::online_service_level, ${Boolean(p.interAgency)}, ${Boolean(p.jurisdictionFree)},
            ${Boolean(p.resultDigitallySigned)}, ${Boolean(p.feePaidOnline)})
          on conflict (code, version) do nothing`;
      }
      for (const d of seed.defaultProcesses) {
        await tx`
          insert into default_processes (procedure_code, case_code, version, steps)
          values (${d.procedureCode}, ${d.caseCode}, 1, ${json(d.steps)}::jsonb)
          on conflict (procedure_code, case_code, version) do nothing`;
      }
    });
    const [counts] = await sql<CatalogSeedCounts[]>`
      select (select count(distinct code) from procedures)::int as procedures,
             (select count(*) from default_processes)::int as "defaultProcesses"`;
    return counts ?? { procedures: 0, defaultProcesses: 0 };
  } finally {
    await sql.end({ timeout: 1 });
  }
}
