import { parseEnv } from '@gov/runtime';
import * as v from 'valibot';

const Port = (fallback: string) => v.pipe(v.optional(v.string(), fallback), v.transform(Number), v.integer('must be a whole number'), v.minValue(1), v.maxValue(65535));

export const StandInEnv = v.object({
  /** The mail relay stand-in (SMTP): the worker's SMTP_URL points here. */
  STAND_IN_SMTP_PORT: Port('2525'),
  /** The SMS gateway stand-in (HTTP `POST /sms`): the worker's SMS_URL points here. */
  STAND_IN_SMS_PORT: Port('2526'),
  /** Control: `GET /messages` (what arrived), `POST /control` (make a system fail or go down). */
  STAND_IN_CONTROL_PORT: Port('2527'),
});
export type StandInEnv = v.InferOutput<typeof StandInEnv>;

/** The only place the stand-ins read process.env. */
export function readStandInEnv(source: Record<string, string | undefined> = process.env): StandInEnv {
  return parseEnv(StandInEnv, source);
}
