import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findPointerProblems } from './docs-pointers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SKIP = [/^package-lock\.json$/, /\.(csv|png|jpg|ico|woff2?)$/, /^scripts\/src\/checks\/docs-pointers(\.test)?\.ts$/];

function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\n').filter((f) => f !== '' && !SKIP.some((s) => s.test(f)));
}

describe('pointers in code and documents', () => {
  it('no file points outside the repository, to an issue number, or to a docs/ file or anchor that does not exist', () => {
    const problems = repositoryFiles().flatMap((file) => {
      let text: string;
      try {
        text = readFileSync(`${ROOT}${file}`, 'utf8');
      } catch {
        return []; // listed by git but deleted in the work tree
      }
      return findPointerProblems(ROOT, file, text);
    });
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.why} — ${p.text}`)).toEqual([]);
  });

  it('catches each kind of bad pointer', () => {
    const check = (file: string, text: string) => findPointerProblems(ROOT, file, text).map((p) => p.why);
    expect(check('services/x.ts', '// the reception deadline (DOMAIN.md §4)')).toHaveLength(1);
    expect(check('services/x.ts', '// see ../shared/docs/ARCHITECTURE.md')).toHaveLength(2);
    expect(check('services/x.ts', '// at most three admins (seed 000)')).toHaveLength(1);
    expect(check('services/x.ts', '// routes of issue #5')).toHaveLength(1);
    expect(check('services/x.ts', "new URL('../../../../outside', import.meta.url)")).toEqual(['../../../../outside leaves the repository']);
    expect(check('services/x.ts', '// docs/domain/no-such-page.md')).toEqual(['points to docs/domain/no-such-page.md, which does not exist']);
    expect(check('services/x.ts', '// docs/code-conventions.md#no-such-rule')).toHaveLength(1);
    expect(check('docs/domain/x.md', 'see [roles](missing.md)')).toHaveLength(1);
    // What is allowed: real docs, anchors, paths inside the repository, CSS colours.
    expect(check('services/x.ts', '// docs/domain/working-time.md and docs/code-conventions.md#environment')).toEqual([]);
    expect(check('docs/domain/x.md', 'see [roles](roles.md) and [ADR](../adr/0002-row-level-security-per-province.md)')).toEqual([]);
    expect(check('services/db/src/setup/x.ts', "new URL('../../../../migrations', import.meta.url)")).toEqual([]);
    expect(check('web/src/x.css', '.ok { color: #116329; background: #000; }')).toEqual([]);
  });
});
