import type { ProcessSnapshot } from './process.js';

/** A province's routing rule for jurisdiction-free intake (docs/domain/jurisdiction-free-intake.md). */
export interface IntakeRoutingRule {
  /** Null: every jurisdiction-free procedure of the province. */
  procedureCode: string | null;
  /** The applicant's commune or ward (national administrative code); null: the default. */
  communeCode: string | null;
  competentUnitId: string;
}

/**
 * The competent unit for a dossier: the most specific rule wins — this procedure and the
 * applicant's commune, then any procedure and the commune, then this procedure's default, then
 * the province's default. Undefined when no rule applies (the process's own units stay).
 */
export function competentUnitFor(rules: readonly IntakeRoutingRule[], args: { procedureCode: string; communeCode: string | null }): string | undefined {
  const commune = args.communeCode;
  const order: [string | null, string | null][] = [
    [args.procedureCode, commune],
    [null, commune],
    [args.procedureCode, null],
    [null, null],
  ];
  for (const [procedureCode, communeCode] of order) {
    const rule = rules.find((r) => r.procedureCode === procedureCode && r.communeCode === communeCode);
    if (rule) return rule.competentUnitId;
  }
  return undefined;
}

/**
 * The snapshot a jurisdiction-free dossier runs: the process is designed around one unit (its
 * first step's, the "home" unit). The reception step moves to the unit that received the
 * dossier, and every other step at the home unit — and every hand-over back to it — moves to the
 * competent unit the routing chose. Steps at other units (a department) stay where they are.
 */
export function routeSnapshot(snapshot: ProcessSnapshot, args: { receivingUnitId: string; competentUnitId: string }): ProcessSnapshot {
  const home = snapshot.steps[0]!.orgUnitId;
  const move = (unitId: string) => (unitId === home ? args.competentUnitId : unitId);
  return {
    ...snapshot,
    steps: snapshot.steps.map((step, i) => ({
      ...step,
      orgUnitId: i === 0 ? args.receivingUnitId : move(step.orgUnitId),
      ...(step.handOver && (!step.handOver.targetTenantId || step.handOver.targetTenantId === snapshot.tenantId)
        ? { handOver: { ...step.handOver, targetUnitId: move(step.handOver.targetUnitId) } }
        : {}),
    })),
  };
}
