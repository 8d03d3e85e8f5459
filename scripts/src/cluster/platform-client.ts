import { DEMO_PASSWORD } from '../demo/accounts.js';

/**
 * A small HTTP client of the platform's public API for the fault tests: signs in the demo
 * accounts, submits dossiers with an Idempotency-Key and walks them through their steps the way
 * officers do, retrying what a person would retry when a process behind the balancer dies.
 */
export interface Session {
  login: string;
  cookie: string;
  csrf: string;
}

export interface Answer<T> {
  status: number;
  body: T;
}

// A one-page PDF that parses: the API checks an upload's structure, not only its first bytes.
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n' +
    '3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

/** Officer actions in the order a dossier meets them, with the body each takes. */
const STEPS: [string, Record<string, unknown>][] = [
  ['accept', {}],
  ['forward', { note: 'Đủ điều kiện' }],
  ['approve', { signed: true }],
  ['handOver', { note: 'Chuyển bước tiếp' }],
  ['returnResult', { method: 'in_person' }],
];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Statuses a client retries: the balancer's own 502/503 and the API's 503 while a dependency is down. */
const RETRIED = new Set([502, 503, 504]);

/** One request's outcome as the client saw it: the HTTP status, or 0 when the connection failed. */
export interface Seen {
  method: string;
  path: string;
  status: number;
}

/** `observe` hears of every request the client makes, so a test can check what a fault made clients see. */
export function platformClient(base: string, observe?: (seen: Seen) => void) {
  async function call<T>(s: Session | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const h: Record<string, string> = { Accept: 'application/json', ...headers, ...(s ? { Cookie: s.cookie, 'X-CSRF-Token': s.csrf } : {}) };
    if (body !== undefined && !(body instanceof FormData)) h['Content-Type'] = 'application/json';
    const response = await fetch(`${base}${path}`, {
      method,
      headers: h,
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    }).catch((error: unknown) => {
      observe?.({ method, path, status: 0 });
      throw error;
    });
    observe?.({ method, path, status: response.status });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /**
   * `call`, again on a network error or a 502/503/504 until `deadline`: what a patient client does.
   * `statuses` are the attempts' in order (0: the connection failed), the last one answered.
   */
  async function persist<T>(deadline: number, attempt: () => Promise<Answer<T>>): Promise<Answer<T> & { retries: number; statuses: number[] }> {
    const statuses: number[] = [];
    for (let retries = 0; ; retries += 1) {
      const answer = await attempt().catch((error: unknown) => ({ status: 0, body: error as T }));
      statuses.push(answer.status);
      if (!RETRIED.has(answer.status) && answer.status !== 0) return { ...answer, retries, statuses };
      if (Date.now() > deadline) throw new Error(`still ${answer.status || 'unreachable'} after ${retries} retries: ${JSON.stringify(answer.body)}`);
      await pause(200);
    }
  }

  async function signIn(login: string, password = DEMO_PASSWORD): Promise<Session> {
    const answer = await persist(Date.now() + 60_000, async () => {
      const response = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ login, password }),
      });
      const body = (await response.json()) as { csrfToken?: string };
      return { status: response.status, body: { ...body, cookie: (response.headers.get('Set-Cookie') ?? '').split(';')[0]! } };
    });
    if (answer.status !== 200 || !answer.body.csrfToken) throw new Error(`sign-in failed for ${login} (${answer.status})`);
    return { login, cookie: answer.body.cookie, csrf: answer.body.csrfToken };
  }

  /** The form of one submission (online by default; `in_person` at the counter); built once per dossier so a retry sends the same request. */
  async function submissionForm(
    tenantId: string,
    procedureCode: string,
    applicant: { fullName: string; citizenId: string; email: string; phone: string },
    channel: 'online' | 'in_person' = 'online',
  ) {
    const { body } = await call<{ procedure: { cases: { components: { code: string; required?: boolean }[] }[] } }>(
      null,
      'GET',
      `/api/public/provinces/${tenantId}/procedures/${procedureCode}`,
    );
    return () => {
      const form = new FormData();
      form.set('dossier', JSON.stringify({ procedureCode, channel, applicant }));
      for (const component of body.procedure.cases[0]?.components.filter((c) => c.required !== false) ?? [])
        form.append(component.code, new File([PDF], `${component.code}.pdf`, { type: 'application/pdf' }));
      return form;
    };
  }

  /** Submits with `key`, retrying the same request (same key, same body) until the API answers. */
  async function submit(s: Session, tenantId: string, form: () => FormData, key: string, deadline: number) {
    return persist(deadline, () =>
      call<{ dossierId: string; code: string }>(s, 'POST', `/api/tenants/${tenantId}/dossiers`, form(), { 'Idempotency-Key': key }),
    );
  }

  interface Detail {
    dossier: { nationalStatus: number; workflowId: string | null };
    allowedActions: string[];
  }

  /**
   * Walks one dossier to its result returned (national status 10): each round, the first officer
   * offered the next step takes it. A failed action is not repeated blindly: the dossier is read
   * again and the step that is offered now is taken (the first may have gone through).
   */
  async function advanceToReturned(officers: Session[], tenantId: string, dossierId: string, deadline: number): Promise<number> {
    for (;;) {
      let acted = false;
      for (const officer of officers) {
        const detail = await persist(deadline, () => call<Detail>(officer, 'GET', `/api/tenants/${tenantId}/dossiers/${dossierId}`));
        if (detail.status === 200 && detail.body.dossier.nationalStatus === 10) return 10;
        if (detail.status !== 200) continue; // not (yet) visible to this officer
        const step = STEPS.find(([action]) => detail.body.allowedActions.includes(action));
        if (!step) continue;
        await persist(deadline, () => call(officer, 'POST', `/api/tenants/${tenantId}/dossiers/${dossierId}/actions/${step[0]}`, step[1]));
        acted = true;
        break;
      }
      if (Date.now() > deadline) throw new Error(`dossier ${dossierId} was not returned in time`);
      if (!acted) await pause(250); // the workflow has not offered the next step yet
    }
  }

  return { call, persist, signIn, submissionForm, submit, advanceToReturned };
}
export type PlatformClient = ReturnType<typeof platformClient>;
