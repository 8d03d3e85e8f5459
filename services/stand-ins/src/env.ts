import { commaList, parseEnv } from '@gov/runtime';
import * as v from 'valibot';

/** 0 lets the system pick a free port (tests); the VNeID stand-in then prints its issuer URL. */
const Port = (fallback: string) =>
  v.pipe(v.optional(v.string(), fallback), v.transform(Number), v.integer('must be a whole number'), v.minValue(0), v.maxValue(65535));

export const StandInEnv = v.object({
  /** The mail relay stand-in (SMTP): the worker's SMTP_URL points here. */
  STAND_IN_SMTP_PORT: Port('2525'),
  /** The SMS gateway stand-in (HTTP `POST /sms`): the worker's SMS_URL points here. */
  STAND_IN_SMS_PORT: Port('2526'),
  /** The Zalo ZNS stand-in (`POST /message/template`): the worker's ZNS_URL points here. */
  STAND_IN_ZNS_PORT: Port('2529'),
  /** Control: `GET /messages` (what arrived), `POST /control` (make a system fail or go down). */
  STAND_IN_CONTROL_PORT: Port('2527'),
  /** The VNeID stand-in (an OpenID Connect provider): the API's OIDC_ISSUER points here. */
  STAND_IN_VNEID_PORT: Port('2528'),
  /** The national public-service portal stand-in (its dossier-sync API): the worker's NATIONAL_PORTAL_URL points here. */
  STAND_IN_PORTAL_PORT: Port('2534'),
  /** The API key it accepts from every province: the worker's NATIONAL_PORTAL_API_KEY. */
  STAND_IN_PORTAL_API_KEY: v.optional(v.pipe(v.string(), v.minLength(1)), 'local-national-portal-key'),
  /** Its one client, which the API's OIDC_CLIENT_ID and OIDC_CLIENT_SECRET name. */
  STAND_IN_VNEID_CLIENT_ID: v.optional(v.pipe(v.string(), v.minLength(1)), 'gov-one-stop-local'),
  STAND_IN_VNEID_CLIENT_SECRET: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters')), 'local-development-vneid-client-secret'),
  /** Where it may send the browser back (comma-separated): the API's OIDC_REDIRECT_URL. */
  STAND_IN_VNEID_REDIRECT_URIS: v.pipe(
    v.optional(v.string(), 'http://127.0.0.1:3000/api/auth/vneid/callback'),
    v.transform(commaList),
    v.array(v.pipe(v.string(), v.url('must be URLs separated by commas'))),
    v.minLength(1, 'name at least one redirect URL'),
  ),
  /** The payment gateway stand-in (the national payment platform): the API's PAYMENT_GATEWAY_URL points here. */
  STAND_IN_PAYMENT_PORT: Port('2535'),
  /** The merchant it knows, as the API's PAYMENT_MERCHANT_CODE and PAYMENT_SECRET name it. */
  STAND_IN_PAYMENT_MERCHANT_CODE: v.optional(v.pipe(v.string(), v.minLength(1)), 'MOTCUA01'),
  STAND_IN_PAYMENT_SECRET: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters')), 'local-development-payment-secret'),
  /** Where it sends payment notifications (IPN), as a merchant registers it with the gateway. */
  STAND_IN_PAYMENT_IPN_URL: v.optional(v.pipe(v.string(), v.url('must be a URL ending in /api/payments/ipn')), 'http://127.0.0.1:3000/api/payments/ipn'),
  /** The e-invoice provider stand-in (electronic receipts): the worker's EINVOICE_URL points here. */
  STAND_IN_EINVOICE_PORT: Port('2536'),
  STAND_IN_EINVOICE_USERNAME: v.optional(v.pipe(v.string(), v.minLength(1)), 'motcua-local'),
  STAND_IN_EINVOICE_PASSWORD: v.optional(v.pipe(v.string(), v.minLength(8, 'must be at least 8 characters')), 'local-development-einvoice-password'),
});
export type StandInEnv = v.InferOutput<typeof StandInEnv>;

/** The only place the stand-ins read process.env. */
export function readStandInEnv(source: Record<string, string | undefined> = process.env): StandInEnv {
  return parseEnv(StandInEnv, source);
}
