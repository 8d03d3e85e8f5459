import { createMongoAbility, subject as tag } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';
// Types only: @gov/domain's index also builds valibot schemas at load time, which would land in
// the first screen's chunk. createMongoAbility<AppAbility> is exactly what createAppAbility does.
import type { AppAbility, AppAction, AppRule, AppSubject } from '@gov/domain';
import { createSignal } from 'solid-js';
import { answer, api, ApiError, setCsrfToken, whenSecondFactorRequired, whenUnauthenticated } from '../api.js';
import { homeTenantFromRules } from './home-tenant.js';

export interface SessionUser {
  userId: string;
  kind: 'officer' | 'ministry' | 'citizen';
  displayName: string;
}

/** What an administrator's session still has to do before the API opens: enrol an authenticator, or type a code. */
export type SecondFactorStep = 'enrol' | 'verify';

export interface Session {
  user: SessionUser;
  /** Derived from the rules (see home-tenant.ts): the province an officer administers. */
  homeTenantId: string | null;
  /** Someone else chose the password (accounts from before invitations): the API opens nothing else until the user changes it. */
  passwordChangeRequired: boolean;
  /** An administrator who has not passed the second factor: the API opens nothing else until they do. */
  secondFactor: SecondFactorStep | null;
}

/** Anonymous visitors get no rules here; what they may see publicly needs no check. */
const ANONYMOUS = createMongoAbility<AppAbility>([]);

// The ability is replaced (never mutated) on sign-in and sign-out, so every `can()` read inside
// a component or memo re-runs when it changes.
const [session, setSession] = createSignal<Session | null>(null);
const [ability, setAbility] = createSignal<AppAbility>(ANONYMOUS);
const [ready, setReady] = createSignal(false);

export { session, ready };

/** What the UI may offer. The API checks again on every request; this only hides what would fail. */
export function can(action: AppAction, subjectType: Exclude<AppSubject, 'all'>, object?: Record<string, unknown>, field?: string): boolean {
  return ability().can(action, object ? tag(subjectType, { ...object }) : subjectType, field);
}

function clear() {
  setCsrfToken(null);
  setAbility(ANONYMOUS);
  setSession(null);
}

whenUnauthenticated(clear);
whenSecondFactorRequired(() => void loadSession());

/** Asks the API who is signed in (the cookie is httpOnly, so only the API can say). */
export async function loadSession(): Promise<void> {
  try {
    const me = await answer(api.auth.me.$get());
    const rules = unpackRules(me.rules as PackRule<AppRule>[]);
    setCsrfToken(me.csrfToken);
    setAbility(createMongoAbility<AppAbility>(rules));
    setSession({ user: me.user, homeTenantId: homeTenantFromRules(rules), passwordChangeRequired: me.passwordChangeRequired, secondFactor: me.secondFactor });
  } catch (error) {
    // 401 is the ordinary "not signed in"; anything else also leaves the visitor anonymous.
    if (!(error instanceof ApiError)) throw error;
    clear();
  } finally {
    setReady(true);
  }
}

export async function signIn(login: string, password: string): Promise<void> {
  const result = await answer(api.auth.login.$post({ json: { login, password } }));
  setCsrfToken(result.csrfToken);
  await loadSession();
}

/** Đổi mật khẩu; the session is read again so the forced-change state and the rules are current. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await answer(api.auth.password.$post({ json: { currentPassword, newPassword } }));
  await loadSession();
}

/** Starts enrolling an authenticator app: the otpauth URI for the QR code and the same secret as text. */
export const startSecondFactorEnrolment = () => answer(api.auth['second-factor'].enrol.$post());

/**
 * Confirms the enrolment with a first code; returns the recovery codes, shown once. The session is
 * read again only when the user says they saved them, so the page keeps showing them until then.
 */
export async function confirmSecondFactorEnrolment(code: string): Promise<string[]> {
  const { recoveryCodes } = await answer(api.auth['second-factor'].enrol.confirm.$post({ json: { code } }));
  return recoveryCodes;
}

/** The code step of an administrator's sign-in (an app code or a recovery code). */
export async function verifySecondFactor(code: string): Promise<void> {
  await answer(api.auth['second-factor'].verify.$post({ json: { code } }));
  await loadSession();
}

export async function signOut(): Promise<void> {
  try {
    await answer(api.auth.logout.$post());
  } finally {
    clear();
  }
}
