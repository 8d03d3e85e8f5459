import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { dossierClient } from './dossier-client.js';
import { startDossierRuntime } from './dossier-runtime.js';
import { buildDossierWorld, type DossierWorld } from './dossier-world.js';
import { signIn, type Session } from './world.js';

type Runtime = Awaited<ReturnType<typeof startDossierRuntime>>;

export interface DossierSuite {
  taskQueue: string;
  deps: ReturnType<typeof createTestDeps>['deps'];
  app: ReturnType<typeof createApp>;
  client: ReturnType<typeof dossierClient>;
  /** The province the suite works in, its worker and sinks, and a session per login; set in beforeAll. */
  w: DossierWorld;
  /** Further provinces asked for with `worlds` (another province, one without required papers…). */
  others: DossierWorld[];
  runtime: Runtime;
  s: Record<keyof DossierWorld['logins'], Session>;
}

/**
 * The set-up every API suite over dossiers shares, registered as this file's beforeAll/afterAll:
 * its own task queue, the app, a province built in the test database, a worker and the outbox
 * relay for that province (real PostgreSQL, Temporal, SMTP and SMS sinks), and each officer and
 * citizen of the province signed in. Fields are filled before the first test runs.
 */
export function dossierSuite(
  name: string,
  o: { poolSize?: number; worlds?: { requiredComponent?: boolean }[]; einvoice?: () => Parameters<typeof startDossierRuntime>[0]['einvoice'] } = {},
): DossierSuite {
  const taskQueue = `api-${name}-${randomUUID()}`;
  const { deps, close } = createTestDeps({ taskQueue, poolSize: o.poolSize ?? 6 });
  const app = createApp(deps);
  const suite = { taskQueue, deps, app, client: dossierClient(app), others: [], s: {} } as unknown as DossierSuite;
  beforeAll(async () => {
    const ownerUrl = inject('ownerDatabaseUrl');
    [suite.w, ...suite.others] = await Promise.all([
      buildDossierWorld(deps, ownerUrl),
      ...(o.worlds ?? []).map((opts) => buildDossierWorld(deps, ownerUrl, opts)),
    ]);
    const tenantIds = [suite.w, ...suite.others].map((world) => world.tenantId);
    suite.runtime = await startDossierRuntime({
      databaseUrl: inject('databaseUrl'),
      temporalAddress: inject('temporalAddress'),
      namespace: inject('temporalNamespace'),
      taskQueue,
      tenantIds: () => tenantIds,
      einvoice: o.einvoice?.(),
    });
    for (const [who, login] of Object.entries(suite.w.logins)) suite.s[who as keyof DossierSuite['s']] = await signIn(app, login);
  });
  afterAll(async () => {
    await suite.runtime?.close();
    await close();
  });
  return suite;
}
