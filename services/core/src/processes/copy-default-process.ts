import { schema, withTenant } from '@gov/db';
import { invalid, notFound, ProcedureCode, UnitKind, type DefaultProcessStep, type ProcessStep } from '@gov/domain';
import { and, desc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { storeDraft } from './store-draft.js';
import { type IfMatch } from '../if-match.js';

export const CopyDefaultProcess = v.object({
  procedureCode: ProcedureCode,
  caseCode: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/)), 'default'),
  /** A given ministry version; the latest when omitted. */
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** Which unit of the province plays each kind of unit the default process names. */
  unitMapping: v.record(UnitKind, v.pipe(v.string(), v.uuid())),
});
export type CopyDefaultProcess = v.InferInput<typeof CopyDefaultProcess>;

function mapSteps(steps: DefaultProcessStep[], mapping: Partial<Record<string, string>>): ProcessStep[] {
  const missing = new Set<string>();
  const unitFor = (kind: string) => mapping[kind] ?? (missing.add(kind), '00000000-0000-0000-0000-000000000000');
  const mapped = steps.map(({ unitKind, handOver, ...step }) => ({
    ...step,
    orgUnitId: unitFor(unitKind),
    ...(handOver ? { handOver: { direction: handOver.direction, targetUnitId: unitFor(handOver.targetUnitKind) } } : {}),
  }));
  if (missing.size > 0) {
    throw invalid(
      { vi: `Chưa chọn đơn vị cho: ${[...missing].join(', ')}.`, en: `Choose a unit for: ${[...missing].join(', ')}.` },
      { fields: [...missing].map((k) => ({ path: `unitMapping.${k}`, problem: 'missing' })) },
    );
  }
  return mapped;
}

/**
 * A province copies a ministry default process into a draft of its own, mapping each kind of
 * unit to one of its units; it then adjusts and publishes it like any draft. The copy is
 * independent: a later ministry version does not change it.
 */
export async function copyDefaultProcess({
  ctx,
  tenantId,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  tenantId: string;
  ifMatch: IfMatch;
  input: CopyDefaultProcess;
}) {
  assertCan(ctx, 'create', 'ProcessDefinition', { tenantId });
  const data = parseInput(CopyDefaultProcess, input);
  const dp = schema.defaultProcesses;
  const [template] = await ctx.db
    .select()
    .from(dp)
    .where(and(eq(dp.procedureCode, data.procedureCode), eq(dp.caseCode, data.caseCode), data.version ? eq(dp.version, data.version) : undefined))
    .orderBy(desc(dp.version))
    .limit(1);
  if (!template)
    throw notFound({
      vi: `Bộ chưa ban hành quy trình mẫu cho thủ tục ${data.procedureCode}.`,
      en: `No ministry default process for procedure ${data.procedureCode}.`,
    });
  const steps = mapSteps(template.steps, data.unitMapping);
  // A ministry default maps onto this province's own units: it hands over to no other province.
  return withTenant(ctx.sql, tenantId, (tx) =>
    storeDraft(tx, ctx, tenantId, { procedureCode: data.procedureCode, caseCode: data.caseCode, steps, copiedFrom: template.id, otherProvinces: [], ifMatch }),
  );
}
