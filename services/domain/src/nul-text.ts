import { invalid } from './errors.js';

/**
 * The path of the first string holding U+0000 in a parsed body, or null. PostgreSQL cannot
 * store that character in text or jsonb, so such input is refused at the edge as a 400 instead
 * of failing inside a transaction as a 500. No person types it; it is junk or a probe.
 */
export function pathOfNulText(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key.replaceAll('\u0000', '')].join('.');
    const found = pathOfNulText(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/** Throws a 400 naming the field when `value` holds U+0000 anywhere (see `pathOfNulText`). */
export function refuseNulText(value: unknown): void {
  const path = pathOfNulText(value);
  if (path === null) return;
  throw invalid(
    { vi: `Dữ liệu không hợp lệ: ${path || 'nội dung'} chứa ký tự NUL.`, en: `Invalid input: ${path || 'body'} contains a NUL character.` },
    { fields: [{ path, problem: 'NUL character (U+0000) is not allowed' }] },
  );
}
