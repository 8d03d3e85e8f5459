import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiEnv } from '@gov/api';
import { WorkerEnv } from '@gov/workflows';
import { SEARCH_ATTRIBUTES } from '@gov/workflows/search-attributes';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMPILED_ENTRIES } from '../build/entries.js';
import { ScriptsEnv } from '../env.js';

// The deploy files in infra/ set exactly the variables the deployables' env.ts read: a variable
// renamed or added in env.ts, or a typo in a deploy file, fails here rather than in production
// (where an unknown variable is silently ignored and a missing one silently defaults).
const INFRA = fileURLToPath(new URL('../../../infra/', import.meta.url));
const read = (path: string) => readFileSync(join(INFRA, path), 'utf8');

/** Each env file, the variables its deployable reads, and the compiled entry point that reads them. */
const DEPLOYABLES = {
  'api.env': { names: Object.keys(ApiEnv.entries), out: COMPILED_ENTRIES.api.out },
  'worker.env': { names: Object.keys(WorkerEnv.entries), out: COMPILED_ENTRIES.worker.out },
  'setup.env': { names: Object.keys(ScriptsEnv.entries), out: COMPILED_ENTRIES.setup.out },
} as const;
type EnvFile = keyof typeof DEPLOYABLES;
const isEnvFile = (name: string): name is EnvFile => name in DEPLOYABLES;

/** `NAME=value` (set) and `#NAME=value` (its default, documented), each with the comment block it sits under. */
function envFileEntries(text: string) {
  const entries: { name: string; set: boolean; documented: boolean }[] = [];
  let documented = false;
  for (const line of text.split('\n')) {
    const entry = /^(#?)([A-Z][A-Z0-9_]*)=/.exec(line);
    if (entry) entries.push({ name: entry[2]!, set: entry[1] === '', documented });
    else if (line.trim() === '') documented = false;
    else if (line.startsWith('# ')) documented = true;
  }
  return entries;
}

const sorted = (names: Iterable<string>) => [...names].sort();

describe('infra/env: one file per deployable', () => {
  for (const [file, { names }] of Object.entries(DEPLOYABLES)) {
    it(`${file} names every variable env.ts reads, once, each under a comment, and nothing else`, () => {
      const entries = envFileEntries(read(`env/${file}`));
      expect(sorted(entries.map((e) => e.name))).toEqual(sorted(names));
      expect(entries.filter((e) => !e.documented).map((e) => e.name)).toEqual([]);
    });
  }
});

describe('infra/systemd units', () => {
  const units = readdirSync(join(INFRA, 'systemd')).filter((name) => name.endsWith('.service'));

  it('are the setup, API and worker units (no stand-ins in production)', () => {
    expect(sorted(units)).toEqual(['gov-api@.service', 'gov-setup.service', 'gov-worker@.service']);
  });

  for (const unit of units) {
    it(`${unit} runs a compiled entry point with its env file, and sets only variables that file's deployable reads`, () => {
      const text = read(`systemd/${unit}`);
      const envFile = basename(/^EnvironmentFile=(.+)$/m.exec(text)?.[1] ?? '');
      expect(isEnvFile(envFile), envFile).toBe(true);
      const deployable = DEPLOYABLES[envFile as EnvFile];
      expect(text).toMatch(new RegExp(`^ExecStart=\\S+/node_modules/\\.bin/node --enable-source-maps ${deployable.out}$`, 'm'));
      const set = [...text.matchAll(/^Environment=([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
      expect(set.filter((name) => !deployable.names.includes(name))).toEqual([]);
    });
  }
});

describe('infra/compose/compose.yaml', () => {
  const compose = parse(read('compose/compose.yaml')) as {
    services: Record<string, { env_file?: string; environment?: Record<string, string>; command?: string[] }>;
  };
  const appServices = Object.entries(compose.services).filter(([, service]) => service.env_file !== undefined);

  it('runs the setup, API and worker from the compiled output with their env files', () => {
    expect(Object.fromEntries(appServices.map(([name, s]) => [name, [s.env_file, s.command?.join(' ')]]))).toEqual({
      setup: ['../env/setup.env', `node --enable-source-maps ${COMPILED_ENTRIES.setup.out}`],
      api: ['../env/api.env', `node --enable-source-maps ${COMPILED_ENTRIES.api.out}`],
      worker: ['../env/worker.env', `node --enable-source-maps ${COMPILED_ENTRIES.worker.out}`],
    });
  });

  for (const [name, service] of appServices) {
    it(`${name} sets only variables its deployable reads`, () => {
      const { names } = DEPLOYABLES[basename(service.env_file!) as EnvFile];
      expect(Object.keys(service.environment ?? {}).filter((variable) => !names.includes(variable))).toEqual([]);
    });
  }

  it("registers exactly the workflows' search attributes on the namespace", () => {
    const script = compose.services['temporal-namespace']?.command?.join('\n') ?? '';
    const registered = /for attribute in ([^;]+);/.exec(script)?.[1]?.trim().split(/\s+/) ?? [];
    expect(sorted(registered)).toEqual(sorted(Object.entries(SEARCH_ATTRIBUTES).map(([attribute, type]) => `${attribute}=${type}`)));
  });
});
