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
import type { ApiDeps, AppEnv } from '../app-env.js';
import { validate } from '../validate.js';

const tags = ['auth'];
const codeRefused = {
  400: { description: 'Wrong, expired, used or exhausted code (`details.reason`: wrong, expired, used, too_many_attempts); a wrong try counts' },
};

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
        tags,
        summary: 'Citizen sign-up; a code goes to the email or phone',
        responses: { 202: { description: 'The same answer whether or not an account was made' }, 400: { description: 'Invalid fields' } },
      }),
      validate('json', SignUpCitizen),
      async (c) => c.json(await signUpCitizen({ ctx: c.get('ctx'), keys, input: c.req.valid('json') }), 202),
    )
    .post(
      '/verify-contact',
      describeRoute({
        tags,
        summary: 'Confirm a new citizen account’s contact with its code',
        responses: { 200: { description: 'Confirmed: the account may file online' }, ...codeRefused },
      }),
      validate('json', VerifyContact),
      async (c) => c.json(await verifyContact({ ctx: c.get('ctx'), keys, input: c.req.valid('json') })),
    )
    .post(
      '/verify-contact/resend',
      describeRoute({
        tags,
        summary: 'Send a new sign-up code (the earlier one stops working); at most five an hour',
        responses: {
          202: { description: 'The same answer whether or not the account exists or is already confirmed' },
          400: { description: 'Invalid fields' },
        },
      }),
      validate('json', ResendVerifyCode),
      async (c) => c.json(await resendVerifyCode({ ctx: c.get('ctx'), keys, input: c.req.valid('json') }), 202),
    )
    .post(
      '/password/forgot',
      describeRoute({
        tags,
        summary: 'Send a password reset code to the account’s verified email or phone',
        responses: { 202: { description: 'The same answer for any name' } },
      }),
      validate('json', RequestPasswordReset),
      async (c) => c.json(await requestPasswordReset({ ctx: c.get('ctx'), keys, input: c.req.valid('json') }), 202),
    )
    .post(
      '/password/reset',
      describeRoute({
        tags,
        summary: 'Set a new password with a reset or invitation code (ends every session)',
        responses: { 200: { description: 'Password set' }, ...codeRefused },
      }),
      validate('json', ResetPasswordWithCode),
      async (c) => c.json(await resetPasswordWithCode({ ctx: c.get('ctx'), keys, input: c.req.valid('json') })),
    );
}
