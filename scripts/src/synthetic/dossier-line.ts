import type { Channel, Lifecycle } from './lifecycle.js';

/**
 * Synthetic dossiers carry `workflow_id = 'synthetic:<code>'`. Real dossiers get their workflow
 * id from the tenant and dossier id, so the prefix cannot clash; it stays unique per tenant (a
 * future unique key on workflow ids holds); and `--reset` deletes exactly these rows.
 */
export const SYNTHETIC_WORKFLOW_PREFIX = 'synthetic:';

/**
 * The columns the loader writes, in COPY order. Listed explicitly: generated columns
 * (applicant_name_search) cannot be written, and defaults do not apply to listed columns.
 */
export const DOSSIER_COLUMNS = [
  'tenant_id',
  'id',
  'code',
  'procedure_id',
  'channel',
  'receiving_unit_id',
  'current_unit_id',
  'applicant_name',
  'applicant_id_suffix',
  'applicant_phone',
  'national_status',
  'local_status',
  'received_at',
  'due_at',
  'finished_at',
  'returned_at',
  'overdue_at',
  'workflow_id',
  'created_at',
  'closed_at',
] as const;

export interface DossierDraft extends Lifecycle {
  tenantId: string;
  id: string;
  code: string;
  procedureId: string;
  channel: Channel;
  receivingUnitId: string;
  currentUnitId: string;
  applicantName: string;
  applicantIdSuffix: string;
  applicantPhone: string | null;
  receivedAt: number;
}

/** COPY text format: `\N` is NULL. */
const NULL = '\\N';
const time = (at: number | null) => (at === null ? NULL : new Date(at).toISOString());

/**
 * One line of COPY text (tab-separated, newline-terminated). No escaping: every value comes
 * from the generator's own word lists, digits and UUIDs, none of which holds a tab, newline or
 * backslash.
 */
export function dossierLine(d: DossierDraft): string {
  return (
    [
      d.tenantId,
      d.id,
      d.code,
      d.procedureId,
      d.channel,
      d.receivingUnitId,
      d.currentUnitId,
      d.applicantName,
      d.applicantIdSuffix,
      d.applicantPhone ?? NULL,
      d.status,
      d.localStatus,
      time(d.receivedAt),
      time(d.dueAt),
      time(d.finishedAt),
      time(d.returnedAt),
      time(d.overdueAt),
      SYNTHETIC_WORKFLOW_PREFIX + d.code,
      time(d.receivedAt),
      time(d.closedAt),
    ].join('\t') + '\n'
  );
}
