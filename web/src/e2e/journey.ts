import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDossierWorld, PASSWORD, PDF, startDossierRuntime, TEST_SECOND_FACTOR_KEY_HEX, type DossierWorld } from '@gov/api/testing';
import { createDb } from '@gov/db';
import type { Browser, Page } from 'playwright-core';
import { expect, inject, onTestFailed, onTestFinished } from 'vitest';
import { codeFor, enrolled, keepRecoveryCodes } from './authenticator.js';
import { RUNNER_PATH } from './env.js';
import { buildWeb, launchChromium, SCREENSHOTS, startApi } from './harness.js';

/** Every screenshot starts with its journey's name, so no two journeys write the same file. */
export type JourneyName =
  'admin' | 'citizen' | 'officer' | 'ministry' | 'account' | 'vneid' | 'second-factor' | 'index766' | 'branches' | 'archive' | 'consultation';

// The browsers run in New York time: every date and time the app shows must still read in
// Vietnam time (a due time of 17:00 in Hà Nội is 05:00 there).
const DEVICES = {
  desktop: { viewport: { width: 1280, height: 900 }, timezoneId: 'America/New_York' },
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, timezoneId: 'America/New_York' },
} as const;

/** What a journey runs against: the built app served by the real API, and Chromium. */
export interface Journey {
  /** The API's origin; it serves the built app too. */
  url: string;
  /** A fresh browser profile (no shared cookies); a failing test leaves `<journey>-failed-<name>.png`. */
  newPage(args: { name: string; viewport?: keyof typeof DEVICES }): Promise<Page>;
  /**
   * Fills in and submits the login form and, for an administrator, passes the second factor as
   * they would (enrol from the secret the page shows, keep the recovery codes, or type a code);
   * where the user lands is the caller's to wait for.
   */
  signIn(page: Page, login: string, password?: string): Promise<void>;
  /** `<journey>-<name>.png`, the whole page unless told otherwise. */
  shot(page: Page, name: string, opts?: { fullPage?: boolean }): Promise<void>;
  /** Ends everything `startJourney` started, in reverse order. */
  stop(): Promise<void>;
  /** With dossiers: the directories the worker shares with the API, and its archive run. */
  dossierRuntime?: DossierRuntime;
}

export interface DossierRuntime {
  /** The API's FILES_DIR, the worker's live store. */
  filesDir: string;
  /** The API's ARCHIVE_DIR, the worker's archive storage. */
  archiveDir: string;
  /** One archive run on the journey's worker (what the daily schedule starts), judged by `asOf`. */
  runArchive: Awaited<ReturnType<typeof startDossierRuntime>>['runArchive'];
}

type Cleanup = () => unknown;

/**
 * The worker, outbox relay, files directory and archive storage that dossiers need, on a task
 * queue of the journey's own; the worker and the API share both directories (the archive run
 * moves what the API stored). Returns the API env that points at them, and what a test reaches of
 * the runtime.
 */
async function startDossiers(name: JourneyName, tenantId: string, cleanups: Cleanup[]) {
  const taskQueue = `web-${name}-${randomUUID()}`;
  const filesDir = mkdtempSync(join(tmpdir(), `gov-web-${name}-files-`));
  const archiveDir = mkdtempSync(join(tmpdir(), `gov-web-${name}-archive-`));
  cleanups.push(() => {
    for (const dir of [filesDir, archiveDir]) rmSync(dir, { recursive: true, force: true });
  });
  const runtime = await startDossierRuntime({
    databaseUrl: inject('databaseUrl'),
    temporalAddress: inject('temporalAddress'),
    namespace: inject('temporalNamespace'),
    taskQueue,
    tenantIds: () => [tenantId],
    fileDirs: { live: filesDir, archive: archiveDir },
  });
  cleanups.push(() => runtime.close());
  return {
    env: { TEMPORAL_TASK_QUEUE: taskQueue, FILES_DIR: filesDir, ARCHIVE_DIR: archiveDir },
    runtime: { filesDir, archiveDir, runArchive: runtime.runArchive },
  };
}

function pagesFor(args: { name: JourneyName; url: string; browser: Browser; actionTimeoutMs: number }): Pick<Journey, 'newPage' | 'signIn' | 'shot'> {
  const shot: Journey['shot'] = async (page, name, opts) => {
    await page.screenshot({ path: join(SCREENSHOTS, `${args.name}-${name}.png`), fullPage: opts?.fullPage ?? true });
  };
  return {
    shot,
    newPage: async ({ name, viewport = 'desktop' }) => {
      const context = await args.browser.newContext({ ...DEVICES[viewport], locale: 'vi-VN' });
      context.setDefaultTimeout(args.actionTimeoutMs);
      const page = await context.newPage();
      onTestFailed(async () => {
        await shot(page, `failed-${name}`);
      });
      // The API's Content-Security-Policy must hold for everything the app does: Chromium reports
      // each refusal on the console, and any fails the test that opened the page.
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) violations.push(message.text());
      });
      onTestFinished(() => {
        expect(violations, 'Content-Security-Policy violations').toEqual([]);
      });
      return page;
    },
    signIn: async (page, login, password = PASSWORD) => {
      await page.goto(`${args.url}/login`);
      await page.getByLabel('Tên đăng nhập').fill(login);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      // Leaving the login page, or a refusal on it, settles the password step; only an
      // administrator's sign-in goes on to the second factor.
      const settled = (wait: Promise<unknown>) =>
        wait.then(
          () => true,
          () => false,
        );
      await Promise.race([settled(page.waitForURL((url) => url.pathname !== '/login')), settled(page.locator('#login-error').waitFor())]);
      if (new URL(page.url()).pathname === SECOND_FACTOR_PATH) await passSecondFactor(page, login);
    },
  };
}

