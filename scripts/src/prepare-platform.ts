import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createDb } from '@gov/db';
import { setupDatabase } from '@gov/db/setup';
import type { DatabaseUrls } from '@gov/runtime';
import { seedDemo } from './demo/seed-demo.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What `npm start` and `npm run start:cluster` do before starting anything: the database created,
 * migrated and seeded with the provinces and the demo accounts, and the web app built.
 */
export async function preparePlatform(args: { urls: DatabaseUrls; citizenIdSecret: string; log: (line: string) => void; buildWeb: boolean }): Promise<void> {
  const { urls, log } = args;
  const counts = await setupDatabase(urls, log);
  log(`database ${urls.databaseName}: ${counts.provinces} provinces, ${counts.adminUnits} commune-level units`);
  const demoDb = createDb(urls.app, { max: 2 });
  await seedDemo(demoDb.db, demoDb.sql, { citizenIdSecret: args.citizenIdSecret }).finally(() => demoDb.sql.end({ timeout: 1 }));
  if (!args.buildWeb) return;
  log('building the web app…');
  execFileSync('npm', ['run', 'build', '--silent', '-w', '@gov/web'], { cwd: ROOT, stdio: 'inherit' });
}
