import { randomInt, randomUUID } from 'node:crypto';
import { PASSWORD } from '@gov/api/testing';
import { hash } from '@node-rs/argon2';
import postgres from 'postgres';
import { codeFor, enrolled, keepRecoveryCodes } from './authenticator.js';

/**
 * Test data the browser journey starts from. There is no API to create ministry staff (they are
 * provisioned outside the platform) and provinces are created by the ministry, so this writes
 * them directly as the test database's superuser, like services/db/src/testing/fixtures.ts.
 * Everything after that (the province admin, units, officers, roles) goes through the real API.
 */
export async function seedMinistryAndProvince(adminDatabaseUrl: string) {
  const sql = postgres(adminDatabaseUrl, { max: 1, onnotice: () => {} });
  const suffix = randomUUID().slice(0, 8);
  try {
    // argon2id as services/core/src/auth/passwords.ts hashes it; verify() reads the parameters from the hash.
    const passwordHash = await hash(PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const ministryUser = async (role: 'ministry_admin' | 'ministry_oversight', displayName: string) => {
      const login = `${role.replace('_', '.')}.${suffix}`;
      const [user] = await sql<{ id: string }[]>`
        insert into users (login, password_hash, kind, display_name) values (${login}, ${passwordHash}, 'ministry', ${displayName}) returning id`;
      await sql`insert into platform_role_assignments (user_id, role, reason) values (${user!.id}, ${role}, 'e2e test')`;
      return login;
    };
    const provinceName = `Tỉnh Thử nghiệm ${suffix}`;
    const [tenant] = await sql<{ id: string }[]>`
      insert into tenants (code, name, full_name, kind) values (${`T${suffix}`}, ${provinceName}, ${provinceName}, 'province') returning id`;
    return {
      suffix,
      tenantId: tenant!.id,
      provinceName,
      ministryAdmin: await ministryUser('ministry_admin', 'Nguyễn Minh Quân'),
      ministryOversight: await ministryUser('ministry_oversight', 'Trần Thu Hà'),
    };
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/**
 * A second province with one active unit, for a hand-over between two provinces (liên thông
 * giữa hai tỉnh), with its province admin. Written directly for the same reason as above:
 * provinces are the ministry's to create.
 */
export async function seedNeighbourProvince(adminDatabaseUrl: string, suffix: string) {
  const sql = postgres(adminDatabaseUrl, { max: 1, onnotice: () => {} });
  try {
    const provinceName = `Tỉnh Láng giềng ${suffix}`;
    const unitName = `Sở Tư pháp ${provinceName}`;
    const [tenant] = await sql<{ id: string }[]>`
      insert into tenants (code, name, full_name, kind) values (${`N${suffix}`}, ${provinceName}, ${provinceName}, 'province') returning id`;
    const unitId = randomUUID();
    await sql`insert into org_units (tenant_id, id, path, code, name, kind) values (${tenant!.id}, ${unitId}, ${[unitId]}, 'STP', ${unitName}, 'department')`;
    // Its admin, who accepts the agreement (quy chế phối hợp) the journey's province proposes.
    const adminLogin = `qt.lg.${suffix}`;
    const passwordHash = await hash(PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const [admin] = await sql<{ id: string }[]>`
      insert into users (login, password_hash, kind, home_tenant_id, display_name)
      values (${adminLogin}, ${passwordHash}, 'officer', ${tenant!.id}, 'Quản trị tỉnh láng giềng') returning id`;
    await sql`insert into tenant_users (tenant_id, user_id, full_name, org_unit_id) values (${tenant!.id}, ${admin!.id}, 'Đỗ Văn Láng', ${unitId})`;
    await sql`insert into role_assignments (tenant_id, user_id, role, org_unit_id, reason) values (${tenant!.id}, ${admin!.id}, 'province_admin', ${unitId}, 'e2e test')`;
    return { tenantId: tenant!.id, provinceName, unitId, unitName, adminLogin };
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** A session as an API client would hold it: the cookie and the CSRF token for writes. */
export async function signInApi(baseUrl: string, login: string) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${login} failed: ${response.status} ${await response.text()}`);
  const { csrfToken, secondFactor } = (await response.json()) as { csrfToken: string; secondFactor: 'enrol' | 'verify' | null };
  const session = { cookie: (response.headers.get('Set-Cookie') ?? '').split(';')[0]!, csrfToken };
  if (secondFactor) await passSecondFactorApi(baseUrl, login, session, secondFactor);
  return session;
}

/** An administrator's code step through the API, as signInApi's client: enrol the first time, else a code. */
async function passSecondFactorApi(baseUrl: string, login: string, session: { cookie: string; csrfToken: string }, step: 'enrol' | 'verify') {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${baseUrl}/api/auth/second-factor${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`second factor ${path} for ${login} failed: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  if (step === 'verify') {
    await post('/verify', { code: codeFor(login) });
    return;
  }
  const { secret } = (await post('/enrol', {})) as { secret: string };
  enrolled(login, secret);
  const { recoveryCodes } = (await post('/enrol/confirm', { code: codeFor(login) })) as { recoveryCodes: string[] };
  keepRecoveryCodes(login, recoveryCodes);
}

/**
 * The ministry appoints the province's first admin through the real endpoint; the appointee is
 * invited at `qt.<suffix>@example.gov.vn` and chooses their own password (see `mailedText`).
 */
export async function appointProvinceAdmin(args: {
  baseUrl: string;
  ministryAdmin: string;
  tenantId: string;
  suffix: string;
}): Promise<{ login: string; email: string }> {
  const session = await signInApi(args.baseUrl, args.ministryAdmin);
  const login = `qt.tinh.${args.suffix}`;
  const email = `qt.${args.suffix}@example.gov.vn`;
  const response = await fetch(`${args.baseUrl}/api/tenants/${args.tenantId}/province-admins`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken },
    body: JSON.stringify({
      login,
      fullName: 'Lê Văn Hùng',
      citizenId: '001085001234',
      position: 'Chuyên viên Sở Nội vụ',
      phone: '0912345678',
      email,
      reason: 'Văn bản đăng ký số 12/UBND (kiểm thử)',
    }),
  });
  if (response.status !== 201) throw new Error(`appointment failed: ${response.status} ${await response.text()}`);
  return { login, email };
}

/** What the mail stand-in received, as startAccountRuntime's `standIns` exposes it. */
interface Mailbox {
  messages(): Promise<{ emails: { to: string[]; text: string }[] }>;
}

/** The text of the `count`-th mail to `to` (the stand-in keeps them all), once it has arrived. */
export async function mailedText(mailbox: Mailbox, to: string, count: number): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mails = (await mailbox.messages()).emails.filter((m) => m.to.includes(to));
    if (mails.length >= count) return mails[count - 1]!.text;
    if (Date.now() > deadline) throw new Error(`mail ${count} to ${to} did not arrive`);
    // Polling another process's mailbox: nothing to wait on but time.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The code in a mailed message: the first six-digit number (messages put the code first). */
export const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)![1]!;

/** The path (with query and fragment) of the platform link in a mailed message, to open on the journey's own address. */
export const linkPathIn = (text: string) => {
  const url = new URL(/https?:\/\/\S+/.exec(text)![0]);
  return `${url.pathname}${url.search}${url.hash}`;
};

/**
 * The ministry publishes a national procedure and its default process through the real catalog
 * API, so the province admin has something to activate and copy. The name carries the run's
 * suffix (the test database keeps earlier runs' catalog entries); statutory time 5 working days.
 * Every step is the specialist's at a commune one-stop desk: the journey grants that role.
 */
export async function publishTestProcedure(args: { baseUrl: string; ministryAdmin: string; suffix: string }): Promise<{ code: string; name: string }> {
  const session = await signInApi(args.baseUrl, args.ministryAdmin);
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${args.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken },
      body: JSON.stringify(body),
    });
    if (response.status !== 201 && response.status !== 200) throw new Error(`${path} failed: ${response.status} ${await response.text()}`);
  };
  const code = `2.7${String(randomInt(0, 100_000)).padStart(5, '0')}`;
  const name = `Cấp giấy phép thử nghiệm ${args.suffix}`;
  await post('/api/catalog/procedures', {
    code,
    name,
    sector: 'Nội vụ',
    level: 'commune',
    channels: ['online', 'in_person'],
    cases: [{ code: 'default', name: 'Mặc định', components: [{ code: 'don', name: 'Đơn đề nghị', originals: 1, copies: 0 }] }],
    processingTime: [
      { channel: 'online', amount: 5, unit: 'working_days' },
      { channel: 'in_person', amount: 5, unit: 'working_days' },
    ],
    onlineServiceLevel: 'full',
  });
  const step = (key: string, kind: string, stepName: string, hours: number, nationalStatus: number, allowReturnToPrevious: boolean) => ({
    key,
    kind,
    name: stepName,
    role: 'specialist',
    unitKind: 'commune_one_stop',
    allottedWorkingHours: hours,
    nationalStatus,
    localStatus: key,
    allowReturnToPrevious,
  });
  await post('/api/catalog/default-processes', {
    procedureCode: code,
    steps: [
      step('tiep-nhan', 'receive', 'Tiếp nhận hồ sơ', 4, 2, false),
      step('tham-dinh', 'process', 'Thẩm định hồ sơ', 24, 4, true),
      step('tra-kq', 'return_result', 'Trả kết quả', 4, 9, false),
    ],
  });
  return { code, name };
}

