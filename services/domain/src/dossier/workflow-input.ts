import type { FormData } from '../process-graph.js';
import type { ProcessSnapshot } from '../process.js';

/**
 * The working-time calendar as plain data (the shape of @gov/calendar's BuildCalendarInput,
 * kept here so the domain package needs no calendar dependency). A built calendar holds a Map,
 * which does not survive Temporal payloads, so workflows rebuild it from this.
 */
export interface DossierCalendarInput {
  fromYear: number;
  toYear: number;
  workingHours?: {
    weekday?: { start: string; end: string }[];
    byWeekday?: Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, { start: string; end: string }[]>>;
    makeUpDay?: { start: string; end: string }[];
  };
  overrides?: { date: string; status: 'off' | 'work'; name: string }[];
  utcOffsetMinutes?: number;
  minutesPerWorkingDay?: number;
}

/**
 * Test clock: working time runs continuously at `msPerWorkingHour` real milliseconds per working
 * hour, ignoring the calendar, so overdue and supplement scenarios run in seconds on any weekday.
 * Production omits it and deadlines follow the calendar.
 */
export interface DossierClock {
  msPerWorkingHour: number;
}

export type DossierChannel = 'online' | 'in_person' | 'postal' | 'proxy';

/** Input of the dossier workflow: everything it needs, as plain data fixed at start. */
export interface DossierWorkflowInput {
  tenantId: string;
  dossierId: string;
  snapshot: ProcessSnapshot;
  /** When the submission succeeded (ISO 8601); the 8-working-hour intake clock starts here. */
  receivedAt: string;
  channel: DossierChannel;
  calendar: DossierCalendarInput;
  clock?: DossierClock;
  /** When set, only this citizen may submit supplements or withdraw. */
  applicantUserId?: string;
  /** Unit codes by unit id, for the GovUnitCode search attribute (codes are not personal data). */
  unitCodes?: Record<string, string>;
  /**
   * The values of the form fields the process's conditions test, as filed (only those: the rest
   * of the form stays in PostgreSQL). Absent for a process without conditions.
   */
  formData?: FormData;
}

/** Input of a hand-over (liên thông) child: a contiguous segment of the parent's snapshot. */
export interface HandOverWorkflowInput {
  parentWorkflowId: string;
  /** The tenant the segment runs in (the target province for an inter-province hand-over). */
  tenantId: string;
  /** The sending province, when it differs: the child then works on a mirror dossier row. */
  sourceTenantId?: string;
  /**
   * The tenants of the workflows above this child, the dossier's own first and the sender last:
   * a chain onward may not loop back into one of them (docs/domain/lien-thong.md). Absent in
   * children started before chains existed.
   */
  chain?: string[];
  dossierId: string;
  snapshot: ProcessSnapshot;
  /** Snapshot indexes `[from, to)` the child runs. */
  from: number;
  to: number;
  calendar: DossierCalendarInput;
  clock?: DossierClock;
  applicantUserId?: string;
  unitCodes?: Record<string, string>;
}

/** What a hand-over child hands back to its parent. */
export interface HandOverResult {
  outcome: 'completed' | 'stopped';
  lastStepKey: string;
  transitions: number;
}
