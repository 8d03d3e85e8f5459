import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { VIETNAM_TIME_ZONE } from '@gov/calendar';
import { DEMO_PASSWORD } from './accounts.js';

/**
 * `npm run demo:walkthrough` against a running platform (`npm start`): the liên thông procedure
 * 1.003057 from the citizen's online submission through the ward, Sở Nội vụ and back to the
 * returned result, all through the public API with the demo accounts. After each step it
 * prints the public status lookup a citizen sees by code, and at the end the workflow's page in
 * the Temporal UI. Each action waits until the API offers it (what an officer would see).
 */
const { values } = parseArgs({ options: { url: { type: 'string' }, 'temporal-ui': { type: 'string' } } });
const BASE = values.url ?? 'http://127.0.0.1:3000';
const TEMPORAL_UI = values['temporal-ui'] ?? 'http://127.0.0.1:8233';
const PROCEDURE = '1.003057';
const CITIZEN_ID = '001090006789';
// A one-page PDF that parses: the API checks an upload's structure, not only its first bytes.
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n' +
    '3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

interface Session {
  login: string;
  cookie: string;
  csrf: string;
}

async function call<T>(s: Session | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const h: Record<string, string> = { Accept: 'application/json', ...headers, ...(s ? { Cookie: s.cookie, 'X-CSRF-Token': s.csrf } : {}) };
  if (body !== undefined && !(body instanceof FormData)) h['Content-Type'] = 'application/json';
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: h,
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T & { error?: { message: { vi: string } } };
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${json.error?.message.vi ?? JSON.stringify(json)}`);
  return json;
}

async function signIn(login: string): Promise<Session> {
  const response = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed for ${login} (${response.status}): is \`npm start\` running with its demo accounts?`);
  return { login, cookie: (response.headers.get('Set-Cookie') ?? '').split(';')[0]!, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

interface Detail {
  dossier: { code: string; workflowId: string | null; nationalStatus: number };
  allowedActions: string[];
}

/** Polls the dossier as this officer sees it until the action is offered (the workflow moves on asynchronously). */
async function whenOffered(s: Session, tenantId: string, dossierId: string, action: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    // Until a hand-over reaches the department, its officers may not read the dossier (403).
    const detail = await call<Detail>(s, 'GET', `/api/tenants/${tenantId}/dossiers/${dossierId}`).catch((error: unknown) => {
      if (Date.now() > deadline) throw error;
      return { allowedActions: [] as string[] };
    });
    if (detail.allowedActions.includes(action)) return;
    if (Date.now() > deadline) throw new Error(`${s.login} was never offered "${action}" (offered: ${detail.allowedActions.join(', ') || 'nothing'})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface PublicStatus {
  nationalStatus: number;
  statusText: { vi: string };
  steps: { name: string; unitName: string; state: 'pending' | 'current' | 'done' | 'cancelled' }[];
}

async function printStatus(tenantId: string, code: string, label: string) {
  const status = await call<PublicStatus>(
    null,
    'GET',
    `/api/public/dossier-status?tenantId=${tenantId}&code=${encodeURIComponent(code)}&idSuffix=${CITIZEN_ID.slice(-4)}`,
  );
  const current = status.steps.find((step) => step.state === 'current');
  const done = status.steps.filter((step) => step.state === 'done').length;
  console.log(
    `  ${label.padEnd(44)} → [${status.nationalStatus}] ${status.statusText.vi}; ${done}/${status.steps.length} bước xong${current ? `, đang ở: ${current.name} (${current.unitName})` : ''}`,
  );
}

async function main() {
  const provinces = await call<{ items: { id: string; code: string }[] }>(null, 'GET', '/api/provinces');
  const tenantId = provinces.items.find((p) => p.code === '01')?.id;
  if (!tenantId) throw new Error('Hà Nội (01) is not seeded');
  const { procedure } = await call<{ procedure: { cases: { components: { code: string; required?: boolean }[] }[] } }>(
    null,
    'GET',
    `/api/public/provinces/${tenantId}/procedures/${PROCEDURE}`,
  );
  const s = Object.fromEntries(
    await Promise.all(
      ['congdan.an', 'badinh.tiepnhan', 'badinh.chuyenvien', 'badinh.lanhdao', 'badinh.trakq', 'snv.chuyenvien', 'snv.lanhdao'].map(
        async (l) => [l, await signIn(l)] as const,
      ),
    ),
  );

  const form = new FormData();
  form.set(
    'dossier',
    JSON.stringify({
      procedureCode: PROCEDURE,
      channel: 'online',
      applicant: { fullName: 'Nguyễn Văn An', citizenId: CITIZEN_ID, email: 'an.nguyen@example.vn', phone: '0912345678' },
    }),
  );
  for (const component of procedure.cases[0]?.components.filter((c) => c.required !== false) ?? [])
    form.append(component.code, new File([PDF], `${component.code}.pdf`, { type: 'application/pdf' }));
  const submitted = await call<{ dossierId: string; code: string; receipt: { promisedReturnAt: string } }>(
    s['congdan.an']!,
    'POST',
    `/api/tenants/${tenantId}/dossiers`,
    form,
    { 'Idempotency-Key': randomUUID() },
  );
  const { dossierId, code } = submitted;
  console.log(
    `Hồ sơ ${code} (thủ tục ${PROCEDURE}), hẹn trả ${new Date(submitted.receipt.promisedReturnAt).toLocaleString('vi-VN', { timeZone: VIETNAM_TIME_ZONE })}`,
  );
  await printStatus(tenantId, code, 'congdan.an nộp trực tuyến');

  const steps: [string, string, Record<string, unknown>, string][] = [
    ['badinh.tiepnhan', 'accept', {}, 'Phường Ba Đình tiếp nhận'],
    ['badinh.chuyenvien', 'forward', { note: 'Đủ điều kiện' }, 'chuyên viên phường thẩm định'],
    ['badinh.lanhdao', 'approve', { signed: true }, 'lãnh đạo phường ký tờ trình'],
    ['badinh.chuyenvien', 'handOver', { note: 'Chuyển Sở Nội vụ' }, 'chuyển Sở Nội vụ (liên thông)'],
    ['snv.chuyenvien', 'forward', { note: 'Thẩm định xong' }, 'chuyên viên Sở thẩm định'],
    ['snv.lanhdao', 'approve', { signed: true }, 'lãnh đạo Sở phê duyệt'],
    ['snv.chuyenvien', 'handOver', { note: 'Trả về phường' }, 'Sở chuyển trả phường'],
    ['badinh.trakq', 'returnResult', { method: 'in_person' }, 'phường trả kết quả'],
  ];
  for (const [login, action, body, label] of steps) {
    await whenOffered(s[login]!, tenantId, dossierId, action);
    await call(s[login]!, 'POST', `/api/tenants/${tenantId}/dossiers/${dossierId}/actions/${action}`, body);
    await printStatus(tenantId, code, `${login} ${action}: ${label}`);
  }
  const detail = await call<Detail>(s['badinh.trakq']!, 'GET', `/api/tenants/${tenantId}/dossiers/${dossierId}`);
  console.log(`\nTemporal UI: ${TEMPORAL_UI}/namespaces/gov-one-stop/workflows/${encodeURIComponent(detail.dossier.workflowId ?? '')}`);
  console.log(`Cổng công dân: ${BASE}/status  (mã ${code}, 4 số cuối CCCD ${CITIZEN_ID.slice(-4)})`);
}

main().catch((error: unknown) => {
  console.error(`demo:walkthrough: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
