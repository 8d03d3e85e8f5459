import { getActiveProcedure, listActiveProcedures, listAllMyDossiers, listMyDossiers, listOfferedSectors, listReceivingUnits } from '@gov/core';
import { ProcedureCode } from '@gov/domain';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { anyone, jsonAnswer, type Wire } from './answer.js';
import { PageQuery, TenantParam } from './params.js';
import { MyDossierEverywherePage, MyDossierPage, OfferedProcedure, OfferedProcedurePage, OfferedSectors, ReceivingUnits } from './portal-schemas.js';

type Out<S extends v.GenericSchema> = Wire<v.InferOutput<S>>;

const ProcedureQuery = v.object({
  search: v.optional(v.pipe(v.string(), v.maxLength(100))),
  unitId: v.optional(v.pipe(v.string(), v.uuid('Mã đơn vị không hợp lệ'))),
  sector: v.optional(v.pipe(v.string(), v.maxLength(200))),
  level: v.optional(v.picklist(['ministry', 'province', 'commune'], 'Cấp thực hiện phải là ministry, province hoặc commune')),
  ...PageQuery.entries,
});
const ProcedureParam = v.object({ ...TenantParam.entries, code: ProcedureCode });

/**
 * The citizen portal's public reads (cổng dịch vụ công): what a province offers, where to file,
 * and one procedure in full. No sign-in and no personal data: catalog fields, unit names and the
 * province's own fee only.
 */
export function portalRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/procedures',
      describeRoute({
        ...anyone,
        tags: ['public'],
        summary:
          'Procedures the province receives now; `search` matches every word in the name or field (accents and word order ignored, closest names first) or the start of the code; filters by unit, field and level',
        responses: { 200: jsonAnswer('One page of procedures, closest names first when searching', OfferedProcedurePage) },
      }),
      validate('param', TenantParam),
      validate('query', ProcedureQuery),
      async (c) =>
        c.json(
          (await listActiveProcedures({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })) satisfies Out<
            typeof OfferedProcedurePage
          >,
        ),
    )
    .get(
      '/:tenantId/procedures/:code',
      describeRoute({
        ...anyone,
        tags: ['public'],
        summary: 'One procedure as the province offers it: catalog record, local fee, receiving units',
        responses: { 200: jsonAnswer('The procedure as offered here', OfferedProcedure) },
      }),
      validate('param', ProcedureParam),
      async (c) => {
        const { tenantId, code } = c.req.valid('param');
        return c.json((await getActiveProcedure({ ctx: c.get('ctx'), tenantId, input: { code } })) satisfies Out<typeof OfferedProcedure>);
      },
    )
    .get(
      '/:tenantId/sectors',
      describeRoute({
        ...anyone,
        tags: ['public'],
        summary: 'Fields (lĩnh vực) of the procedures the province receives now, with their counts',
        responses: { 200: jsonAnswer('Fields in Vietnamese alphabetical order', OfferedSectors) },
      }),
      validate('param', TenantParam),
      async (c) => c.json((await listOfferedSectors({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId })) satisfies Out<typeof OfferedSectors>),
    )
    .get(
      '/:tenantId/receiving-units',
      describeRoute({
        ...anyone,
        tags: ['public'],
        summary: 'Units of the province that receive at least one procedure',
        responses: { 200: jsonAnswer('Units by name', ReceivingUnits) },
      }),
      validate('param', TenantParam),
      async (c) => c.json((await listReceivingUnits({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId })) satisfies Out<typeof ReceivingUnits>),
    );
}

/** "Hồ sơ của tôi": the signed-in citizen's own dossiers in one province. */
export function myDossierRoutes() {
  return new Hono<AppEnv>().get(
    '/:tenantId/my-dossiers',
    describeRoute({
      tags: ['dossiers'],
      summary: "The signed-in citizen's own dossiers in this province, newest first",
      responses: { 200: jsonAnswer('One page of the citizen’s dossiers', MyDossierPage) },
    }),
    validate('param', TenantParam),
    validate('query', PageQuery),
    async (c) =>
      c.json(
        (await listMyDossiers({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })) satisfies Out<typeof MyDossierPage>,
      ),
  );
}

/**
 * "Hồ sơ của tôi" in every province the signed-in citizen filed in, newest first, each item with
 * its province: what the portal shows, wherever and however the citizen filed.
 */
export function meRoutes() {
  return new Hono<AppEnv>().get(
    '/dossiers',
    describeRoute({
      tags: ['dossiers'],
      summary: "The signed-in citizen's own dossiers in every province, newest first, each with tenantId and provinceName",
      responses: { 200: jsonAnswer('One page of the citizen’s dossiers, all provinces', MyDossierEverywherePage) },
    }),
    validate('query', PageQuery),
    async (c) => c.json((await listAllMyDossiers({ ctx: c.get('ctx'), input: c.req.valid('query') })) satisfies Out<typeof MyDossierEverywherePage>),
  );
}
