import { withTenant } from '@gov/db';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { ANSWERING, c, consultationView, unitNames, unitsWhereCan } from './consultation-rows.js';

export const ListConsultationInbox = v.object({
  /** Answered requests too (the unit's record of what it said); unanswered only by default. */
  answered: v.optional(v.boolean(), false),
});
export type ListConsultationInbox = v.InferInput<typeof ListConsultationInbox>;

/**
 * Requests for an opinion addressed to the caller's units in this province (docs/domain/consultations.md),
 * soonest due first. A unit of another province sees its own copy only: the code of the dossier,
 * the step and the question, never the asking province's dossier.
 */
export async function listConsultationInbox({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ListConsultationInbox }) {
  assertCanInTenant(ctx, 'read', 'Dossier', tenantId);
  const q = parseInput(ListConsultationInbox, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const rows = await tx
      .select()
      .from(c)
      .where(and(eq(c.tenantId, tenantId), eq(c.consultedTenantId, tenantId), q.answered ? undefined : isNull(c.answeredAt)))
      .orderBy(asc(c.dueAt), sql`${c.id}`)
      .limit(500);
    const mine = await unitsWhereCan(
      tx,
      ctx,
      tenantId,
      rows.map((r) => r.consultedUnitId),
      ANSWERING,
    );
    const visible = rows.filter((r) => mine.has(r.consultedUnitId));
    const names = await unitNames(
      tx,
      tenantId,
      visible.flatMap((r) => [r.consultedUnitId, r.askingUnitId]),
    );
    return { items: visible.map((r) => consultationView(r, names)) };
  });
}
