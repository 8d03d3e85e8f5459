import {
  resendVerifyCode,
  ResendVerifyCode,
  requestPasswordReset,
  RequestPasswordReset,
  resetPasswordWithCode,
  ResetPasswordWithCode,
  signUpCitizen,
  SignUpCitizen,
  verifyContact,
  VerifyContact,
} from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { ApiDeps, AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { anyone, jsonAnswer } from './answer.js';

const tags = ['auth'];
const codeRefused = {
  400: { description: 'Wrong, expired, used or exhausted code (`details.reason`: wrong, expired, used, too_many_attempts); a wrong try counts' },
};

// The answers: the same sentence whatever the account (no existence oracle), or what was done.
const CodeSent = v.object({ message: v.pipe(v.object({ vi: v.string(), en: v.string() }), v.description('Shown as is, whatever the account')) });
const Verified = v.object({ verified: v.literal(true) });
const PasswordSet = v.object({ reset: v.literal(true) });

/**
 * Accounts without a session: citizen sign-up, contact verification, and password reset by a
 * one-time code (forgot password, an admin's reset, an invitation). Answers never tell whether an
 * account exists.
 */
export function accountRoutes(deps: ApiDeps) {
  const keys = deps.accountKeys;
  return new Hono<AppEnv>()
    .post(
      '/sign-up',
      describeRoute({
        ...anyone,
        tags,
        summary: 'Citizen sign-up; a code goes to the email or phone',
        responses: { 202: jsonAnswer('The same answer whether or not an account was made', CodeSent), 400: { description: 'Invalid fields' } },
      }),
      validate('json', SignUpCitizen),
      async (c) => c.json((await signUpCitizen({ ctx: c.get('ctx'), keys, input: c.req.valid('json') })) satisfies v.InferOutput<typeof CodeSent>, 202),
    )
    .post(
      '/verify-contact',
      describeRoute({
        ...anyone,
        tags,
        summary: 'Confirm a new citizen account’s contact with its code',
        responses: { 200: jsonAnswer('Confirmed: the account may file online', Verified), ...codeRefused },
      }),
      validate('json', VerifyContact),
      async (c) => c.json((await verifyContact({ ctx: c.get('ctx'), keys, input: c.req.valid('json') })) satisfies v.InferOutput<typeof Verified>),
    )
    .post(
      '/verify-contact/resend',
      describeRoute({
        ...anyone,
        tags,
        summary: 'Send a new sign-up code (the earlier one stops working); at most five an hour',
        responses: {
          202: jsonAnswer('The same answer whether or not the account exists or is already confirmed', CodeSent),
          400: { description: 'Invalid fields' },
        },
      }),
      validate('json', ResendVerifyCode),
      async (c) => c.json((await resendVerifyCode({ ctx: c.get('ctx'), keys, input: c.req.valid('json') })) satisfies v.InferOutput<typeof CodeSent>, 202),
    )
    .post(
      '/password/forgot',
      describeRoute({
        ...anyone,
        tags,
        summary: 'Send a password reset code to the account’s verified email or phone',
        responses: { 202: jsonAnswer('The same answer for any name', CodeSent) },
      }),
      validate('json', RequestPasswordReset),
      async (c) => c.json((await requestPasswordReset({ ctx: c.get('ctx'), keys, input: c.req.valid('json') })) satisfies v.InferOutput<typeof CodeSent>, 202),
    )
    .post(
      '/password/reset',
      describeRoute({
        ...anyone,
        tags,
        summary: 'Set a new password with a reset or invitation code (ends every session)',
        responses: { 200: jsonAnswer('Password set', PasswordSet), ...codeRefused },
      }),
      validate('json', ResetPasswordWithCode),
      async (c) => c.json((await resetPasswordWithCode({ ctx: c.get('ctx'), keys, input: c.req.valid('json') })) satisfies v.InferOutput<typeof PasswordSet>),
    );
}
