import { CivilDate, listProvinceDossiers, reportProvinces, reportProvinceUnits } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { PageQuery, QueryInt, TenantParam } from './params.js';
import { ProvinceDossierPage, ProvinceReport, UnitReport } from './report-schemas.js';
import { jsonAnswer } from './answer.js';

const tags = ['ministry reports'];
const ok = (description: string, schema: Parameters<typeof jsonAnswer>[1]) => ({ 200: jsonAnswer(description, schema) });

/** `from`/`to` are Vietnam civil dates, both inclusive; the core verb checks their order and span. */
const PeriodQuery = v.object({ from: v.optional(CivilDate), to: v.optional(CivilDate) });
const DossierQuery = v.object({ status: QueryInt(1, 10), ...PageQuery.entries });

const COHORTS =
  'carried over and received (online / in person or by post), resolved early / on time / late, in progress at the end in time / overdue, ended without result';

/** Ministry oversight (giám sát): cross-province reports, read only, for ministry staff. */
export function reportRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/provinces',
      describeRoute({
        tags,
        summary: `Per province, for the period (default: this month so far): ${COHORTS}`,
        responses: ok('Every province, in official code order, and the national line', ProvinceReport),
      }),
      validate('query', PeriodQuery),
      async (c) => c.json((await reportProvinces({ ctx: c.get('ctx'), input: c.req.valid('query') })) satisfies ProvinceReport),
    )
    .get(
      '/provinces/:tenantId/units',
      describeRoute({
        tags,
        summary: `One province by receiving unit, for the period: ${COHORTS}`,
        responses: ok('The units and the province line', UnitReport),
      }),
      validate('param', TenantParam),
      validate('query', PeriodQuery),
      async (c) =>
        c.json((await reportProvinceUnits({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })) satisfies UnitReport),
    )
    .get(
      '/provinces/:tenantId/dossiers',
      describeRoute({ tags, summary: "One province's dossiers, newest first, paged, without applicant data", responses: ok('One page', ProvinceDossierPage) }),
      validate('param', TenantParam),
      validate('query', DossierQuery),
      async (c) => c.json(await listProvinceDossiers({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })),
    );
}
