/**
 * Every deployable's entry point and where `npm run build` compiles it, relative to the repository
 * root. Production runs these with plain `node --enable-source-maps <out>`; the repository layout
 * stays as it is (migrations/, services/db/data/, web/dist/ and node_modules/ beside them).
 */
export const COMPILED_ENTRIES = {
  /** The HTTP API (it also serves the built web app). */
  api: { source: 'services/api/src/server.ts', out: 'services/api/dist/server.js' },
  /** The Temporal worker with the outbox relay; it loads workflows/dist/workflow-bundle.js. */
  worker: { source: 'workflows/src/worker.ts', out: 'workflows/dist/worker.js' },
  /** Stand-ins for the outside systems: local runs and tests only, never production. */
  standIns: { source: 'services/stand-ins/src/main.ts', out: 'services/stand-ins/dist/main.js' },
  /** `npm start`: setup, demo seed, Temporal dev server, stand-ins, worker and API. */
  start: { source: 'scripts/src/start.ts', out: 'scripts/dist/start.js' },
  /** `npm run start:cluster`: Temporal on PostgreSQL, two API processes and two workers behind the balancer. */
  startCluster: { source: 'scripts/src/start-cluster.ts', out: 'scripts/dist/start-cluster.js' },
  /** Roles, database, migrations, reference data and signing certificates (idempotent). */
  setup: { source: 'scripts/src/setup.ts', out: 'scripts/dist/setup.js' },
  /** Finds or builds the Temporal CLI. */
  temporalCli: { source: 'scripts/src/temporal-cli.ts', out: 'scripts/dist/temporal-cli.js' },
  auditVerify: { source: 'scripts/src/audit-verify.ts', out: 'scripts/dist/audit-verify.js' },
  verifyPdf: { source: 'scripts/src/verify-pdf.ts', out: 'scripts/dist/verify-pdf.js' },
  portalReconcile: { source: 'workflows/src/portal/reconcile-command.ts', out: 'workflows/dist/portal-reconcile.js' },
  portalReplay: { source: 'workflows/src/portal/replay-command.ts', out: 'workflows/dist/portal-replay.js' },
} as const;

/** The workflow code, bundled at build time with Temporal's own bundler (webpack). */
export const WORKFLOW_BUNDLE_OUT = 'workflows/dist/workflow-bundle.js';

export type CompiledEntry = keyof typeof COMPILED_ENTRIES;
