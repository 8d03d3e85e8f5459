import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a script lives, as a short name: the npm package, our workspace, or Node itself. */
function owner(url: string): string {
  if (!url) return '(native / V8)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const ours = /\/(services\/[^/]+|workflows|scripts|web)\//.exec(url);
  if (ours) return ours[1]!;
  return url.startsWith('node:') ? 'node:' + url.slice(5).split('/')[0] : url;
}

/**
 * `node --import tsx scripts/src/bench/profile-summary.ts <file.cpuprofile> [--top N] [--from S] [--to S]`: the
 * functions with the most self time in a profile from `node --cpu-prof`, and the same grouped by
 * package, so a bench run's profile can be read without DevTools.
 */
function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } } });
  const top = Number(values.top ?? 30);
  // A window in seconds from the profile's start, to leave out start-up (module loading) and set-up.
  const fromUs = Number(values.from ?? 0) * 1e6;
  const toUs = values.to === undefined ? Infinity : Number(values.to) * 1e6;
  const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= fromUs && at < toUs) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') {
      if (functionName === '(idle)') idle += us;
      else total += us;
      continue;
    }
    total += us;
    const key = `${functionName || '(anonymous)'}  ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(services|workflows|scripts)\//, '$1/')}:${lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const o = owner(url);
    pkg.set(o, (pkg.get(o) ?? 0) + us);
  }
  // Inclusive time of our own functions (services/, workflows/): what each one's calls cost in all.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
      if (!/\/(services|workflows)\//.test(url) || url.includes('node_modules')) continue;
      seen.add(`${functionName || '(anonymous)'}  ${url.replace(/^.*?\/(services|workflows)\//, '$1/')}:${lineNumber + 1}`);
    }
    for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
  const msOf = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
  console.log(`busy ${msOf(total)}, idle ${msOf(idle)}`);
  console.log('\nself time by package');
  for (const [k, us] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${msOf(us)} ${pct(us)}  ${k}`);
  console.log('\nself time by function');
  for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${msOf(us)} ${pct(us)}  ${k}`);
  console.log('\ntotal (inclusive) time of our own functions');
  for (const [k, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${msOf(us)} ${pct(us)}  ${k}`);
}

main();
