import { createHmac, timingSafeEqual } from 'node:crypto';

const uuidBytes = (id: string) => Buffer.from(id.replaceAll('-', ''), 'hex');
const uuidText = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const mac = (secret: string, tenantId: string, dossierId: string) =>
  createHmac('sha256', secret).update(`dossier-status:${tenantId}:${dossierId}`).digest().subarray(0, 16);

/**
 * The QR code on the receipt: tenant and dossier ids plus a 128-bit HMAC under a server secret.
 * Unguessable without the secret, needs no database column, and carries no personal data.
 */
export function statusToken(secret: string, tenantId: string, dossierId: string): string {
  return Buffer.concat([uuidBytes(tenantId), uuidBytes(dossierId), mac(secret, tenantId, dossierId)]).toString('base64url');
}

/** The ids inside a genuine token, or null; the MAC is compared in constant time. */
export function readStatusToken(secret: string, token: string): { tenantId: string; dossierId: string } | null {
  if (!/^[A-Za-z0-9_-]{64}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== 48) return null;
  const tenantId = uuidText(raw.subarray(0, 16));
  const dossierId = uuidText(raw.subarray(16, 32));
  return timingSafeEqual(raw.subarray(32), mac(secret, tenantId, dossierId)) ? { tenantId, dossierId } : null;
}
