import { auditChainStatus, CivilDate, listAuditLog, listMinistryReads } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { AuditChain, AuditLogPage, MinistryReadPage } from './audit-log-schemas.js';
import { PageQuery, TenantParam } from './params.js';
import { jsonAnswer } from './answer.js';

const tags = ['audit'];
const ok = (description: string, schema: Parameters<typeof jsonAnswer>[1]) => ({ 200: jsonAnswer(description, schema) });
const Dates = { from: v.optional(CivilDate), to: v.optional(CivilDate) };

/** Filters as query strings; the core verb checks their shape and that `from` is not after `to`. */
const LogQuery = v.object({
  actor: v.optional(v.pipe(v.string(), v.description('A user id, or a login'))),
  action: v.optional(v.pipe(v.string(), v.description('An action or its start, e.g. org_unit.'))),
  subjectType: v.optional(v.string()),
  subjectId: v.optional(v.string()),
  ...Dates,
  ...PageQuery.entries,
});
const ReadQuery = v.object({ ...Dates, ...PageQuery.entries });

/**
 * Nhật ký thao tác of one province and whether its hash chain verifies; and Bộ đã xem dữ liệu của
 * tỉnh, the ministry's reads of it. The province admin reads their province, ministry staff any.
 */
export function auditLogRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/audit-log',
      describeRoute({
        tags,
        summary: "The province's audit log, newest first, filtered by actor, action, subject and Vietnam civil dates, paged",
        responses: ok('One page and the total', AuditLogPage),
      }),
      validate('param', TenantParam),
      validate('query', LogQuery),
      async (c) => c.json(await listAuditLog({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })),
    )
    .get(
      '/:tenantId/audit-log/chain',
      describeRoute({ tags, summary: "Whether the province's hash chain verifies, and its first broken link", responses: ok('The verdict', AuditChain) }),
      validate('param', TenantParam),
      async (c) => c.json((await auditChainStatus({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId })) satisfies v.InferOutput<typeof AuditChain>),
    )
    .get(
      '/:tenantId/ministry-reads',
      describeRoute({
        tags,
        summary: "Who at the ministry read the province's data, and what (national reports included), newest first, paged",
        responses: ok('One page and the total', MinistryReadPage),
      }),
      validate('param', TenantParam),
      validate('query', ReadQuery),
      async (c) => c.json(await listMinistryReads({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })),
    );
}
