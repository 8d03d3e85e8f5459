/**
 * Finds comments and strings that point outside the repository, to an issue number, or to a
 * `docs/` file (or anchor) that does not exist. Everything the code relies on is written down
 * in docs/ (docs/code-conventions.md#comments), so a pointer elsewhere is a rule nobody can read.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface PointerProblem {
  file: string;
  line: number;
  text: string;
  why: string;
}

/** Notes kept outside the repository, and the ways the code used to cite them. */
const OUTSIDE: readonly [RegExp, string][] = [
  [/\b(?:DOMAIN|ARCHITECTURE|STYLE)(?:\.md\b|\s+§)/, 'a note outside the repository; point into docs/'],
  [/\.\.\/shared\b|\/work\/shared\b/, 'a path outside the repository; point into docs/'],
  [/\bseeds?\s+0\d\d\b/i, 'a source letter kept outside the repository; cite docs/domain/'],
  [/\bissues?\s*#\s*\d+|\bissue\s+\d+\b|(?:^|[\s(])#\d{1,4}\)/i, 'an issue number; say the rule, or point into docs/'],
];

const RELATIVE_PATH = /(?:\.\.\/)+[\w@.-][\w@./-]*/g;
const DOCS_PATH = /(?<![\w./:@-])docs\/[\w./-]*(?:#[\w-]+)?/g;
const MD_LINK = /\]\(([^)\s]+)\)/g;

function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchor is an explicit `id="…"` or a Markdown heading's slug. */
function hasAnchor(path: string, anchor: string): boolean {
  const text = readFileSync(path, 'utf8');
  if (text.includes(`id="${anchor}"`)) return true;
  return text.split('\n').some((l) => /^#{1,6}\s/.test(l) && slug(l.replace(/^#+/, '')) === anchor);
}

function checkTarget(root: string, target: string): string | null {
  const [pathPart, anchor] = target.split('#') as [string, string | undefined];
  const path = pathPart.replace(/[.,;:]+$/, '');
  if (path === '' || path === resolve(root)) return null;
  if (!existsSync(path)) return `points to ${relative(root, path) || '.'}, which does not exist`;
  if (anchor && statSync(path).isFile() && !hasAnchor(path, anchor)) return `points to #${anchor}, which ${relative(root, path)} does not have`;
  return null;
}

/** Problems in one file's text; `file` is relative to `root`. */
export function findPointerProblems(root: string, file: string, text: string): PointerProblem[] {
  const problems: PointerProblem[] = [];
  const dir = dirname(join(root, file));
  const inside = (p: string) => p === resolve(root) || p.startsWith(resolve(root) + sep);
  text.split('\n').forEach((text, i) => {
    const add = (why: string) => problems.push({ file, line: i + 1, text: text.trim(), why });
    for (const [pattern, why] of OUTSIDE) if (pattern.test(text)) add(why);
    for (const [match] of text.matchAll(RELATIVE_PATH)) {
      if (!inside(resolve(dir, match))) add(`${match} leaves the repository`);
    }
    for (const [match] of text.matchAll(DOCS_PATH)) {
      const why = checkTarget(root, join(root, match));
      if (why) add(why);
    }
    if (file.endsWith('.md')) {
      for (const [, link] of text.matchAll(MD_LINK)) {
        if (/^[a-z]+:/i.test(link!) || link!.startsWith('#')) continue;
        const why = checkTarget(root, resolve(dir, link!));
        if (why) add(why);
      }
    }
  });
  return problems;
}
