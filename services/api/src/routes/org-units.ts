import { createOrgUnit, CreateOrgUnit, importOrgUnits, listOrgUnits, moveOrgUnit, MoveOrgUnit, updateOrgUnit, UpdateOrgUnit } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { conditional, ifMatchOf, withETag } from '../etag.js';
import { validate } from '../validate.js';
import { OrgUnit, OrgUnitList } from './admin-schemas.js';
import { importReportAnswer, jsonAnswer, type Wire } from './answer.js';
import { limitBody } from './read-body.js';
import { TenantParam, UnitParam } from './params.js';

const tags = ['org units'];
const unitAnswer = (description: string) => jsonAnswer(description, OrgUnit);
type Unit = Wire<v.InferOutput<typeof OrgUnit>>;
const ImportQuery = v.object({ dryRun: v.optional(v.picklist(['true', 'false'], 'dryRun là true hoặc false')) });
const UnitsImported = v.object({
  dryRun: v.boolean(),
  checked: v.pipe(v.number(), v.description('Unit rows read from the file')),
  created: v.pipe(v.number(), v.description('Units created (0 for a dry run)')),
});

/** The province's organisation tree (đơn vị): list, create, rename/deactivate/set contacts, move. */
export function orgUnitRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/org-units',
      describeRoute({ tags, summary: 'Units the actor may see, parents first', responses: { 200: jsonAnswer('The units in tree order', OrgUnitList) } }),
      validate('param', TenantParam),
      async (c) =>
        c.json({ items: await listOrgUnits({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId }) } satisfies Wire<v.InferOutput<typeof OrgUnitList>>),
    )
    .post(
      '/:tenantId/org-units/import',
      describeRoute({
        tags,
        summary: 'Import units from a CSV file: all or nothing; `?dryRun=true` only checks',
        description:
          'The body is the CSV file itself (UTF-8, with or without a BOM; `,` or `;`) with the columns Mã đơn vị, Tên đơn vị, Loại đơn vị, Mã đơn vị cấp trên. A parent exists in the province or comes on an earlier line. Any problem answers 400 with the whole report and nothing is written.',
        responses: { 200: jsonAnswer('Imported, or checked only (`dryRun`)', UnitsImported), 400: importReportAnswer() },
      }),
      limitBody(5 * 1024 * 1024, { vi: 'Tệp quá lớn (tối đa 5 MB).', en: 'The file is too large (5 MB at most).' }),
      validate('param', TenantParam),
      validate('query', ImportQuery),
      async (c) =>
        c.json(
          (await importOrgUnits({
            ctx: c.get('ctx'),
            tenantId: c.req.valid('param').tenantId,
            input: { content: await c.req.text(), dryRun: c.req.valid('query').dryRun === 'true' },
          })) satisfies Wire<v.InferOutput<typeof UnitsImported>>,
        ),
    )
    .post(
      '/:tenantId/org-units',
      describeRoute({ tags, summary: 'Create a unit under a parent', responses: { 201: unitAnswer('The new unit') } }),
      validate('param', TenantParam),
      validate('json', CreateOrgUnit),
      async (c) =>
        c.json((await createOrgUnit({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') })) satisfies Unit, 201),
    )
    .patch(
      '/:tenantId/org-units/:unitId',
      describeRoute(
        conditional({
          tags,
          summary: 'Rename or (de)activate a unit, or set its public contact details (null clears one)',
          responses: { 200: unitAnswer('The unit as changed') },
        }),
      ),
      validate('param', UnitParam),
      validate('json', UpdateOrgUnit),
      async (c) => {
        const { tenantId, unitId } = c.req.valid('param');
        return c.json(
          withETag(c, await updateOrgUnit({ ctx: c.get('ctx'), tenantId, unitId, ifMatch: ifMatchOf(c), input: c.req.valid('json') })) satisfies Unit,
        );
      },
    )
    .post(
      '/:tenantId/org-units/:unitId/move',
      describeRoute(conditional({ tags, summary: 'Move a unit and its subtree', responses: { 200: unitAnswer('The unit in its new place') } })),
      validate('param', UnitParam),
      validate('json', MoveOrgUnit),
      async (c) => {
        const { tenantId, unitId } = c.req.valid('param');
        return c.json(
          withETag(c, await moveOrgUnit({ ctx: c.get('ctx'), tenantId, unitId, ifMatch: ifMatchOf(c), input: c.req.valid('json') })) satisfies Unit,
        );
      },
    );
}
