import type postgres from 'postgres';

/** The dossiers and the size of each database at one moment. */
export interface StoreFigures {
  dossiers: number;
  /** Not closed yet (`closed_at` null): each has a running workflow. */
  openDossiers: number;
  bytes: { app: number; temporal: number; visibility: number };
}

export async function storeFigures(admin: postgres.Sql, databases: { app: string; temporal: string; visibility: string }): Promise<StoreFigures> {
  const [counts] = await admin<{ dossiers: number; open: number }[]>`
    select count(*)::int as dossiers, (count(*) filter (where closed_at is null))::int as open from dossiers`;
  const [sizes] = await admin<{ app: string; temporal: string; visibility: string }[]>`
    select pg_database_size(${databases.app}) as app, pg_database_size(${databases.temporal}) as temporal,
           pg_database_size(${databases.visibility}) as visibility`;
  return {
    dossiers: counts?.dossiers ?? 0,
    openDossiers: counts?.open ?? 0,
    bytes: { app: Number(sizes?.app), temporal: Number(sizes?.temporal), visibility: Number(sizes?.visibility) },
  };
}
