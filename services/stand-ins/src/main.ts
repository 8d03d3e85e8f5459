import { ConfigError } from '@gov/runtime';
import { readStandInEnv } from './env.js';
import { runStandIns } from './stand-ins.js';

/** `node --import tsx services/stand-ins/src/main.ts`: the stand-ins as their own process. */
async function main() {
  const env = readStandInEnv();
  const standIns = await runStandIns(
    {
      smtpPort: env.STAND_IN_SMTP_PORT,
      smsPort: env.STAND_IN_SMS_PORT,
      controlPort: env.STAND_IN_CONTROL_PORT,
      vneidPort: env.STAND_IN_VNEID_PORT,
      znsPort: env.STAND_IN_ZNS_PORT,
      portal: { port: env.STAND_IN_PORTAL_PORT, apiKey: env.STAND_IN_PORTAL_API_KEY },
    },
    { clientId: env.STAND_IN_VNEID_CLIENT_ID, clientSecret: env.STAND_IN_VNEID_CLIENT_SECRET, redirectUris: env.STAND_IN_VNEID_REDIRECT_URIS },
    (line) => console.log(line),
    {
      gateway: {
        port: env.STAND_IN_PAYMENT_PORT,
        merchantCode: env.STAND_IN_PAYMENT_MERCHANT_CODE,
        secret: env.STAND_IN_PAYMENT_SECRET,
        ipnUrl: env.STAND_IN_PAYMENT_IPN_URL,
      },
      einvoice: { port: env.STAND_IN_EINVOICE_PORT, username: env.STAND_IN_EINVOICE_USERNAME, password: env.STAND_IN_EINVOICE_PASSWORD },
    },
  );
  // Before the ready line, which `spawnStandIns` waits for: by then these URLs are printed.
  console.log(`payment stand-ins: gateway ${standIns.paymentGatewayUrl} e-invoice ${standIns.einvoiceUrl}`);
  console.log(`national portal stand-in: ${standIns.portalUrl}`);
  console.log(
    `stand-ins ready: SMTP ${standIns.smtpPort}, SMS http://127.0.0.1:${standIns.smsPort}/sms, VNeID ${standIns.vneidIssuer}, ZNS http://127.0.0.1:${standIns.znsPort}, control http://127.0.0.1:${standIns.controlPort}/messages`,
  );
  const stop = () => void standIns.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `stand-ins: configuration error: ${error.message}` : error);
  process.exit(1);
});
