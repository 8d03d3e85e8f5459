import * as v from 'valibot';

export const SYSTEMS = ['mail', 'sms', 'vneid', 'payment', 'einvoice', 'zalo', 'portal'] as const;
export type StandInSystem = (typeof SYSTEMS)[number];

/** `ok` answers normally, `fail` answers with the protocol's temporary error, `down` refuses connections. */
export const StandInMode = v.picklist(['ok', 'fail', 'down']);
export type StandInMode = v.InferOutput<typeof StandInMode>;

/** Body of `POST /control` on the control port. */
export const ControlRequest = v.object({ system: v.picklist(SYSTEMS), mode: StandInMode });
export type ControlRequest = v.InferOutput<typeof ControlRequest>;

/** Body of `POST /vneid/identities`: a person the VNeID stand-in will know (demo password). */
export const IdentityRequest = v.object({
  citizenId: v.pipe(v.string(), v.regex(/^0\d{11}$/, 'a CCCD number is 12 digits starting with 0')),
  name: v.pipe(v.string(), v.minLength(2), v.maxLength(120)),
});
export type IdentityRequest = v.InferOutput<typeof IdentityRequest>;
