import {
  confirmSecondFactorEnrolment,
  resetSecondFactor,
  SecondFactorCode,
  secondFactorStatus,
  startSecondFactorEnrolment,
  TotpCode,
  verifySecondFactor,
} from '@gov/core';
import { unauthenticated } from '@gov/domain';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { ApiDeps, AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { jsonAnswer } from './answer.js';

const tags = ['auth'];
const notSignedIn = () => unauthenticated({ vi: 'Bạn chưa đăng nhập.', en: 'You are not signed in.' });

const Status = v.object({
  required: v.pipe(v.boolean(), v.description('The roles of this account (ministry, province or unit admin) require the second factor')),
  enrolled: v.boolean(),
  verified: v.pipe(v.boolean(), v.description('This session has passed the second factor')),
  recoveryCodesLeft: v.number(),
});
const EnrolmentKey = v.object({
  otpauthUri: v.pipe(v.string(), v.description('`otpauth://totp/…` for the QR code an authenticator app scans')),
  secret: v.pipe(v.string(), v.description('The same secret in base32, for typing into the app by hand')),
});
const Enrolled = v.object({
  recoveryCodes: v.pipe(v.array(v.string()), v.description('Ten single-use codes, shown this once: only their digests are kept')),
});
const Verified = v.object({ method: v.picklist(['totp', 'recovery_code']), recoveryCodesLeft: v.number() });
const Reset = v.object({ userId: v.pipe(v.string(), v.uuid()), enrolmentRequired: v.literal(true) });
const UserParam = v.object({ userId: v.pipe(v.string(), v.uuid('Mã tài khoản không hợp lệ')) });

const wrongOrLocked = {
  400: { description: 'Wrong code (`details.reason`: `wrong`), or an app code already used (`reused`); every refusal is counted' },
  401: { description: 'Not signed in' },
  429: { description: 'Five wrong codes within 15 minutes lock the step; `Retry-After` gives the seconds to wait' },
};

/**
 * The second factor of administrators (TOTP, RFC 6238): its status, enrolment, the code step of
 * sign-in, and a higher admin's reset. Everything but the reset answers while the session is
 * still pending the factor (middleware/service-context.ts).
 */
export function secondFactorRoutes(deps: ApiDeps) {
  const now = () => deps.secondFactorClock?.() ?? new Date();
  return new Hono<AppEnv>()
    .get(
      '/',
      describeRoute({
        tags,
        summary: 'Whether your account needs the second factor, has it enrolled, and whether this session has passed it',
        responses: { 200: jsonAnswer('Where you stand', Status), 401: { description: 'Not signed in' } },
      }),
      async (c) => {
        const session = c.get('session');
        if (!session) throw notSignedIn();
        return c.json(await secondFactorStatus({ ctx: c.get('ctx'), sessionVerifiedAt: session.secondFactorAt }));
      },
    )
    .post(
      '/enrol',
      describeRoute({
        tags,
        summary: 'Start enrolling an authenticator app: a new secret, as an otpauth URI for the QR code and as text',
        description: 'Asking again before confirming gives the same secret. Once confirmed, only a reset by a higher admin starts over.',
        responses: {
          200: jsonAnswer('Scan the QR code (or type the secret), then confirm with a code', EnrolmentKey),
          401: { description: 'Not signed in' },
          403: { description: 'Not an administrator account' },
          409: { description: 'Already enrolled' },
        },
      }),
      async (c) => {
        if (!c.get('session')) throw notSignedIn();
        return c.json(await startSecondFactorEnrolment({ ctx: c.get('ctx'), key: deps.secondFactorKey }));
      },
    )
    .post(
      '/enrol/confirm',
      describeRoute({
        tags,
        summary: 'Confirm the enrolment with a code from the app; returns the ten recovery codes, once',
        responses: {
          200: jsonAnswer('Enrolled; this session has passed the second factor', Enrolled),
          ...wrongOrLocked,
          403: { description: 'Not an administrator account' },
          409: { description: 'No enrolment started, or already enrolled' },
        },
      }),
      validate('json', TotpCode),
      async (c) => {
        const session = c.get('session');
        if (!session) throw notSignedIn();
        const result = await confirmSecondFactorEnrolment({
          ctx: c.get('ctx'),
          key: deps.secondFactorKey,
          sessionId: session.id,
          input: c.req.valid('json'),
          ip: c.get('clientAddress'),
          now: now(),
        });
        return c.json(result);
      },
    )
    .post(
      '/verify',
      describeRoute({
        tags,
        summary: 'The code step of sign-in: a code from the app, or one of the recovery codes',
        responses: {
          200: jsonAnswer('This session has passed the second factor', Verified),
          ...wrongOrLocked,
          409: { description: 'No authenticator enrolled' },
        },
      }),
      validate('json', SecondFactorCode),
      async (c) => {
        const session = c.get('session');
        if (!session) throw notSignedIn();
        const result = await verifySecondFactor({
          ctx: c.get('ctx'),
          key: deps.secondFactorKey,
          sessionId: session.id,
          input: c.req.valid('json'),
          ip: c.get('clientAddress'),
          now: now(),
        });
        return c.json(result);
      },
    )
    .post(
      '/users/:userId/reset',
      describeRoute({
        tags,
        summary: "Reset another administrator's second factor: their authenticator and recovery codes are dropped and their sessions end",
        description:
          "The ministry admin resets province admins; a province admin resets unit admins of the province; never a fellow province admin, never yourself. A ministry admin's is reset only by the platform's operator (npm run admin:reset-second-factor). Audited.",
        responses: {
          200: jsonAnswer('Reset; they enrol again at their next sign-in', Reset),
          401: { description: 'Not signed in' },
          403: { description: 'No authority over this account' },
          404: { description: 'No such account' },
          409: { description: 'They have no authenticator enrolled' },
        },
      }),
      validate('param', UserParam),
      async (c) => {
        if (!c.get('session')) throw notSignedIn();
        return c.json(await resetSecondFactor({ ctx: c.get('ctx'), userId: c.req.valid('param').userId, ip: c.get('clientAddress') }));
      },
    );
}
