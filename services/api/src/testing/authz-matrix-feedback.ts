import { MS_PER_DAY } from '@gov/calendar';
import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import type { Actor, Probe, RouteCase } from './authz-matrix.js';

const OFFICERS: Actor[] = ['province_admin', 'unit_admin', 'reception_officer', 'specialist', 'leader', 'result_clerk'];
const READERS: Actor[] = ['province_admin', 'unit_admin', 'leader', 'ministry_admin', 'ministry_oversight'];
const unitAt = (p: Probe) => (p.place === 'ownSubtree' ? p.world.wardTeamId : p.world.departmentId);

/** An open item at the probed unit, from someone who left contact details. */
async function openItem(p: Probe): Promise<string> {
  return withTenant(p.sql, p.world.tenantId, async (tx) => {
    const id = randomUUID();
    await tx.insert(schema.feedbackItems).values({
      tenantId: p.world.tenantId,
      id,
      subject: 'unit',
      unitId: unitAt(p),
      contactName: 'Người Ma Trận',
      contactEmail: 'ma-tran@example.vn',
      content: 'Phản ánh thử',
      dueAt: new Date(Date.now() + MS_PER_DAY),
    });
    return id;
  });
}

/**
 * Feedback (phản ánh, kiến nghị): the list is the officers' own units' items (filtered, never
 * refused by place; ministry oversight reads it), answering is an officer of the item's unit or
 * above, the counts read like a report. Sending and the published list are public.
 */
export const FEEDBACK_MATRIX: Record<string, RouteCase> = {
  'GET /api/tenants/:tenantId/feedback': {
    allowed: { ownSubtree: [...OFFICERS, 'ministry_oversight'], otherSubtree: [...OFFICERS, 'ministry_oversight'] },
    request: (p) => ({ path: `/api/tenants/${p.world.tenantId}/feedback` }),
  },
  'POST /api/tenants/:tenantId/feedback/:feedbackId/answer': {
    allowed: { ownSubtree: OFFICERS, otherSubtree: ['province_admin'] },
    request: async (p) => ({ path: `/api/tenants/${p.world.tenantId}/feedback/${await openItem(p)}/answer`, body: { answer: 'Đã tiếp thu.' } }),
  },
  'GET /api/tenants/:tenantId/feedback-counts': {
    allowed: { ownSubtree: READERS, otherSubtree: READERS },
    request: (p) => ({ path: `/api/tenants/${p.world.tenantId}/feedback-counts` }),
  },
};

export const FEEDBACK_PUBLIC_ROUTES = ['POST /api/tenants/:tenantId/feedback', 'GET /api/public/provinces/:tenantId/feedback'];