/**
 * A province with its admin and one reception officer whose profile records `officerCitizenId`,
 * for the VNeID journey: written directly (like the above) so the journey starts with accounts
 * that sign in with PASSWORD and need no forced change.
 */
export async function seedVneidProvince(adminDatabaseUrl: string, officerCitizenId: string) {
  const sql = postgres(adminDatabaseUrl, { max: 1, onnotice: () => {} });
  const suffix = randomUUID().slice(0, 8);
  try {
    const passwordHash = await hash(PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const provinceName = `Tỉnh VNeID ${suffix}`;
    const [tenant] = await sql<{ id: string }[]>`
      insert into tenants (code, name, full_name, kind) values (${`V${suffix}`}, ${provinceName}, ${provinceName}, 'province') returning id`;
    const tenantId = tenant!.id;
    const rootId = randomUUID();
    await sql`insert into org_units (tenant_id, id, path, code, name, kind) values (${tenantId}, ${rootId}, ${[rootId]}, 'ROOT', ${`UBND ${provinceName}`}, 'people_committee')`;
    const account = async (login: string, role: 'province_admin' | 'reception_officer', citizenId: string | null) => {
      const [user] = await sql<{ id: string }[]>`
        insert into users (login, password_hash, kind, home_tenant_id, display_name) values (${login}, ${passwordHash}, 'officer', ${tenantId}, ${login}) returning id`;
      await sql`insert into tenant_users (tenant_id, user_id, full_name, citizen_id, org_unit_id) values (${tenantId}, ${user!.id}, ${login}, ${citizenId}, ${rootId})`;
      await sql`insert into role_assignments (tenant_id, user_id, role, org_unit_id, reason) values (${tenantId}, ${user!.id}, ${role}, ${rootId}, 'e2e test')`;
    };
    const provinceAdmin = `qt.vneid.${suffix}`;
    const officer = `tn.vneid.${suffix}`;
    await account(provinceAdmin, 'province_admin', null);
    await account(officer, 'reception_officer', officerCitizenId);
    return { tenantId, provinceAdmin, officer };
  } finally {
    await sql.end({ timeout: 1 });
  }
}
