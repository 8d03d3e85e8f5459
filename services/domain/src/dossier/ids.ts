/**
 * Temporal workflow ids for dossiers. Ids are stored in clear by Temporal and shown in its UI, so
 * they are built from opaque UUIDs only — never a dossier code, name or citizen ID number
 * (docs/architecture.md, Temporal). The tenant prefix tells provinces apart in one namespace.
 */
export function dossierWorkflowId(tenantId: string, dossierId: string): string {
  return `dossier:${tenantId}:${dossierId}`;
}

/**
 * The hand-over (liên thông) child of a dossier workflow. A returned dossier may reach the same
 * hand-over step twice, so the parent's transition number keeps each hand-over's id unique while
 * staying deterministic (replays derive the same id).
 */
export function handOverWorkflowId(parentWorkflowId: string, stepKey: string, transitionSeq: number): string {
  return `${parentWorkflowId}:handover:${stepKey}:${transitionSeq}`;
}

/**
 * Idempotency key of one projected transition (`dossier_events.event_key`): workflow id + step +
 * transition number, never the activity attempt, so a retried projection writes once.
 */
export function transitionEventKey(workflowId: string, stepKey: string, transitionSeq: number): string {
  return `${workflowId}:${stepKey}:${transitionSeq}`;
}
