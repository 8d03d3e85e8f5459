import { randomUUID } from 'node:crypto';
import { databaseUrls } from '@gov/runtime';
import postgres from 'postgres';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { setupDatabase } from './setup-database.js';

// A throwaway database: migrations must apply to an empty one and re-run as a no-op.
const name = `gov_fresh_${randomUUID().slice(0, 8)}`;
const app = new URL(inject('databaseUrl'));
app.pathname = `/${name}`;
const admin = new URL(inject('adminDatabaseUrl'));
admin.pathname = '/postgres';
const urls = { ...databaseUrls({ DATABASE_URL: app.toString() }), admin: admin.toString() };

afterAll(async () => {
  const sql = postgres(urls.admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists "${name}" with (force)`);
  await sql.end();
});

describe('setupDatabase', () => {
  it('migrates an empty database and seeds it, and a second run changes nothing', async () => {
    const first = await setupDatabase(urls, () => {});
    expect(first).toMatchObject({ provinces: 34, adminUnits: 3320 });
    const owner = postgres(urls.owner, { max: 1, onnotice: () => {} });
    const before = await owner`select count(*)::int as n from drizzle.__drizzle_migrations`;
    const second = await setupDatabase(urls, () => {});
    const after = await owner`select count(*)::int as n from drizzle.__drizzle_migrations`;
    await owner.end();
    expect(second).toEqual(first);
    expect(after).toEqual(before);
  });
});
