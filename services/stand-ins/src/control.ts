import * as v from 'valibot';

export const SYSTEMS = ['mail', 'sms'] as const;
export type StandInSystem = (typeof SYSTEMS)[number];

/** `ok` answers normally, `fail` answers with the protocol's temporary error, `down` refuses connections. */
export const StandInMode = v.picklist(['ok', 'fail', 'down']);
export type StandInMode = v.InferOutput<typeof StandInMode>;

/** Body of `POST /control` on the control port. */
export const ControlRequest = v.object({ system: v.picklist(SYSTEMS), mode: StandInMode });
export type ControlRequest = v.InferOutput<typeof ControlRequest>;
