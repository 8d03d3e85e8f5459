/**
 * Guards the promise that the library is importable from Temporal workflow code and the browser:
 * no clock, no randomness, no I/O, no Node built-ins, no host environment in library files.
 */
import { describe, expect, it } from 'vitest';

interface FsSubset {
  readdirSync: (path: string) => string[];
  readFileSync: (path: string, encoding: 'utf8') => string;
}
// Node modules are loaded by name at run time and typed locally, so the package's type
// environment (tsconfig `types: []`) stays free of Node and catches Node globals in library code.
const loadNodeModule = (name: string): Promise<unknown> => import(name);
const fs = (await loadNodeModule('node:fs')) as FsSubset;
const { fileURLToPath } = (await loadNodeModule('node:url')) as {
  fileURLToPath: (url: string) => string;
};
const here = fileURLToPath((import.meta as unknown as { url: string }).url).replace(/[^/\\]+$/, '');

const libraryFiles = fs.readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-helpers.ts');

const forbidden: readonly [RegExp, string][] = [
  [/\bprocess\./, 'process'],
  [/Date\.now\(/, 'Date.now()'],
  [/new Date\(\s*\)/, 'new Date() without an argument'],
  [/Math\.random\(/, 'Math.random()'],
  [/from\s+["']node:|import\(\s*["']node:|\brequire\(/, 'Node built-in or require'],
  [/\bfetch\(|XMLHttpRequest|setTimeout|setInterval/, 'I/O or timers'],
  [/\bconsole\./, 'console'],
  [/toLocale\w*String|getTimezoneOffset|\bget(Hours|Date|Day|Month|FullYear)\(/, 'host time zone'],
];

describe('library purity', () => {
  it('finds the library files', () => {
    expect(libraryFiles).toContain('index.ts');
    expect(libraryFiles).toContain('working-time.ts');
  });

  it.each(libraryFiles)('%s uses no clock, randomness, I/O or host time zone', (file) => {
    const source = fs.readFileSync(here + file, 'utf8');
    for (const [pattern, what] of forbidden) {
      expect(pattern.test(source), `${file} uses ${what}`).toBe(false);
    }
  });
});
