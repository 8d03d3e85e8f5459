import { auditChainStatus, CivilDate, exportAuditLog, exportMinistryReads, listAuditLog, listMinistryReads } from '@gov/core';
import type { Logger } from '@gov/runtime';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { exportResponse, FormatQuery, listOrExportAnswer } from '../export/index.js';
import { validate } from '../validate.js';
import { AUDIT_LOG_COLUMNS, MINISTRY_READ_COLUMNS } from './audit-log-exports.js';
import { AuditChain, AuditLogPage, MinistryReadPage } from './audit-log-schemas.js';
import { provinceFileName } from './export-names.js';
import { PageQuery, TenantParam } from './params.js';
import { jsonAnswer } from './answer.js';

const tags = ['audit'];
const Dates = { from: v.optional(CivilDate), to: v.optional(CivilDate) };

/**
 * Filters as query strings; the core verb checks their shape and that `from` is not after `to`.
 * With `format`, every matching row downloads: `page` and `pageSize` are accepted and ignored.
 */
const LogQuery = v.object({
  actor: v.optional(v.pipe(v.string(), v.description('A user id, or a login'))),
  action: v.optional(v.pipe(v.string(), v.description('An action or its start, e.g. org_unit.'))),
  subjectType: v.optional(v.string()),
  subjectId: v.optional(v.string()),
  ...Dates,
  ...PageQuery.entries,
  ...FormatQuery,
});
const ReadQuery = v.object({ ...Dates, ...PageQuery.entries, ...FormatQuery });

/**
 * Nhật ký thao tác of one province and whether its hash chain verifies; and Bộ đã xem dữ liệu của
 * tỉnh, the ministry's reads of it. The province admin reads their province, ministry staff any;
 * both lists also download as CSV or XLSX with the same filters and rights.
 */
export function auditLogRoutes(logger: Logger) {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/audit-log',
      describeRoute({
        tags,
        summary: "The province's audit log, newest first, filtered by actor, action, subject and Vietnam civil dates, paged",
        responses: listOrExportAnswer('One page and the total', AuditLogPage),
      }),
      validate('param', TenantParam),
      validate('query', LogQuery),
      async (c) => {
        const { format, page, pageSize, ...filters } = c.req.valid('query');
        const ctx = c.get('ctx');
        const { tenantId } = c.req.valid('param');
        if (!format) return c.json(await listAuditLog({ ctx, tenantId, input: { ...filters, page, pageSize } }));
        return exportResponse(c, logger, {
          format,
          filename: await provinceFileName(ctx, tenantId, { vi: 'Nhật ký thao tác', en: 'Audit log' }),
          sheetName: { vi: 'Nhật ký thao tác', en: 'Audit log' },
          columns: AUDIT_LOG_COLUMNS,
          rows: exportAuditLog({ ctx, tenantId, input: filters }),
        });
      },
    )
    .get(
      '/:tenantId/audit-log/chain',
      describeRoute({
        tags,
        summary: "Whether the province's hash chain verifies, and its first broken link",
        responses: { 200: jsonAnswer('The verdict', AuditChain) },
      }),
      validate('param', TenantParam),
      async (c) => c.json((await auditChainStatus({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId })) satisfies v.InferOutput<typeof AuditChain>),
    )
    .get(
      '/:tenantId/ministry-reads',
      describeRoute({
        tags,
        summary: "Who at the ministry read the province's data, and what (national reports included), newest first, paged",
        responses: listOrExportAnswer('One page and the total', MinistryReadPage),
      }),
      validate('param', TenantParam),
      validate('query', ReadQuery),
      async (c) => {
        const { format, page, pageSize, ...range } = c.req.valid('query');
        const ctx = c.get('ctx');
        const { tenantId } = c.req.valid('param');
        if (!format) return c.json(await listMinistryReads({ ctx, tenantId, input: { ...range, page, pageSize } }));
        return exportResponse(c, logger, {
          format,
          filename: await provinceFileName(ctx, tenantId, { vi: 'Bộ đã xem dữ liệu', en: 'Ministry reads' }),
          sheetName: { vi: 'Bộ đã xem dữ liệu', en: 'Ministry reads' },
          columns: MINISTRY_READ_COLUMNS,
          rows: exportMinistryReads({ ctx, tenantId, input: range }),
        });
      },
    );
}
