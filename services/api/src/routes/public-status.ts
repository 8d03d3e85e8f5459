import { lookupDossierStatus, lookupDossierStatusByToken } from '@gov/core';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { dossierDeps, type ApiDeps, type AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { problem } from '../problem-response.js';

const ByCode = v.object({ tenantId: v.string(), code: v.string(), idSuffix: v.string() });
const LOOKUPS_PER_MINUTE = 30;

function clientIp(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}

/**
 * Per-address fixed-window limit: 30 lookups a minute is plenty for a person and makes guessing
 * the 4-digit suffix of someone else's code (10,000 values) take days. In memory, so per API
 * process: good enough against a casual scraper; a shared store would make it exact.
 */
function rateLimit(): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const now = Date.now();
    const ip = clientIp(c);
    if (windows.size > 50_000) windows.clear();
    const w = windows.get(ip);
    const current = w && now - w.start < 60_000 ? w : { start: now, count: 0 };
    current.count += 1;
    windows.set(ip, current);
    if (current.count > LOOKUPS_PER_MINUTE) {
      c.header('Retry-After', String(Math.ceil((current.start + 60_000 - now) / 1000)));
      return problem(c, { code: 'rate_limited', detail: { vi: 'Bạn tra cứu quá nhiều lần; vui lòng thử lại sau ít phút.', en: 'Too many lookups; please try again in a few minutes.' } });
    }
    await next();
  };
}

/** Public dossier status (tra cứu tiến độ hồ sơ): no login, no personal data in the answer. */
export function publicStatusRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .use(rateLimit())
    .get('/', describeRoute({ tags: ['public'], summary: 'Status by dossier code and the last 4 digits of the applicant ID number' }), validate('query', ByCode), async (c) =>
      c.json(await lookupDossierStatus({ ctx: c.get('ctx'), input: c.req.valid('query') })),
    )
    .get('/:token', describeRoute({ tags: ['public'], summary: 'Status from the QR code printed on the receipt' }), async (c) =>
      c.json(await lookupDossierStatusByToken({ ctx: c.get('ctx'), token: c.req.param('token'), secret: dossierDeps(deps).statusTokenSecret })),
    );
}
