import type { NationalStatus } from '@gov/domain';
import type { PortalDossierRecord } from '@gov/domain/contract';

/** Where the portal is and the API key each province was issued (docs/domain/national-portal-sync.md). */
export interface NationalPortalConfig {
  url: string;
  /** The province's API key, by province code; undefined when the province has none. */
  apiKey: (provinceCode: string) => string | undefined;
  timeoutMs?: number;
}

/** What the portal holds about one dossier, as its lookup answers. */
export interface PortalView {
  dossierCode: string;
  status: NationalStatus;
  updatedAt: string;
}

/**
 * A refusal or failure of the portal: `code` is its `error_code` (a business error), or
 * `http_<status>`, `no_credentials` or `unreachable`. The message is the portal's, never our
 * payload, so logging it leaks no personal data.
 */
export class PortalError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'PortalError';
  }
}

interface Answer {
  error_code: number;
  message?: string;
}

/** The sync body in the portal's field names. */
function syncBody(r: PortalDossierRecord) {
  return {
    dossier_code: r.dossierCode,
    procedure_code: r.procedureCode,
    province_code: r.provinceCode,
    unit_code: r.unitCode,
    received_at: r.receivedAt,
    due_at: r.dueAt,
    status: r.status,
    channel: r.channel,
    applicant_name: r.applicantName,
    finished_at: r.finishedAt,
    returned_at: r.returnedAt,
    updated_at: r.changedAt,
  };
}
export type PortalSyncBody = ReturnType<typeof syncBody>;

/**
 * The adapter for the national portal's dossier-sync API: a bearer token per province from
 * `POST /api/auth/token` (its API key), kept until it expires or is refused, then
 * `POST /api/dossiers/sync` per record and `POST /api/dossiers/lookup` for reconciliation.
 * Every answer other than `{ error_code: 0 }` is thrown as a `PortalError`.
 */
export function nationalPortal(config: NationalPortalConfig) {
  const tokens = new Map<string, { token: string; expiresAt: number }>();
  const timeout = config.timeoutMs ?? 10_000;

  async function post<T extends Answer>(path: string, body: unknown, token?: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, config.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeout),
      });
    } catch (error) {
      throw new PortalError('unreachable', error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) throw new PortalError(`http_${response.status}`, (await response.text().catch(() => '')).slice(0, 200));
    const answer = (await response.json().catch(() => ({ error_code: -1, message: 'not JSON' }))) as T;
    if (answer.error_code !== 0) throw new PortalError(String(answer.error_code), answer.message ?? '');
    return answer;
  }

  async function token(provinceCode: string): Promise<string> {
    const held = tokens.get(provinceCode);
    if (held && held.expiresAt > Date.now()) return held.token;
    const apiKey = config.apiKey(provinceCode);
    if (!apiKey) throw new PortalError('no_credentials', `no API key for province ${provinceCode}`);
    const answer = await post<Answer & { access_token: string; expires_in: number }>('/api/auth/token', { province_code: provinceCode, api_key: apiKey });
    // A minute early, so a token never expires on its way to the portal.
    tokens.set(provinceCode, { token: answer.access_token, expiresAt: Date.now() + (answer.expires_in - 60) * 1000 });
    return answer.access_token;
  }

  /** Calls with the province's token; a refused token is dropped and asked for again once. */
  async function authorised<T extends Answer>(provinceCode: string, path: string, body: unknown): Promise<T> {
    try {
      return await post<T>(path, body, await token(provinceCode));
    } catch (error) {
      if (!(error instanceof PortalError) || error.code !== 'http_401') throw error;
      tokens.delete(provinceCode);
      return post<T>(path, body, await token(provinceCode));
    }
  }

  return {
    async sync(record: PortalDossierRecord): Promise<void> {
      await authorised(record.provinceCode, '/api/dossiers/sync', syncBody(record));
    },
    /** The portal's view of these dossiers of one province; a code it does not know is absent. */
    async lookup(provinceCode: string, dossierCodes: string[]): Promise<PortalView[]> {
      const answer = await authorised<Answer & { dossiers: { dossier_code: string; status: NationalStatus; updated_at: string }[] }>(
        provinceCode,
        '/api/dossiers/lookup',
        { province_code: provinceCode, dossier_codes: dossierCodes },
      );
      return answer.dossiers.map((d) => ({ dossierCode: d.dossier_code, status: d.status, updatedAt: d.updated_at }));
    },
  };
}
export type NationalPortal = ReturnType<typeof nationalPortal>;
