import { listProvinces } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { anyone, jsonAnswer } from './answer.js';

export const Province = v.object({
  id: v.pipe(v.string(), v.uuid()),
  code: v.string(),
  name: v.string(),
  fullName: v.string(),
  kind: v.picklist(['province', 'municipality']),
});
export const ProvinceList = v.object({ items: v.array(Province) });
export type ProvinceList = v.InferOutput<typeof ProvinceList>;

export function provinceRoutes() {
  return new Hono<AppEnv>().get(
    '/',
    describeRoute({
      ...anyone,
      tags: ['reference data'],
      summary: 'The 34 provinces and centrally-run cities (tenants)',
      responses: {
        200: jsonAnswer('Provinces in official code order', ProvinceList),
      },
    }),
    async (c) => {
      const items = await listProvinces({ ctx: c.get('ctx') });
      return c.json({ items } satisfies ProvinceList);
    },
  );
}
