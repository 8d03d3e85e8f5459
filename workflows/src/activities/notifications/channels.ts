import type { NotificationChannel } from '@gov/domain';

/**
 * The channels one dossier message goes out on (docs/domain/notifications.md#preference). Without a
 * preference, every contact the dossier has (email and SMS, as before preferences existed). With
 * one, only that channel, or the other contact when the preferred one is missing: Zalo messages
 * go to the phone number, so Zalo without a phone falls back to email.
 */
export function pickChannels(a: { preference: NotificationChannel | null; email: string | null; phone: string | null }): NotificationChannel[] {
  const { email, phone } = a;
  switch (a.preference) {
    case 'email':
      return email ? ['email'] : phone ? ['sms'] : [];
    case 'sms':
      return phone ? ['sms'] : email ? ['email'] : [];
    case 'zalo':
      return phone ? ['zalo'] : email ? ['email'] : [];
    default:
      return [...(email ? (['email'] as const) : []), ...(phone ? (['sms'] as const) : [])];
  }
}
