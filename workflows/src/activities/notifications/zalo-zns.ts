/**
 * The Zalo Notification Service (ZNS) adapter: one approved template per message kind, sent to a
 * phone number through an Official Account (docs/domain/notifications.md#zalo). The protocol is
 * Zalo's own: `POST {url}/message/template`, header `access_token`, body `{ phone: "84…",
 * template_id, template_data, tracking_id }`; Zalo answers HTTP 200 with `error: 0` and
 * `data.msg_id`, or a negative `error` code.
 */
export interface ZnsConfig {
  /** https://business.openapi.zalo.me in production; the stand-in locally. */
  url: string;
  /** The platform Official Account's access token (the default sender). */
  accessToken: string;
  /** A province's own Official Account (its id) → that OA's access token. */
  oaAccessTokens: Record<string, string>;
  /** Our template name (`dossier.accepted`, …, `*` for any other) → the template id Zalo approved. */
  templateIds: Record<string, string>;
}

export interface ZnsMessage {
  /** Vietnamese mobile number as the dossier holds it (0…, +84… or 84…). */
  phone: string;
  template: string;
  templateData: Record<string, string>;
  /** Our id of the message, echoed by Zalo in delivery callbacks. */
  trackingId: string;
  /** The province's Official Account, or null for the platform's. */
  oaId: string | null;
}

/**
 * Codes worth trying again later: Zalo's own trouble (-100), the rate limit (-32), sending
 * outside ZNS hours (-133) and the OA's daily quota (-144). Every other code (invalid phone, no
 * Zalo account, template or token problems, a user who refused ZNS) will not change by retrying.
 */
const TRANSIENT = new Set([-100, -32, -133, -144]);

export class ZnsError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly transient: boolean,
  ) {
    super(`ZNS error ${code}: ${message}`);
    this.name = 'ZnsError';
  }
}

/** 0912345678, +84912345678 and 84912345678 all become 84912345678, the form ZNS takes. */
export function znsPhone(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  return digits.startsWith('84') ? digits : digits.startsWith('0') ? `84${digits.slice(1)}` : digits;
}

/** The template id for a message kind, or null when neither it nor the fallback `*` is configured. */
export function znsTemplateId(config: ZnsConfig, template: string): string | null {
  return config.templateIds[template] ?? config.templateIds['*'] ?? null;
}

/**
 * Sends one ZNS message and resolves with Zalo's message id. Throws a `ZnsError` for an answer
 * with a non-zero `error` (its `transient` says whether a retry may help), and plain errors for
 * network trouble and non-JSON answers, which are transient too.
 */
export async function sendZns(config: ZnsConfig, message: ZnsMessage): Promise<string> {
  const templateId = znsTemplateId(config, message.template);
  if (!templateId) throw new ZnsError(-109, `no ZNS template configured for ${message.template}`, false);
  const token = (message.oaId && config.oaAccessTokens[message.oaId]) || config.accessToken;
  const response = await fetch(`${config.url.replace(/\/$/, '')}/message/template`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', access_token: token },
    body: JSON.stringify({ phone: znsPhone(message.phone), template_id: templateId, template_data: message.templateData, tracking_id: message.trackingId }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`ZNS answered HTTP ${response.status}`);
  const answer = (await response.json()) as { error?: number; message?: string; data?: { msg_id?: string } };
  if (answer.error !== 0) {
    const code = typeof answer.error === 'number' ? answer.error : -100;
    throw new ZnsError(code, answer.message ?? 'unknown', TRANSIENT.has(code));
  }
  return answer.data?.msg_id ?? '';
}
