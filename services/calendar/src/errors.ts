/**
 * Errors thrown by the calendar. Callers map `code` to their own error hierarchy once
 * (e.g. `invalid_input` → `invalid`, `out_of_range` → a configuration error), so the messages
 * here are for developers and logs, not for citizens.
 */
export type CalendarErrorCode =
  /** Malformed argument: bad date string, negative amount, overlapping periods… */
  | 'invalid_input'
  /**
   * The computation needed a day outside the years the calendar was built for. Refusing is safer
   * than guessing: a deadline computed without that year's holidays would be silently wrong.
   */
  | 'out_of_range';

export class CalendarError extends Error {
  readonly code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, message: string) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
  }
}
