import type { AccountKeys, DossierDeps, PaymentGatewayConfig, SecondFactorKey, ServiceContext, ValidSession } from '@gov/core';
import type { Db, Sql } from '@gov/db';
import type { Logger } from '@gov/runtime';
import type { Connection } from '@temporalio/client';
import type { RequestIdVariables } from 'hono/request-id';
import type { Registry } from 'prom-client';
import type { VneidConfig } from './vneid.js';

/** What the API process builds once at start-up and hands to the app. */
export interface ApiDeps {
  db: Db;
  sql: Sql;
  temporal: Connection;
  logger: Logger;
  /** Secrets of one-time codes and of the CCCD digest (sign-up, password reset, invitations). */
  accountKeys: AccountKeys;
  /** Seals administrators' authenticator secrets at rest (SECOND_FACTOR_KEY). */
  secondFactorKey: SecondFactorKey;
  /** The time TOTP codes are checked against; tests move it forward instead of waiting for the next code. */
  secondFactorClock?: () => Date;
  /**
   * Temporal client and task queue for dossier workflows, the attachment store, the QR secret.
   * Optional so apps built only to sign in (e.g. the demo-account test) need not wire them; the
   * dossier routes then fail with a 500 naming the missing wiring.
   */
  dossiers?: DossierDeps;
  /** Built web app to serve at `/`; omitted in tests and when the SPA is served elsewhere. */
  webDistDir?: string;
  /** Session cookies get `Secure` whenever the public URL is https (everywhere but local dev). */
  cookieSecure?: boolean;
  /** The identity provider for "Đăng nhập bằng VNeID"; without it the button says it is unavailable. */
  vneid?: VneidConfig;
  /** The national payment platform's gateway (online fee payment); without it the payment routes fail as unwired. */
  payments?: PaymentGatewayConfig;
  /** Where the request metrics go (served on the metrics port, not by this app); none in most tests. */
  metrics?: Registry;
  /** Reverse proxies in front of the API that append to `X-Forwarded-For`; 0 trusts no header. */
  trustedProxyHops?: number;
}

export interface AppEnv {
  /** `ctx` is built once per request (actor, ability) and handed to every service verb. */
  Variables: RequestIdVariables & { ctx: ServiceContext; session?: SignedInSession; clientAddress: string };
}

/**
 * The request's session, with whether its password must be changed before anything else and
 * whether it still waits for the second factor (an administrator who has not passed it).
 */
export interface SignedInSession extends ValidSession {
  passwordChangeRequired: boolean;
  secondFactorPending: boolean;
}

/** The dossier dependencies, or a wiring error (a defect, hence not a DomainError). */
export function dossierDeps(deps: ApiDeps): DossierDeps {
  if (!deps.dossiers) throw new Error('ApiDeps.dossiers is not configured');
  return deps.dossiers;
}

/** The payment gateway's settings, or a wiring error (a defect, hence not a DomainError). */
export function paymentDeps(deps: ApiDeps): PaymentGatewayConfig {
  if (!deps.payments) throw new Error('ApiDeps.payments is not configured');
  return deps.payments;
}
