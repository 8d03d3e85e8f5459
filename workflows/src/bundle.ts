import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type WorkflowBundlePath, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

export const WORKFLOWS_PATH = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));
/** Where `npm run build` writes the workflow bundle the compiled worker loads. */
export const PREBUILT_WORKFLOWS_PATH = fileURLToPath(new URL('../dist/workflow-bundle.js', import.meta.url));
/** OpenTelemetry's workflow interceptors: spans for the run, its Updates and the activities it schedules. */
const OTEL_WORKFLOW_INTERCEPTORS = createRequire(import.meta.url).resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

/** Bundling takes seconds on 2 cores: do it once per process (or test run) and reuse it. */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, workflowInterceptorModules: [OTEL_WORKFLOW_INTERCEPTORS], logger: quietLogger });
}

/** Defined (true) only in the compiled output, by the build (scripts/src/build/compile.ts). */
declare const __GOV_COMPILED__: boolean | undefined;

/**
 * The workflow code a worker runs. The compiled worker loads the bundle made at build time (no
 * webpack, no TypeScript sources at run time, the same code in every process); run from source
 * (`npm run dev`, the tests), it bundles the current sources so edits take effect.
 */
export async function workflowsForWorker(): Promise<WorkflowBundleWithSourceMap | WorkflowBundlePath> {
  if (typeof __GOV_COMPILED__ !== 'undefined' && __GOV_COMPILED__) return { codePath: PREBUILT_WORKFLOWS_PATH };
  return bundleWorkflows();
}

const noop = () => {};
const quietLogger = { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };
