import { totpCodeAt } from '@gov/api/testing';

/**
 * The authenticator app of every administrator a journey enrolled, by login: the secret the
 * enrolment page (or API answer) showed, the last time step used, and the recovery codes. The API
 * process runs on the real clock and takes each code once, so a journey that signs the same admin
 * in again within 30 seconds takes the next step's code, and after that a recovery code.
 */
interface App {
  secret: string;
  lastStep: number;
  recoveryCodes: string[];
}

const apps = new Map<string, App>();

export function enrolled(login: string, secret: string): void {
  apps.set(login, { secret, lastStep: -1, recoveryCodes: [] });
}

export function keepRecoveryCodes(login: string, codes: string[]): void {
  const app = apps.get(login);
  if (app) app.recoveryCodes = [...codes];
}

/** What to type at the code step: the current (or next) step's code if unused, else a recovery code. */
export function codeFor(login: string): string {
  const app = apps.get(login);
  if (!app) throw new Error(`${login} has no authenticator enrolled in this journey`);
  const now = Math.floor(Date.now() / 30_000);
  // The next step's code is accepted too (clock drift); the previous one is not tried, as the
  // step could roll over between here and the API.
  const step = [now, now + 1].find((s) => s > app.lastStep);
  if (step !== undefined) {
    app.lastStep = step;
    return totpCodeAt(app.secret, step);
  }
  const recovery = app.recoveryCodes.shift();
  if (!recovery) throw new Error(`${login} has no unused code left`);
  return recovery;
}
