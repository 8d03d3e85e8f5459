import { activateProcedure, ActivateProcedure, getProcedureSetting, listProcedureSettings } from '@gov/core';
import { ProcedureCode } from '@gov/domain';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { TenantParam } from './params.js';

const tags = ['procedure settings'];
const SettingParam = v.object({ ...TenantParam.entries, code: ProcedureCode });
const SettingBody = v.omit(ActivateProcedure, ['procedureCode']);

/** A province's activation of national procedures (kích hoạt TTHC) for its units. */
export function procedureSettingRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/procedure-settings',
      describeRoute({ tags, summary: 'Procedures configured in the province' }),
      validate('param', TenantParam),
      async (c) => c.json({ items: await listProcedureSettings({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId }) }),
    )
    .get('/:tenantId/procedure-settings/:code', describeRoute({ tags, summary: 'One procedure’s setting' }), validate('param', SettingParam), async (c) => {
      const { tenantId, code } = c.req.valid('param');
      return c.json(await getProcedureSetting({ ctx: c.get('ctx'), tenantId, input: { procedureCode: code } }));
    })
    .put(
      '/:tenantId/procedure-settings/:code',
      describeRoute({ tags, summary: 'Activate or re-configure a procedure: units, local fee, beneficiary account' }),
      validate('param', SettingParam),
      validate('json', SettingBody),
      async (c) => {
        const { tenantId, code } = c.req.valid('param');
        return c.json(await activateProcedure({ ctx: c.get('ctx'), tenantId, input: { ...c.req.valid('json'), procedureCode: code } }));
      },
    );
}
