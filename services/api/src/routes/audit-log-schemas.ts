import * as v from 'valibot';

const Uuid = v.pipe(v.string(), v.uuid());
const Page = { total: v.number(), page: v.number(), pageSize: v.number() };

export const AuditLogPage = v.object({
  items: v.array(
    v.object({
      seq: v.pipe(v.number(), v.description('Position in the province’s hash chain, from 1')),
      occurredAt: v.string(),
      actorUserId: v.nullable(Uuid),
      actorLogin: v.nullable(v.string()),
      actorName: v.nullable(v.string()),
      action: v.string(),
      subjectType: v.string(),
      subjectId: v.nullable(v.string()),
      details: v.unknown(),
      requestId: v.nullable(v.string()),
    }),
  ),
  ...Page,
});

export const AuditChain = v.object({
  ok: v.boolean(),
  rows: v.pipe(v.number(), v.description('Rows checked')),
  firstBroken: v.nullable(
    v.object({
      seq: v.number(),
      problem: v.pipe(
        v.picklist(['content', 'link', 'gap', 'truncated']),
        v.description('content: edited; link: inserted or reordered; gap: rows deleted before it; truncated: rows deleted at the end'),
      ),
    }),
  ),
});

export const MinistryReadPage = v.object({
  items: v.array(
    v.object({
      id: Uuid,
      occurredAt: v.string(),
      actorUserId: Uuid,
      actorLogin: v.string(),
      actorName: v.string(),
      resource: v.pipe(v.string(), v.description('Method and route pattern, e.g. GET /api/reports/provinces/:tenantId/dossiers')),
      resourceIds: v.nullable(v.record(v.string(), v.string())),
      requestId: v.nullable(v.string()),
      national: v.pipe(v.boolean(), v.description('A report over every province at once')),
    }),
  ),
  ...Page,
});
