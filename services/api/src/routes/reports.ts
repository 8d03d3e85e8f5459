import { CivilDate, listProvinceDossiers, reportProvinces, reportProvinceUnits } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { TenantParam } from './params.js';

const tags = ['ministry reports'];
const QueryInt = (min: number, max: number) => v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'phải là số nguyên'), v.transform(Number), v.minValue(min), v.maxValue(max)));

/** `from`/`to` are Vietnam civil dates, both inclusive; the core verb checks their order and span. */
const PeriodQuery = v.object({ from: v.optional(CivilDate), to: v.optional(CivilDate) });
const DossierQuery = v.object({ status: QueryInt(1, 10), page: QueryInt(1, 100_000), pageSize: QueryInt(1, 100) });

/** Ministry oversight (giám sát): cross-province reports, read only, for ministry staff. */
export function reportRoutes() {
  return new Hono<AppEnv>()
    .get('/provinces', describeRoute({ tags, summary: 'Per province: received, in progress, resolved on time / late, overdue now, online, for dossiers received in the period (default: this month)' }), validate('query', PeriodQuery), async (c) =>
      c.json(await reportProvinces({ ctx: c.get('ctx'), input: c.req.valid('query') })),
    )
    .get('/provinces/:tenantId/units', describeRoute({ tags, summary: 'One province, by receiving unit, for the period' }), validate('param', TenantParam), validate('query', PeriodQuery), async (c) =>
      c.json(await reportProvinceUnits({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })),
    )
    .get('/provinces/:tenantId/dossiers', describeRoute({ tags, summary: "One province's dossiers, newest first, paged, without applicant data" }), validate('param', TenantParam), validate('query', DossierQuery), async (c) =>
      c.json(await listProvinceDossiers({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })),
    );
}
