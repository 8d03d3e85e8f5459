// Bundle budget: builds the app and prints the gzipped JavaScript the first screen loads (the
// entry chunk and every chunk it imports statically; lazy routes are excluded because they load
// only when visited). Exits 1 above the budget so CI catches a heavy import on the first screen.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** 150 KB gzipped: about 3 s on a slow 3G link, what a commune office may have. */
const BUDGET_BYTES = 150 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'gov-web-bundle-'));
try {
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false } });
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  // The page's entry; the service worker is an entry too but never loads with the first screen.
  const entryKey = Object.keys(manifest).find((key) => key === 'index.html' && manifest[key]?.isEntry);
  if (!entryKey) throw new Error('no entry chunk in the Vite manifest');
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  visit(entryKey);
  let total = 0;
  for (const file of files) {
    const size = gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
    total += size;
    console.log(`  ${file}  ${(size / 1024).toFixed(1)} KB gzip`);
  }
  const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
  console.log(`First-screen JavaScript: ${(total / 1024).toFixed(1)} KB gzip (${verdict} the ${BUDGET_BYTES / 1024} KB budget)`);
  process.exitCode = total <= BUDGET_BYTES ? 0 : 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
