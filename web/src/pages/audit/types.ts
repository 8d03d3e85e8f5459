/** One audit-log row as GET /api/tenants/:tenantId/audit-log answers it. */
export interface AuditEntry {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorLogin: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details: unknown;
}

export interface ChainStatus {
  ok: boolean;
  rows: number;
  firstBroken: { seq: number; problem: 'content' | 'link' | 'gap' | 'truncated' } | null;
}

/** One ministry read of the province (GET /api/tenants/:tenantId/ministry-reads). */
export interface MinistryRead {
  id: string;
  occurredAt: string;
  actorLogin: string;
  actorName: string;
  resource: string;
  resourceIds: Record<string, string> | null;
  national: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
}
