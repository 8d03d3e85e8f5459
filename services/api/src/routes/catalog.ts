import { exportCatalog, getProcedure, importCatalog, listProcedures, publishProcedure } from '@gov/core';
import { Channel, OnlineServiceLevel, ProcedureCode, ProcedureLevel, ProcedureRecord } from '@gov/domain';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { anyone, importReportAnswer, jsonAnswer, type Wire } from './answer.js';
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
const ProcedurePage = v.object({
  items: v.array(
    v.object({
      id: v.pipe(v.string(), v.uuid()),
      code: ProcedureCode,
      version: v.number(),
      name: v.string(),
      sector: v.string(),
      level: ProcedureLevel,
      channels: v.array(Channel),
      onlineServiceLevel: OnlineServiceLevel,
      interAgency: v.boolean(),
      jurisdictionFree: v.boolean(),
      retentionYears: v.pipe(v.nullable(v.number()), v.description('Retention of its dossiers in years; null: permanent')),
    }),
  ),
  total: v.number(),
  page: v.number(),
  pageSize: v.number(),
});
/** A stored version: the record and where it sits in the catalog's history. */
const ProcedureVersion = v.intersect([
  ProcedureRecord,
  v.object({ id: v.pipe(v.string(), v.uuid()), version: v.number(), createdAt: v.pipe(v.string(), v.isoTimestamp()) }),
]);
const ImportResult = v.object({
  dryRun: v.boolean(),
  checked: v.pipe(v.number(), v.description('Records read from the file')),
  created: v.array(v.object({ code: v.string(), version: v.number() })),
  unchanged: v.pipe(v.array(v.string()), v.description('Codes whose latest version was identical')),
});
const fileAnswer = (description: string, types: string[]) => ({
  description,
  content: Object.fromEntries(types.map((type) => [type, { schema: { type: 'string' as const, format: 'binary' } }])),
});

/** The national procedure catalog (danh mục TTHC): search, read a version, publish, import, export. */
export function catalogRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/procedures',
      describeRoute({
        ...anyone,
        tags,
        summary: 'Latest version of each procedure; `q` is an accent-free name prefix',
        responses: { 200: jsonAnswer('One page, by code', ProcedurePage) },
      }),
      validate('query', ListQuery),
      async (c) => c.json((await listProcedures({ ctx: c.get('ctx'), input: c.req.valid('query') })) satisfies Wire<v.InferOutput<typeof ProcedurePage>>),
    )
    .get(
      '/procedures/:code',
      describeRoute({
        ...anyone,
        tags,
        summary: 'One procedure: the latest version, or `?version=`',
        responses: { 200: jsonAnswer('The version', ProcedureVersion) },
      }),
      validate('param', CodeParam),
      validate('query', VersionQuery),
      async (c) =>
        c.json(
          (await getProcedure({ ctx: c.get('ctx'), input: { code: c.req.valid('param').code, version: c.req.valid('query').version } })) satisfies Wire<
            v.InferOutput<typeof ProcedureVersion>
          >,
        ),
    )
    .post(
      '/procedures',
      describeRoute({
        tags,
        summary: 'Publish a new version (ministry); an identical one is not duplicated',
        responses: { 201: jsonAnswer('The new version', ProcedureVersion), 200: jsonAnswer('Identical to the latest: that version', ProcedureVersion) },
      }),
      validate('json', ProcedureRecord),
      async (c) => {
        const result = await publishProcedure({ ctx: c.get('ctx'), input: c.req.valid('json') });
        return c.json(result.version satisfies Wire<v.InferOutput<typeof ProcedureVersion>>, result.created ? 201 : 200);
      },
    )
    .post(
      '/import',
      describeRoute({
        tags,
        summary: 'Import a CSV or JSON catalog file: all or nothing; `?dryRun=true` only checks',
        responses: {
          200: jsonAnswer('Imported, or checked only (`dryRun`)', ImportResult),
          400: importReportAnswer(),
        },
      }),
      validate('query', ImportQuery),
      async (c) => {
        const query = c.req.valid('query');
        // The file is the body as sent; its content type says which reader applies.
        const format = query.format ?? ((c.req.header('content-type') ?? '').includes('csv') ? 'csv' : 'json');
        const content = await c.req.text();
        return c.json(
          (await importCatalog({ ctx: c.get('ctx'), input: { format, content, dryRun: query.dryRun === 'true' } })) satisfies v.InferOutput<
            typeof ImportResult
          >,
        );
      },
    )
    .get(
      '/export',
      describeRoute({
        ...anyone,
        tags,
        summary: 'The latest version of every procedure as CSV or JSON',
        responses: { 200: fileAnswer('The catalog file, as a download', ['text/csv', 'application/json']) },
      }),
      validate('query', ExportQuery),
      async (c) => {
        const { format } = c.req.valid('query');
        const file = await exportCatalog({ ctx: c.get('ctx'), input: { format } });
        return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="danh-muc-tthc.${format}"` });
      },
    );
}
