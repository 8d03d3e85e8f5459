import { MS_PER_MINUTE } from '@gov/calendar';
import { enforceRequestLimit, lookupDossierStatus, lookupDossierStatusByToken } from '@gov/core';
import { Hono, type MiddlewareHandler } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { dossierDeps, type ApiDeps, type AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { anyone, jsonAnswer, type Wire } from './answer.js';
import { PublicDossierStatus } from './portal-schemas.js';

type Status = Wire<v.InferOutput<typeof PublicDossierStatus>>;
const found = { 200: jsonAnswer('The dossier’s status and steps, without personal data', PublicDossierStatus) };

const ByCode = v.object({ tenantId: v.string(), code: v.string(), idSuffix: v.string() });
const LOOKUPS_PER_MINUTE = 30;

/**
 * Per-address limit: 30 lookups a minute is plenty for a person and makes guessing the 4-digit
 * suffix of someone else's code (10,000 values) take days. Counted in PostgreSQL, so the limit
 * holds however many API processes share the load.
 */
function rateLimit(deps: ApiDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await enforceRequestLimit(deps.db, {
      bucket: `status-lookup:${c.get('clientAddress')}`,
      limit: LOOKUPS_PER_MINUTE,
      windowMs: MS_PER_MINUTE,
      message: { vi: 'Bạn tra cứu quá nhiều lần; vui lòng thử lại sau ít phút.', en: 'Too many lookups; please try again in a few minutes.' },
    });
    await next();
  };
}

/** Public dossier status (tra cứu tiến độ hồ sơ): no login, no personal data in the answer. */
export function publicStatusRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .use(rateLimit(deps))
    .get(
      '/',
      describeRoute({ ...anyone, tags: ['public'], summary: 'Status by dossier code and the last 4 digits of the applicant ID number', responses: found }),
      validate('query', ByCode),
      async (c) => c.json((await lookupDossierStatus({ ctx: c.get('ctx'), input: c.req.valid('query') })) satisfies Status),
    )
    .get('/:token', describeRoute({ ...anyone, tags: ['public'], summary: 'Status from the QR code printed on the receipt', responses: found }), async (c) =>
      c.json(
        (await lookupDossierStatusByToken({ ctx: c.get('ctx'), token: c.req.param('token'), secret: dossierDeps(deps).statusTokenSecret })) satisfies Status,
      ),
    );
}
