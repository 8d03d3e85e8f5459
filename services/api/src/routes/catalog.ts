import { exportCatalog, getProcedure, importCatalog, listProcedures, publishProcedure } from '@gov/core';
import { ProcedureCode, ProcedureRecord } from '@gov/domain';
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { PageQuery, QueryInt } from './params.js';

const tags = ['procedure catalog'];

const ListQuery = v.object({
  q: v.optional(v.string()),
  level: v.optional(v.picklist(['ministry', 'province', 'commune'])),
  sector: v.optional(v.string()),
  ...PageQuery.entries,
});
const CodeParam = v.object({ code: ProcedureCode });
const VersionQuery = v.object({ version: QueryInt(1, 100_000) });
const ImportQuery = v.object({ dryRun: v.optional(v.picklist(['true', 'false'])), format: v.optional(v.picklist(['csv', 'json'])) });
const ExportQuery = v.object({ format: v.optional(v.picklist(['csv', 'json']), 'json') });
const ImportProblem = v.object({ row: v.number(), field: v.string(), problem: v.string(), problemEn: v.string() });

/** The national procedure catalog (danh mục TTHC): search, read a version, publish, import, export. */
export function catalogRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/procedures',
      describeRoute({ tags, summary: 'Latest version of each procedure; `q` is an accent-free name prefix' }),
      validate('query', ListQuery),
      async (c) => c.json(await listProcedures({ ctx: c.get('ctx'), input: c.req.valid('query') })),
    )
    .get(
      '/procedures/:code',
      describeRoute({
        tags,
        summary: 'One procedure: the latest version, or `?version=`',
        responses: { 200: { description: 'The version', content: { 'application/json': { schema: resolver(ProcedureRecord) } } } },
      }),
      validate('param', CodeParam),
      validate('query', VersionQuery),
      async (c) => c.json(await getProcedure({ ctx: c.get('ctx'), input: { code: c.req.valid('param').code, version: c.req.valid('query').version } })),
    )
    .post(
      '/procedures',
      describeRoute({ tags, summary: 'Publish a new version (ministry); an identical one is not duplicated' }),
      validate('json', ProcedureRecord),
      async (c) => {
        const result = await publishProcedure({ ctx: c.get('ctx'), input: c.req.valid('json') });
        return c.json(result.version, result.created ? 201 : 200);
      },
    )
    .post(
      '/import',
      describeRoute({
        tags,
        summary: 'Import a CSV or JSON catalog file: all or nothing; `?dryRun=true` only checks',
        responses: {
          400: {
            description: 'The validation report; nothing was written',
            content: { 'application/json': { schema: resolver(v.object({ error: v.object({ details: v.object({ report: v.array(ImportProblem) }) }) })) } },
          },
        },
      }),
      validate('query', ImportQuery),
      async (c) => {
        const query = c.req.valid('query');
        // The file is the body as sent; its content type says which reader applies.
        const format = query.format ?? ((c.req.header('content-type') ?? '').includes('csv') ? 'csv' : 'json');
        const content = await c.req.text();
        return c.json(await importCatalog({ ctx: c.get('ctx'), input: { format, content, dryRun: query.dryRun === 'true' } }));
      },
    )
    .get('/export', describeRoute({ tags, summary: 'The latest version of every procedure as CSV or JSON' }), validate('query', ExportQuery), async (c) => {
      const { format } = c.req.valid('query');
      const file = await exportCatalog({ ctx: c.get('ctx'), input: { format } });
      return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="danh-muc-tthc.${format}"` });
    });
}
