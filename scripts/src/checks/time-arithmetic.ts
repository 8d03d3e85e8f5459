/**
 * Finds working-time, deadline and Vietnam-time arithmetic written by hand outside @gov/calendar:
 * milliseconds per hour or day, the UTC+7 offset, "8 hours" as minutes, the zone name. Those are
 * named exports of @gov/calendar (docs/adr/0008-working-time-calendar-as-data.md), so a rule
 * about time changes in one place. Literal timestamps such as `2026-03-02T09:00:00+07:00` in
 * tests and examples are data, not arithmetic, and pass.
 */
export interface TimeProblem {
  file: string;
  line: number;
  text: string;
  why: string;
}

const RULES: readonly [RegExp, string][] = [
  [/\b3_?600_?000\b/, 'milliseconds per hour: use MS_PER_HOUR'],
  [/\b86_?400_?000\b/, 'milliseconds per day: use MS_PER_DAY'],
  [/\*\s*60\s*\*\s*60\b/, 'hours as seconds: use MS_PER_HOUR'],
  [
    /\b[78]\s*\*\s*(?:60|3_?600_?000|HOUR|MS_PER_HOUR)\b/,
    'the UTC+7 offset or an 8-hour day by hand: use VIETNAM_UTC_OFFSET_MS, WORKING_HOURS_PER_DAY or ONLINE_RECEPTION_WORKING_MINUTES',
  ],
  [/(?<!\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\+07:?00\b/, 'the UTC+7 offset outside a literal timestamp: use VIETNAM_UTC_OFFSET or vietnamInstant'],
  [/['"`]Asia\/Ho_Chi_Minh['"`]/, 'the zone name: use VIETNAM_TIME_ZONE'],
];

/** Where @gov/calendar lives, and this check itself: the only places these may appear. */
export const TIME_ARITHMETIC_HOME = [/^services\/calendar\//, /^scripts\/src\/checks\/time-arithmetic(\.test)?\.ts$/];

export function findTimeArithmetic(file: string, text: string): TimeProblem[] {
  const problems: TimeProblem[] = [];
  text.split('\n').forEach((line, i) => {
    for (const [pattern, why] of RULES) if (pattern.test(line)) problems.push({ file, line: i + 1, text: line.trim(), why });
  });
  return problems;
}
