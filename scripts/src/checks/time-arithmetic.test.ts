import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findTimeArithmetic, TIME_ARITHMETIC_HOME } from './time-arithmetic.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.ts', '*.tsx'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\n').filter((f) => f !== '' && !TIME_ARITHMETIC_HOME.some((home) => home.test(f)));
}

describe('time arithmetic lives in @gov/calendar', () => {
  it('no source file outside services/calendar does working-time or Vietnam-time arithmetic by hand', () => {
    const problems = sourceFiles().flatMap((file) => {
      let text: string;
      try {
        text = readFileSync(`${ROOT}${file}`, 'utf8');
      } catch {
        return []; // listed by git but deleted in the work tree
      }
      return findTimeArithmetic(file, text);
    });
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.why} — ${p.text}`)).toEqual([]);
  });

  it('catches each hand-written form and lets literal timestamps through', () => {
    const check = (line: string) => findTimeArithmetic('x.ts', line).length;
    expect(check('new Date(at.getTime() + 7 * 3_600_000)')).toBe(2);
    expect(check('const DAY = 86_400_000;')).toBe(1);
    expect(check('const LIFETIME = 12 * 60 * 60 * 1000;')).toBe(1);
    expect(check('const INTAKE = 8 * 60;')).toBe(1);
    expect(check('new Date(`${day}T00:00:00+07:00`)')).toBe(1);
    expect(check("sql`(${at} at time zone interval '+07:00')::date`")).toBe(1);
    expect(check("toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })")).toBe(1);
    expect(check("receivedAt: '2026-02-13T18:30:00+07:00'")).toBe(0);
    expect(check("const FAR = '2030-01-01T10:00:00.000+07:00';")).toBe(0);
    expect(check('const timeout = 60_000;')).toBe(0);
  });
});
