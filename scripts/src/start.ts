import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, databaseUrls } from '@gov/runtime';
import { COMPILED_ENTRIES } from './build/entries.js';
import { startNodeChild, stopChild, waitForHttp, type Child } from './children.js';
import { demoBanner } from './demo/banner.js';
import { readScriptsEnv, type ScriptsEnv } from './env.js';
import { preparePlatform } from './prepare-platform.js';
import { startDevServer, temporalReady, type DevServer } from './temporal/dev-server.js';
import { locateTemporalCli } from './temporal/locate-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA_DIR = `${ROOT}.data`;
const log = (line: string) => console.log(`[start] ${line}`);

/**
 * `npm start`: everything a person needs to use the platform locally, in one process tree, from
 * the compiled output (`npm start` runs `npm run build` first, which also builds the web app).
 * Ctrl-C stops every child; data (PostgreSQL, Temporal's SQLite file) survives for the next start.
 */
async function main() {
  const env = readScriptsEnv();
  const urls = databaseUrls(env);
  const cli = await locateTemporalCli({ explicitPath: env.TEMPORAL_CLI_PATH, pathVar: env.PATH, cacheDir: env.GOV_CACHE_DIR, log });
  // `npm start` has just built the web app with everything else.
  await preparePlatform({ urls, citizenIdSecret: env.CITIZEN_ID_DIGEST_SECRET, log, buildWeb: false });

  let temporal: DevServer | undefined;
  const children: Child[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(children.map((c) => stopChild(c.process)));
    await temporal?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  if (await temporalReady(env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE)) {
    log(`reusing the Temporal server already running at ${env.TEMPORAL_ADDRESS}`);
  } else {
    mkdirSync(`${DATA_DIR}/temporal`, { recursive: true });
    log('starting the Temporal dev server…');
    temporal = await startDevServer({
      cli,
      port: Number(env.TEMPORAL_ADDRESS.split(':').pop()),
      uiPort: env.TEMPORAL_UI_PORT,
      namespace: env.TEMPORAL_NAMESPACE,
      dbFile: `${DATA_DIR}/temporal/dev.sqlite`,
    });
  }
  // The API refuses to start without SECOND_FACTOR_KEY and issues no test certificates unless told
  // to; locally it gets the development key and the local test CA.
  const childEnv = {
    ...process.env,
    DATABASE_URL: urls.app,
    SECOND_FACTOR_KEY: env.SECOND_FACTOR_KEY,
    PDF_SIGNING_LOCAL_CA: String(env.PDF_SIGNING_LOCAL_CA),
  };
  // The stand-ins for the mail relay, the SMS gateway, VNeID, Zalo ZNS, the payment platform, the
  // e-invoice provider and the national portal, their own process: every message is printed and
  // kept (GET /messages on the control port); the worker's SMTP_URL, SMS_URL, ZNS_URL, EINVOICE_URL
  // and NATIONAL_PORTAL_URL and the API's OIDC_ISSUER and payment gateway default to their ports.
  children.push(startNodeChild('stand-ins', `${ROOT}${COMPILED_ENTRIES.standIns.out}`, childEnv));
  children.push(startNodeChild('worker', `${ROOT}${COMPILED_ENTRIES.worker.out}`, childEnv));
  children.push(startNodeChild('api', `${ROOT}${COMPILED_ENTRIES.api.out}`, childEnv));
  for (const child of children) {
    child.process.once('exit', (code) => {
      if (stopping) return;
      log(`${child.name} exited unexpectedly (code ${code}); stopping everything`);
      void stopAll(1);
    });
  }
  const base = `http://127.0.0.1:${env.API_PORT}`;
  try {
    await waitForHttp(`${base}/healthz`, 90_000);
  } catch (error) {
    log(`${(error as Error).message}; stopping everything`);
    await stopAll(1);
  }
  printBanner(base, env);
}

function printBanner(base: string, env: Pick<ScriptsEnv, 'TEMPORAL_UI_PORT' | 'API_METRICS_PORT' | 'WORKER_HTTP_PORT' | 'STAND_IN_VNEID_PORT'>) {
  console.log(`
  Hệ thống một cửa điện tử is running. Press Ctrl-C to stop.

    Web app        ${base}/
    API docs       ${base}/api/docs   (OpenAPI: ${base}/api/openapi.json)
    Health         ${base}/healthz   (${base}/livez, ${base}/readyz)
    Metrics        http://127.0.0.1:${env.API_METRICS_PORT}/metrics (API), http://127.0.0.1:${env.WORKER_HTTP_PORT}/metrics (worker)
    Temporal UI    http://127.0.0.1:${env.TEMPORAL_UI_PORT}/
    Mail stand-in  smtp://127.0.0.1:2525   SMS stand-in  http://127.0.0.1:2526/sms   Zalo ZNS stand-in  http://127.0.0.1:2529/message/template
    VNeID stand-in http://127.0.0.1:${env.STAND_IN_VNEID_PORT}/.well-known/openid-configuration   (OpenID Connect provider)
    Payment stand-in http://127.0.0.1:2535/   E-invoice stand-in http://127.0.0.1:2536/api/receipts
    Messages       http://127.0.0.1:2527/messages   (POST /control to make one fail or go down)
    National portal stand-in http://127.0.0.1:2534   (what it received and holds: http://127.0.0.1:2527/portal)

${demoBanner()}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `start: ${error.message}` : error);
  process.exit(1);
});
