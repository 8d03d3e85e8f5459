import { isBranching, type DossierActor, type FormData, type ProcessSnapshot, type ProcessStep } from '@gov/domain';

/** Process state owned by a running dossier (or hand-over) workflow. Instants are epoch ms. */
export interface DossierState {
  workflowId: string;
  tenantId: string;
  dossierId: string;
  snapshot: ProcessSnapshot;
  /** Snapshot indexes this workflow runs: all steps for the dossier, a segment for a hand-over. */
  segment: { from: number; to: number };
  isHandOver: boolean;
  /**
   * The tenants of the workflows above this one, the dossier's own first ([] for the dossier's
   * own workflow): a chain of hand-overs may not loop back into a province already in it.
   */
  chain: string[];
  /** The dossier row in this tenant is this workflow's own (the dossier's, or another province's copy). */
  keepsOwnRow: boolean;
  applicantUserId: string | null;
  /** Transition counter: part of every event key, so replays and retries map to one row. */
  seq: number;
  stepIndex: number;
  nationalStatus: number;
  localStatus: string;
  assigneeUserId: string | null;
  stepEnteredAt: number;
  stepDueAt: number | null;
  stepOverdueFlagged: boolean;
  /** Reception deadline: 8 working hours after an online submission (docs/domain/dossier-lifecycle.md). */
  intakeDueAt: number | null;
  intakeOverdueFlagged: boolean;
  intakeSupplementUsed: boolean;
  /** The overall promised date (ngày hẹn trả); moved by clock pauses. */
  dueAt: number | null;
  nearDueAt: number | null;
  nearDueFlagged: boolean;
  /** When the promised date passed; stays set for reports even after an apology. */
  overdueAt: number | null;
  /** The latest apology letter (Form 04); its new date is watched like the promised date. */
  apology: Apology | null;
  pausedSince: number | null;
  pausedWorkingMinutes: number;
  feePending: boolean;
  /** The pending fee's amount, which an online payment must match; null when none is pending. */
  feeAmountVnd?: number | null;
  /** The pending fee stopped the clock (not a supplement), so its payment restarts it. */
  feePausedClock?: boolean;
  activeHandOver: string | null;
  /** The form values the process's conditions test (docs/domain/procedures-and-processes.md#branches). */
  formData?: FormData;
  /**
   * The steps the dossier came through, latest last: on a branching process "the previous step"
   * is where the dossier came from, not the one above it in the list. Kept in memory only, so
   * replaying an older history rebuilds it.
   */
  trail?: number[];
  /** Every consultation request this workflow opened, answered or not (docs/domain/consultations.md). */
  consultations?: Consultation[];
  /** The consultation step the dossier waits at, while it waits; null once it moved on. */
  consulting?: { stepIndex: number; ids: string[] } | null;
  finishedAt: number | null;
  returnedAt: number | null;
  done: boolean;
}

/** One unit's request for an opinion (lấy ý kiến). Instants are epoch ms. */
export interface Consultation {
  id: string;
  stepKey: string;
  tenantId: string;
  orgUnitId: string;
  dueAt: number;
  answeredAt: number | null;
  overdueFlagged: boolean;
}

/**
 * Thư xin lỗi, hẹn lại ngày trả (Form 04). Issued again each time a new date is missed, so only
 * the latest is kept here; every letter stays an `apology_issued` event in PostgreSQL.
 */
export interface Apology {
  reason: string;
  newDueAt: number;
  issuedAt: number;
  beforeDeadline: boolean;
  /** Letters issued for this dossier so far, this one included. */
  count: number;
  nearDueAt: number;
  nearDueFlagged: boolean;
  /** When the new date passed unfinished: flagged once per letter, so once per date. */
  overdueAt: number | null;
}

export type Actor = DossierActor;

export function currentStep(state: DossierState): ProcessStep {
  const step = state.snapshot.steps[state.stepIndex];
  if (!step) throw new Error(`no step at index ${state.stepIndex}`);
  return step;
}

/**
 * The step a return sends the dossier back to: the one it came from on a branching process, the
 * one above in the list on a straight line (as always), or -1 when there is none.
 */
export function previousIndex(state: DossierState): number {
  if (!isBranching(state.snapshot.steps) || state.isHandOver) return state.stepIndex - 1;
  return state.trail?.at(-1) ?? -1;
}

/** Whether the dossier is still at the reception step (tiếp nhận), before it is accepted. */
export function atIntake(state: DossierState): boolean {
  return !state.isHandOver && currentStep(state).kind === 'receive' && state.dueAt === null;
}

/** Status codes of a dossier no longer being processed (docs/domain/statuses.md). */
export function isClosed(state: DossierState): boolean {
  return state.done || [3, 7, 8, 10].includes(state.nationalStatus);
}

export function initialState(args: {
  workflowId: string;
  tenantId: string;
  dossierId: string;
  snapshot: ProcessSnapshot;
  segment: { from: number; to: number };
  isHandOver: boolean;
  chain?: string[];
  keepsOwnRow?: boolean;
  applicantUserId?: string;
  formData?: FormData;
  now: number;
}): DossierState {
  const step = args.snapshot.steps[args.segment.from];
  if (!step) throw new Error('empty segment');
  return {
    workflowId: args.workflowId,
    tenantId: args.tenantId,
    dossierId: args.dossierId,
    snapshot: args.snapshot,
    segment: args.segment,
    isHandOver: args.isHandOver,
    chain: args.chain ?? [],
    keepsOwnRow: args.keepsOwnRow ?? !args.isHandOver,
    applicantUserId: args.applicantUserId ?? null,
    seq: 0,
    stepIndex: args.segment.from,
    nationalStatus: args.isHandOver ? 4 : 1,
    localStatus: args.isHandOver ? step.localStatus : 'awaiting_reception',
    assigneeUserId: null,
    stepEnteredAt: args.now,
    stepDueAt: null,
    stepOverdueFlagged: false,
    intakeDueAt: null,
    intakeOverdueFlagged: false,
    intakeSupplementUsed: false,
    dueAt: null,
    nearDueAt: null,
    nearDueFlagged: false,
    overdueAt: null,
    apology: null,
    pausedSince: null,
    pausedWorkingMinutes: 0,
    feePending: false,
    feeAmountVnd: null,
    feePausedClock: false,
    activeHandOver: null,
    formData: args.formData ?? {},
    trail: [],
    consultations: [],
    consulting: null,
    finishedAt: null,
    returnedAt: null,
    done: false,
  };
}
