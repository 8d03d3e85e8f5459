import nodemailer, { type Transporter } from 'nodemailer';

export interface Transports {
  mail: Transporter;
  from: string;
  /** POST `{ id, to, text }` here; an SMS gateway adapter in production, a local sink in dev. */
  smsUrl: string;
}

/** Plain SMTP to the configured relay (the local sink in development and tests). */
export function createTransports(args: { smtpUrl: string; smsUrl: string; from: string }): Transports {
  const mail = nodemailer.createTransport(args.smtpUrl, { from: args.from });
  return { mail, from: args.from, smsUrl: args.smsUrl };
}

export async function sendSms(smsUrl: string, message: { id: string; to: string; text: string }): Promise<void> {
  const response = await fetch(smsUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
}
