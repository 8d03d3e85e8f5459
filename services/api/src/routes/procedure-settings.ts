import { activateProcedure, ActivateProcedure, getProcedureSetting, listProcedureSettings } from '@gov/core';
import { ProcedureCode } from '@gov/domain';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { conditional, ifMatchOf, withETag } from '../etag.js';
import { validate } from '../validate.js';
import { ProcedureSetting, ProcedureSettingList } from './admin-schemas.js';
import { jsonAnswer, type Wire } from './answer.js';
import { TenantParam } from './params.js';

type Setting = Wire<v.InferOutput<typeof ProcedureSetting>>;

const tags = ['procedure settings'];
const SettingParam = v.object({ ...TenantParam.entries, code: ProcedureCode });
const SettingBody = v.omit(ActivateProcedure, ['procedureCode']);

/** A province's activation of national procedures (kích hoạt TTHC) for its units. */
export function procedureSettingRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/procedure-settings',
      describeRoute({ tags, summary: 'Procedures configured in the province', responses: { 200: jsonAnswer('By procedure code', ProcedureSettingList) } }),
      validate('param', TenantParam),
      async (c) =>
        c.json({ items: await listProcedureSettings({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId }) } satisfies { items: Setting[] }),
    )
    .get(
      '/:tenantId/procedure-settings/:code',
      describeRoute({ tags, summary: 'One procedure’s setting', responses: { 200: jsonAnswer('The setting', ProcedureSetting) } }),
      validate('param', SettingParam),
      async (c) => {
        const { tenantId, code } = c.req.valid('param');
        return c.json(withETag(c, await getProcedureSetting({ ctx: c.get('ctx'), tenantId, input: { procedureCode: code } })) satisfies Setting);
      },
    )
    .put(
      '/:tenantId/procedure-settings/:code',
      describeRoute(
        conditional({
          tags,
          summary: 'Activate or re-configure a procedure: units, local fee, beneficiary account',
          description: 'A first activation sends `If-None-Match: *`; a change sends the setting’s ETag in `If-Match`.',
          responses: { 200: jsonAnswer('The setting as saved', ProcedureSetting) },
        }),
      ),
      validate('param', SettingParam),
      validate('json', SettingBody),
      async (c) => {
        const { tenantId, code } = c.req.valid('param');
        return c.json(
          withETag(
            c,
            await activateProcedure({ ctx: c.get('ctx'), tenantId, ifMatch: ifMatchOf(c), input: { ...c.req.valid('json'), procedureCode: code } }),
          ) satisfies Setting,
        );
      },
    );
}
