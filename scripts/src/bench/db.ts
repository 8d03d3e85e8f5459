import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createDb, withTenant } from '@gov/db';
import { ConfigError, databaseUrls } from '@gov/runtime';
import { readScriptsEnv } from '../env.js';
import { countOption, isUsageError } from '../synthetic/cli-options.js';
import { maintenanceUrl } from '../synthetic/maintenance-url.js';
import { interleaved } from './closed-loop.js';
import { ensureDossiers } from './ensure-dossiers.js';
import { type InboxArgs, inboxPage } from './inbox-query.js';
import { report } from './report.js';
import { inboxRequests } from './workload.js';

const USAGE = 'usage: npm run bench:db -- [--dossiers N] [--seconds S] [--clients C] [--seed S]';
const log = (line: string) => console.error(line);

/**
 * `npm run bench:db`: an officer's inbox page through the real tenant-scoped path (withTenant as
 * gov_app: transaction, set_config, RLS) against the same SELECT as one statement on a
 * connection that bypasses RLS, and the tenant path's transaction on that connection (what the
 * transaction costs without the policies), closed loop, same requests in the same order. Not a test: the
 * figures depend on the machine and on what else runs on it, so it reports (with the load
 * average, to tell a busy machine from a slow path) and always exits 0.
 */
async function main() {
  const { values } = parseArgs({
    options: { dossiers: { type: 'string' }, seconds: { type: 'string' }, clients: { type: 'string' }, seed: { type: 'string' } },
  });
  const urls = databaseUrls(readScriptsEnv());
  const seconds = countOption('seconds', values.seconds, 15);
  const clients = Math.max(1, countOption('clients', values.clients, 8));
  const seed = countOption('seed', values.seed, 1);
  const total = await ensureDossiers(urls, countOption('dossiers', values.dossiers, 1_000_000), seed, log);
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

  // One pool per variant, as many connections as clients: nobody waits for a connection.
  const app = createDb(urls.app, { max: clients });
  const admin = createDb(maintenanceUrl(urls), { max: clients });
  try {
    const requests = await inboxRequests(admin.sql, { count: 50_000, seed });
    const variants = [
      { label: 'baseline: one statement, no RLS, no transaction', send: (r: InboxArgs) => inboxPage(admin.db, r) },
      { label: 'tenant path: withTenant as gov_app (RLS)', send: (r: InboxArgs) => withTenant(app.sql, r.tenantId, (tx) => inboxPage(tx, r)) },
      // The same transaction as a role that bypasses RLS: splits the gap into its two causes.
      { label: 'its transaction alone: withTenant, RLS bypassed', send: (r: InboxArgs) => withTenant(admin.sql, r.tenantId, (tx) => inboxPage(tx, r)) },
    ] as const;
    await checkSameRows(requests.slice(0, 200), variants[0].send, variants[1].send);

    // Warm-up: prepares the statement on every connection and fills the caches.
    await interleaved({ variants, clients, seconds: Math.min(2 * variants.length, seconds), requests });
    log(`measuring both variants for ${seconds} s each, interleaved…`);
    const [baseline, tenant, transactionOnly] = await interleaved({ variants, clients, seconds, requests });
    if (!baseline || !tenant || !transactionOnly) throw new Error('a variant did not run');
    console.log(`inbox page (20 rows) on ${total.toLocaleString('en-US')} dossiers; ${clients} clients × ${seconds} s each; load average at start: ${load}\n`);
    console.log(
      report([
        { label: variants[0].label, result: baseline },
        { label: variants[1].label, result: tenant },
        { label: variants[2].label, result: transactionOnly },
      ]),
    );
  } finally {
    await Promise.all([app.sql.end({ timeout: 5 }), admin.sql.end({ timeout: 5 })]);
  }
}

/** Both paths must return the same page: otherwise the comparison (or the RLS set-up) is wrong. */
async function checkSameRows(sample: readonly InboxArgs[], a: (r: InboxArgs) => Promise<unknown>, b: (r: InboxArgs) => Promise<unknown>) {
  for (const request of sample) {
    const [x, y] = [JSON.stringify(await a(request)), JSON.stringify(await b(request))];
    if (x !== y) throw new Error(`the two paths disagree for ${JSON.stringify(request)}`);
  }
}

main().catch((error: unknown) => {
  if (isUsageError(error)) console.error(`bench:db: ${error.message}\n${USAGE}`);
  else console.error(error instanceof ConfigError ? `bench:db: ${error.message}` : error);
  process.exit(1);
});
