/**
 * How each table would be placed on a distributed PostgreSQL (Citus), in one place: the
 * distributability test (distribution.test.ts) checks the schema against it on every `npm test`,
 * and `npm run rehearse:citus` distributes the tables by it (docs/operations/citus.md).
 *
 * - `tenant`: hash-distributed by `tenant_id`, all co-located, so one province's rows of every
 *   tenant table sit in the same shard group and a tenant transaction is routed to one node.
 * - `reference`: shared data copied to every node, so tenant tables may join it and keep their
 *   foreign keys to it.
 * - `local`: stays on the coordinator only (platform and sign-in data never joined with
 *   tenant rows); foreign keys from it may only point at reference or local tables.
 */
export type Placement = 'tenant' | 'reference' | 'local';

export const DISTRIBUTION_COLUMN = 'tenant_id';

interface TablePlacement {
  placement: Placement;
  /** Required when a table has a tenant_id column but is not distributed by it. */
  why?: string;
}

export const TABLE_PLACEMENT: Readonly<Record<string, TablePlacement>> = {
  // Tenant-owned, distributed by tenant_id and co-located with dossiers.
  dossiers: { placement: 'tenant' },
  dossier_files: { placement: 'tenant' },
  dossier_events: { placement: 'tenant' },
  dossier_fees: { placement: 'tenant' },
  dossier_due_dates: { placement: 'tenant' },
  dossier_code_counters: { placement: 'tenant' },
  dossier_counts: { placement: 'tenant' },
  dossier_province_months: { placement: 'tenant' },
  tasks: { placement: 'tenant' },
  payments: { placement: 'tenant' },
  satisfaction_surveys: { placement: 'tenant' },
  feedback_items: { placement: 'tenant' },
  citizen_documents: { placement: 'tenant' },
  dossier_drafts: { placement: 'tenant' },
  hand_over_agreements: { placement: 'tenant' },
  dossier_consultations: { placement: 'tenant' },
  hand_over_agreement_uses: { placement: 'tenant' },
  intake_routing_rules: { placement: 'tenant' },
  portal_sync_outbox: { placement: 'tenant' },
  outbox: { placement: 'tenant' },
  idempotency_keys: { placement: 'tenant' },
  audit_log: { placement: 'tenant' },
  audit_chain_heads: { placement: 'tenant' },
  org_units: { placement: 'tenant' },
  tenant_users: { placement: 'tenant' },
  role_assignments: { placement: 'tenant' },
  procedure_settings: { placement: 'tenant' },
  process_definitions: { placement: 'tenant' },
  tenant_calendars: { placement: 'tenant' },
  notification_senders: { placement: 'tenant' },
  notification_deliveries: { placement: 'tenant' },
  applicant_provinces: { placement: 'tenant' },

  // Shared data every node needs beside the tenant rows (foreign keys point at them).
  tenants: { placement: 'reference' },
  users: { placement: 'reference' },
  procedures: { placement: 'reference' },
  default_processes: { placement: 'reference' },
  admin_units: {
    placement: 'reference',
    why: 'national commune-level units: every province and the citizen portal read all of them; tenant_id only says which province a unit lies in',
  },

  // Coordinator only.
  ministry_reads: {
    placement: 'local',
    why: 'a national read has tenant_id null (seen by every province), and a distribution column cannot be null; low volume, read per province through its own RLS policies',
  },
  platform_role_assignments: { placement: 'local' },
  platform_audit_log: { placement: 'local' },
  sessions: { placement: 'local' },
  login_attempts: { placement: 'local' },
  auth_events: { placement: 'local' },
  one_time_codes: { placement: 'local' },
  account_outbox: { placement: 'local' },
  second_factors: { placement: 'local' },
  second_factor_recovery_codes: { placement: 'local' },
  request_counts: { placement: 'local' },
  workflow_probes: { placement: 'local' },
};

export function tablesPlaced(placement: Placement): string[] {
  return Object.entries(TABLE_PLACEMENT)
    .filter(([, p]) => p.placement === placement)
    .map(([name]) => name);
}
