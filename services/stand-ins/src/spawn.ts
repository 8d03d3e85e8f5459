import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { standInClient } from './client.js';
import { paymentStandInClient } from './payment-client.js';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/**
 * Starts the stand-ins as their own process and resolves once they say they are ready; `stop()`
 * ends that process. `env` is the caller's environment, which the child inherits with the ports
 * added. A port left out is picked by the system when the stand-in binds it (never probed
 * beforehand, so suites side by side cannot race for it) and read back from the ready line.
 */
export async function spawnStandIns(args: {
  smtpPort?: number;
  smsPort?: number;
  controlPort?: number;
  /** The Zalo ZNS stand-in's port; without it the system picks one (tests read `znsUrl`). */
  znsPort?: number;
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** The VNeID stand-in's port and the redirect URLs its client may use. */
  vneid?: { port: number; redirectUris: string[] };
  /** Where the payment gateway stand-in sends its notifications (the API's /api/payments/ipn). */
  payment?: { ipnUrl: string };
  /** The national portal stand-in's port; without it the system picks one (see `portalUrl`). */
  portalPort?: number;
}) {
  // Loading the stand-ins through tsx takes a second on a quiet machine and over 20 s on a loaded
  // one; the bound is only there so a start that cannot succeed fails with its output.
  const timeoutMs = args.timeoutMs ?? 90_000;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...args.env,
      STAND_IN_SMTP_PORT: String(args.smtpPort ?? 0),
      STAND_IN_SMS_PORT: String(args.smsPort ?? 0),
      STAND_IN_CONTROL_PORT: String(args.controlPort ?? 0),
      STAND_IN_VNEID_PORT: String(args.vneid?.port ?? 0),
      STAND_IN_ZNS_PORT: String(args.znsPort ?? 0),
      STAND_IN_PORTAL_PORT: String(args.portalPort ?? 0),
      ...(args.vneid ? { STAND_IN_VNEID_REDIRECT_URIS: args.vneid.redirectUris.join(',') } : {}),
      // Picked by the system, so suites running side by side do not collide; their URLs are printed.
      STAND_IN_PAYMENT_PORT: '0',
      STAND_IN_EINVOICE_PORT: '0',
      ...(args.payment ? { STAND_IN_PAYMENT_IPN_URL: args.payment.ipnUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stand-ins did not start within ${timeoutMs} ms: ${output}`)), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (/stand-ins ready: .*\n/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stand-ins exited (${code}): ${output}`));
    });
  });
  await ready;
  const vneidIssuer = /VNeID (\S+),/.exec(output)?.[1] ?? '';
  const znsUrl = /ZNS (\S+),/.exec(output)?.[1] ?? '';
  const portalUrl = /national portal stand-in: (\S+)/.exec(output)?.[1] ?? '';
  const [, smtpPort = '', smsPort = '', controlPort = ''] =
    /stand-ins ready: SMTP (\d+), SMS http:\/\/127\.0\.0\.1:(\d+)\/sms, .* control http:\/\/127\.0\.0\.1:(\d+)\//.exec(output) ?? [];
  const controlUrl = `http://127.0.0.1:${controlPort}`;
  const [, paymentGatewayUrl = '', einvoiceUrl = ''] = /payment stand-ins: gateway (\S+) e-invoice (\S+)/.exec(output) ?? [];
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    smsUrl: `http://127.0.0.1:${smsPort}/sms`,
    controlUrl,
    vneidIssuer,
    paymentGatewayUrl,
    einvoiceUrl,
    znsUrl,
    portalUrl,
    ...standInClient(controlUrl),
    payments: paymentStandInClient(controlUrl),
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await gone;
    },
  };
}
export type SpawnedStandIns = Awaited<ReturnType<typeof spawnStandIns>>;
