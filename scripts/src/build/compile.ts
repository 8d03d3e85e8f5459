import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflows, PREBUILT_WORKFLOWS_PATH } from '@gov/workflows';
import { build, type Plugin } from 'esbuild';
import { COMPILED_ENTRIES, WORKFLOW_BUNDLE_OUT } from './entries.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `npm run build` (after the web app's Vite build): every deployable to one ES module each with
 * esbuild. Workspace packages (`@gov/*`, TypeScript sources) are bundled in; everything from
 * node_modules stays an import, so native modules (argon2, Temporal's core bridge) and
 * packages that read their own files load exactly as they do from source.
 */
async function main() {
  const started = Date.now();
  const byDir = new Map<string, Record<string, string>>();
  for (const { source, out } of Object.values(COMPILED_ENTRIES)) {
    const dir = dirname(out);
    const entries = byDir.get(dir) ?? {};
    entries[out.slice(dir.length + 1).replace(/\.js$/, '')] = join(ROOT, source);
    byDir.set(dir, entries);
  }
  for (const dir of byDir.keys()) await rm(join(ROOT, dir), { recursive: true, force: true });
  await Promise.all(
    [...byDir].map(([dir, entryPoints]) =>
      build({
        entryPoints,
        outdir: join(ROOT, dir),
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node24',
        sourcemap: true,
        logLevel: 'warning',
        define: { __GOV_COMPILED__: 'true' },
        plugins: [externalPackages, sourceLocatedImportMeta(join(ROOT, dir))],
      }),
    ),
  );
  const workflows = await bundleWorkflows();
  await mkdir(dirname(join(ROOT, WORKFLOW_BUNDLE_OUT)), { recursive: true });
  await writeFile(join(ROOT, WORKFLOW_BUNDLE_OUT), workflows.code);
  if (join(ROOT, WORKFLOW_BUNDLE_OUT) !== PREBUILT_WORKFLOWS_PATH) throw new Error(`the worker loads ${PREBUILT_WORKFLOWS_PATH}, not ${WORKFLOW_BUNDLE_OUT}`);
  console.log(`build: ${Object.keys(COMPILED_ENTRIES).length} entry points and the workflow bundle in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Bare imports other than the workspace's own `@gov/*` packages are resolved from node_modules at run time. */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@gov/') ? undefined : { path: args.path, external: true }));
  },
};

/**
 * Code finds files next to its source (migrations/, services/db/data/, web/dist/, .data/) with
 * `new URL(relative, import.meta.url)`. Bundled, import.meta.url would be the bundle's; this
 * gives each module the URL of its source file again, so those paths mean what they do from source.
 */
function sourceLocatedImportMeta(outdir: string): Plugin {
  return {
    name: 'source-located-import-meta',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
        const fromBundle = relative(outdir, args.path).split(sep).join('/');
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

main().catch((error: unknown) => {
  console.error('build:', error);
  process.exit(1);
});
