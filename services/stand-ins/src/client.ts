import type { IdentityRequest, StandInMode, StandInSystem } from './control.js';
import type { ReceivedMail } from './mail-sink.js';
import type { ReceivedPortalSync } from './national-portal.js';
import type { ReceivedSms } from './sms-sink.js';
import type { ReceivedZns } from './zalo-zns.js';

export interface StandInMessages {
  emails: ReceivedMail[];
  sms: ReceivedSms[];
  zalo: ReceivedZns[];
}

/** Talks to a running stand-ins process over its control port, as tests and scripts do. */
export function standInClient(controlUrl: string) {
  return {
    async messages(): Promise<StandInMessages> {
      const response = await fetch(`${controlUrl}/messages`);
      if (!response.ok) throw new Error(`stand-ins answered ${response.status}`);
      return (await response.json()) as StandInMessages;
    },
    /** What the national portal stand-in received, in arrival order, and its record per `province/dossier code` now. */
    async portal(): Promise<{ received: ReceivedPortalSync[]; view: Record<string, ReceivedPortalSync> }> {
      const response = await fetch(`${controlUrl}/portal`);
      if (!response.ok) throw new Error(`stand-ins answered ${response.status}`);
      return (await response.json()) as { received: ReceivedPortalSync[]; view: Record<string, ReceivedPortalSync> };
    },
    async setMode(system: StandInSystem, mode: StandInMode): Promise<void> {
      const response = await fetch(`${controlUrl}/control`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ system, mode }),
      });
      if (!response.ok) throw new Error(`stand-ins refused the switch: ${response.status}`);
    },
    /** Makes the VNeID stand-in know one more person (signing in with the demo password). */
    async addVneidIdentity(identity: IdentityRequest): Promise<void> {
      const response = await fetch(`${controlUrl}/vneid/identities`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(identity),
      });
      if (!response.ok) throw new Error(`stand-ins refused the identity: ${response.status}`);
    },
  };
}
export type StandInClient = ReturnType<typeof standInClient>;
