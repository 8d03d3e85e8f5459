import { randomInt, randomUUID } from 'node:crypto';
import { schema } from '@gov/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { dossierClient, onlineBody } from '../testing/dossier-client.js';
import { buildDossierWorld, PDF, type DossierWorld } from '../testing/dossier-world.js';
import { connEnv, signIn, type Session } from '../testing/world.js';
import { problemCode } from '../testing/problem.js';

// A self-registered citizen files online only once their contact is confirmed, and a dossier taken
// at the counter with their CCCD number appears in their account (found by the keyed digest).
const { deps, close } = createTestDeps();
const app = createApp(deps);
const client = dossierClient(app);
let w: DossierWorld;
let reception: Session;

beforeAll(async () => {
  w = await buildDossierWorld(deps, inject('ownerDatabaseUrl'));
  reception = await signIn(app, w.logins.reception);
});
afterAll(close);

const PASSWORD = 'MatKhauCongDan2026';
const files = { don: { name: 'don.pdf', bytes: PDF } };
type Mine = { items: { code: string; tenantId: string }[] };

async function signedUpCitizen(citizenId: string): Promise<{ email: string; session: Session }> {
  const email = `lien.ket.${randomUUID().slice(0, 8)}@example.vn`;
  const response = await app.request(
    '/api/auth/sign-up',
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fullName: 'Trần Văn Liên Kết', citizenId, email, password: PASSWORD }),
    },
    connEnv('198.51.100.7'),
  );
  expect(response.status).toBe(202);
  return { email, session: await signIn(app, email, `198.51.100.${randomInt(8, 250)}`, PASSWORD) };
}
const counterIntake = async (citizenId: string) => {
  const response = await client.submit(
    reception,
    w.tenantId,
    { procedureCode: w.procedureCode, channel: 'in_person', applicant: { fullName: 'Trần Văn Liên Kết', citizenId } },
    { files },
  );
  expect(response.status).toBe(201);
  return (await client.json<{ code: string }>(response)).code;
};
const mine = async (s: Session) => client.json<Mine>(await client.get(s, '/api/me/dossiers'));
/** What entering the emailed code does (the code itself is exercised in accounts.test.ts). */
const confirm = (email: string) => deps.db.update(schema.users).set({ contactVerifiedAt: new Date() }).where(eq(schema.users.login, email));

describe('citizen accounts at intake', () => {
  it('refuses online filing (403) until the contact is confirmed, and links counter dossiers only to a confirmed account', async () => {
    const citizenId = `001${String(randomInt(0, 1e9)).padStart(9, '0')}`;
    const { email, session } = await signedUpCitizen(citizenId);
    const refused = await client.submit(session, w.tenantId, onlineBody(w, { citizenId }), { files });
    expect(refused.status).toBe(403);
    expect(await problemCode(refused)).toBe('forbidden');
    const beforeConfirm = await counterIntake(citizenId);
    expect((await mine(session)).items.map((d) => d.code)).not.toContain(beforeConfirm);

    await confirm(email);
    expect((await client.submit(session, w.tenantId, onlineBody(w, { citizenId }), { files })).status).toBe(201);
    const atCounter = await counterIntake(citizenId);
    const other = await counterIntake(`001${String(randomInt(0, 1e9)).padStart(9, '0')}`);
    const codes = (await mine(session)).items.map((d) => d.code);
    expect(codes).toContain(atCounter);
    expect(codes).not.toContain(other);
    expect(codes).toHaveLength(2);
  });
});