const SECOND_FACTOR_PATH = '/account/second-factor';

/** The code step of an administrator's sign-in in the browser: enrolment the first time, a code after. */
export async function passSecondFactor(page: Page, login: string): Promise<void> {
  const form = page.getByTestId('second-factor-form');
  await form.waitFor();
  const secret = page.getByTestId('second-factor-secret');
  if ((await secret.count()) > 0) {
    enrolled(login, (await secret.textContent())!.trim());
    await page.getByLabel('Mã xác thực').fill(codeFor(login));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    const codes = page.getByTestId('recovery-codes').getByRole('listitem');
    await codes.first().waitFor();
    keepRecoveryCodes(login, await codes.allTextContents());
    await page.getByRole('button', { name: 'Tôi đã lưu' }).click();
  } else {
    await page.getByLabel('Mã xác thực').fill(codeFor(login));
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
  }
  await page.waitForURL((url) => url.pathname !== SECOND_FACTOR_PATH);
}

/**
 * Builds the web app, starts the API on it (with the dossier runtime when `dossiersFor` names the
 * province being built, in parallel with the build) and launches Chromium. `actionTimeoutMs`
 * stays below the tests' own timeouts, so a missing element fails with its locator rather than a
 * bare test timeout. If any part fails to start, what did start is stopped before the error is thrown.
 */
export async function startJourney(args: {
  name: JourneyName;
  actionTimeoutMs: number;
  dossiersFor?: Promise<{ tenantId: string }>;
  apiEnv?: Record<string, string>;
  apiPort?: number;
}): Promise<Journey> {
  const cleanups: Cleanup[] = [];
  const stop = async () => {
    for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) await cleanup();
  };
  try {
    const [distDir, province] = await Promise.all([buildWeb(), args.dossiersFor]);
    cleanups.push(() => rmSync(distDir, { recursive: true, force: true }));
    const dossiers = province ? await startDossiers(args.name, province.tenantId, cleanups) : undefined;
    const dossierRuntime = dossiers?.runtime;
    const dossierEnv = dossiers?.env ?? {};
    const api = await startApi(
      {
        PATH: RUNNER_PATH,
        DATABASE_URL: inject('databaseUrl'),
        TEMPORAL_ADDRESS: inject('temporalAddress'),
        TEMPORAL_NAMESPACE: inject('temporalNamespace'),
        SECOND_FACTOR_KEY: TEST_SECOND_FACTOR_KEY_HEX,
        // The test provinces have no licensed CA's certificate: their forms are signed by the local test CA.
        PDF_SIGNING_LOCAL_CA: 'true',
        ...dossierEnv,
        ...args.apiEnv,
        WEB_DIST_DIR: distDir,
      },
      args.apiPort,
    );
    cleanups.push(() => api.stop());
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    mkdirSync(SCREENSHOTS, { recursive: true });
    return {
      url: api.url,
      stop,
      ...(dossierRuntime ? { dossierRuntime } : {}),
      ...pagesFor({ name: args.name, url: api.url, browser, actionTimeoutMs: args.actionTimeoutMs }),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A journey whose province runs dossiers: `world` is the test province, built beside the web app. */
export type DossierJourney = Journey & { world: DossierWorld; dossierRuntime: DossierRuntime };

/** `startJourney` with the dossier runtime, for a test province built meanwhile. */
export async function startDossierJourney(args: { name: JourneyName; actionTimeoutMs: number }): Promise<DossierJourney> {
  // Only to build the test province; everything the journey does goes through the API.
  const database = createDb(inject('databaseUrl'), { max: 2 });
  const closeDatabase = () => database.sql.end({ timeout: 1 });
  const built = buildDossierWorld(database, inject('ownerDatabaseUrl'));
  try {
    const [journey, world] = await Promise.all([startJourney({ ...args, dossiersFor: built }), built]);
    const stop = async () => {
      await journey.stop();
      await closeDatabase();
    };
    // startJourney starts the runtime whenever it is given a province to run dossiers for.
    return { ...journey, world, stop, dossierRuntime: journey.dossierRuntime! };
  } catch (error) {
    await closeDatabase();
    throw error;
  }
}

/** Nothing wider than a 360-px phone, the narrowest the platform supports: no sideways scrolling of the whole page. */
export async function expectFitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

/** A PDF upload, as a scanned document. */
export const pdfFile = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
