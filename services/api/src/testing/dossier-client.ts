import { randomUUID } from 'node:crypto';
import type { createApp } from '../app.js';
import { connEnv, type Session } from './world.js';
import type { DossierWorld } from './dossier-world.js';

type App = ReturnType<typeof createApp>;

/** Test-only: the requests the dossier suites make, as a browser or API client would. */
export function dossierClient(app: App) {
  const headers = (s: Session | null, extra: Record<string, string> = {}) => ({ ...(s ? { Cookie: s.cookie, 'X-CSRF-Token': s.csrf } : {}), ...extra });
  const json = <T>(r: Response) => r.json() as Promise<T>;
  return {
    json,
    /** A submission as JSON (no files) or multipart (the form in `dossier`, files by component code). */
    submit(s: Session | null, tenantId: string, body: unknown, opts: { key?: string; files?: Record<string, { name: string; bytes: Uint8Array }> } = {}) {
      const value = opts.key === undefined ? `k-${randomUUID()}` : opts.key;
      const key: Record<string, string> = value ? { 'Idempotency-Key': value } : {};
      if (!opts.files) {
        return app.request(
          `/api/tenants/${tenantId}/dossiers`,
          { method: 'POST', headers: headers(s, { 'Content-Type': 'application/json', ...key }), body: JSON.stringify(body) },
          connEnv('203.0.113.30'),
        );
      }
      const form = new FormData();
      form.set('dossier', JSON.stringify(body));
      for (const [code, file] of Object.entries(opts.files))
        form.append(code, new File([new Uint8Array(file.bytes)], file.name, { type: 'application/octet-stream' }));
      return app.request(`/api/tenants/${tenantId}/dossiers`, { method: 'POST', headers: headers(s, key), body: form }, connEnv('203.0.113.30'));
    },
    act(s: Session, tenantId: string, dossierId: string, action: string, body: Record<string, unknown> = {}) {
      return app.request(
        `/api/tenants/${tenantId}/dossiers/${dossierId}/actions/${action}`,
        { method: 'POST', headers: headers(s, { 'Content-Type': 'application/json' }), body: JSON.stringify(body) },
        connEnv('203.0.113.30'),
      );
    },
    get(s: Session | null, path: string, ip = '203.0.113.31') {
      return app.request(path, { headers: headers(s) }, connEnv(ip));
    },
  };
}

/** An online submission of the world's procedure; the ID number ends in 6789. */
export const onlineBody = (w: DossierWorld, applicant: Record<string, string> = {}) => ({
  procedureCode: w.procedureCode,
  channel: 'online',
  applicant: { fullName: 'Nguyễn Văn An', citizenId: '001090006789', email: 'an.nguyen@example.vn', phone: '0912345678', ...applicant },
});

/** Polls until `ok` holds, with a deadline (never a blind sleep). */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached: ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
