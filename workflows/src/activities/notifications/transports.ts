import nodemailer, { type Transporter } from 'nodemailer';
import type { ZnsConfig } from './zalo-zns.js';

export interface Transports {
  mail: Transporter;
  /** The platform's default sender (`Name <address>`), used where a province set none. */
  from: string;
  /** POST `{ id, to, text, brandname }` here; an SMS gateway adapter in production, a local sink in dev. */
  smsUrl: string;
  /** The platform's default SMS brand name, used where a province registered none. */
  smsBrandname: string;
  zns: ZnsConfig;
  /** Where people open the platform: the links in messages (the satisfaction survey) point here. */
  publicUrl: string;
}

/** Plain SMTP to the configured relay (the local sink in development and tests). */
export function createTransports(args: { smtpUrl: string; smsUrl: string; from: string; smsBrandname: string; zns: ZnsConfig; publicUrl: string }): Transports {
  // nodemailer waits minutes by default (2 min to connect, 10 min on a silent socket); the relay
  // delivers one row after another, so a relay that hangs would hold up every province's messages.
  const mail = nodemailer.createTransport(
    { url: args.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from: args.from },
  );
  return { mail, from: args.from, smsUrl: args.smsUrl, smsBrandname: args.smsBrandname, zns: args.zns, publicUrl: args.publicUrl };
}

export async function sendSms(smsUrl: string, message: { id: string; to: string; text: string; brandname: string }): Promise<void> {
  const response = await fetch(smsUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
}
