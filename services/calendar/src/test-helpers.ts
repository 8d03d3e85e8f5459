/** Test-only helpers: instants written and read as Vietnam wall-clock time (UTC+7). */

/** `"2026-02-13 18:30"` (Vietnam time) → Date. */
export function vn(wallClock: string): Date {
  return new Date(`${wallClock.replace(' ', 'T')}:00+07:00`);
}

/** Date → `"2026-02-23 17:00"` in Vietnam time (seconds dropped; tests use whole minutes). */
export function fmt(instant: Date): string {
  const shifted = new Date(instant.getTime() + 7 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}
