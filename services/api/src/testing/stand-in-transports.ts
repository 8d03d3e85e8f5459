import { createTransports } from '@gov/workflows';

/** The ZNS template ids the test runtimes configure: one per message kind, `*` for the rest. */
export const TEST_ZNS_TEMPLATE_IDS: Record<string, string> = { '*': '900000', 'dossier.submitted': '900001', 'dossier.accepted': '900002' };

/** Where the test runtimes' message links point (the web app as `npm start` serves it). */
export const TEST_PUBLIC_URL = 'http://127.0.0.1:3000';

/** Test-only: the worker's transports pointed at stand-ins, with the platform's default sender. */
export function standInTransports(urls: { smtpUrl: string; smsUrl: string; znsUrl: string }) {
  return createTransports({
    smtpUrl: urls.smtpUrl,
    smsUrl: urls.smsUrl,
    from: 'Một cửa thử nghiệm <khong-tra-loi@motcua.local>',
    smsBrandname: 'MOTCUA',
    zns: { url: urls.znsUrl, accessToken: 'test-zns-token', oaAccessTokens: {}, templateIds: TEST_ZNS_TEMPLATE_IDS },
    publicUrl: TEST_PUBLIC_URL,
  });
}
