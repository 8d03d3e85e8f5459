import { RETENTION_YEARS } from '@gov/domain';
import { fill, t } from '../../i18n/index.js';

/** One row of the catalog list, and one stored version, as the API answers them. */
export type { ProcedureSummary, ProcedureDetail as ProcedureVersion } from '../admin/types.js';
import type { ProcedureDetail as ProcedureVersion } from '../admin/types.js';

export const CHANNELS = ['online', 'in_person', 'postal'] as const;
export const LEVELS = ['ministry', 'province', 'commune'] as const;
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
export const TIME_UNITS = ['working_days', 'calendar_days'] as const;
/** The retention choices of a catalog entry: permanent (no number) or one of the domain's periods. */
export const RETENTIONS = ['', ...RETENTION_YEARS.map(String)] as const;

/** "10 năm", or "Vĩnh viễn" when the catalog entry names no period (docs/domain/archive-and-retention.md). */
export const retentionLabel = (years: number | null | undefined) =>
  years == null ? t('archiveRetention_permanent') : fill('archiveRetentionYears', { years });

/**
 * What the editor holds while the admin types: numbers stay text until publishing, so a half-typed
 * value is never silently turned into 0; the API names whatever is still wrong.
 */
export interface Draft {
  code: string;
  name: string;
  sector: string;
  level: (typeof LEVELS)[number];
  channels: (typeof CHANNELS)[number][];
  onlineServiceLevel: (typeof ONLINE_LEVELS)[number];
  times: { channel: (typeof CHANNELS)[number]; amount: string; unit: (typeof TIME_UNITS)[number] }[];
  cases: { code: string; name: string; components: { code: string; name: string; originals: string; copies: string; required: boolean }[] }[];
  fees: { kind: 'fee' | 'charge'; name: string; amountVnd: string }[];
  /** Years as text, '' for permanent. */
  retention: string;
}

export const emptyComponent = () => ({ code: '', name: '', originals: '1', copies: '0', required: true });

/** Older rows may lack `required`: the catalog schema's default, required, applies to them. */
export function draftOf(base: ProcedureVersion | null): Draft {
  if (!base) {
    return {
      code: '',
      name: '',
      sector: '',
      level: 'province',
      channels: ['in_person'],
      onlineServiceLevel: 'none',
      times: [{ channel: 'in_person', amount: '5', unit: 'working_days' }],
      cases: [{ code: 'default', name: 'Mặc định', components: [emptyComponent()] }],
      fees: [],
      retention: '',
    };
  }
  return {
    code: base.code,
    name: base.name,
    sector: base.sector,
    level: base.level,
    channels: [...base.channels],
    onlineServiceLevel: base.onlineServiceLevel,
    times: base.processingTime.map((p) => ({ channel: p.channel, amount: String(p.amount), unit: p.unit })),
    cases: base.cases.map((c) => ({
      code: c.code,
      name: c.name,
      components: c.components.map((m) => ({
        code: m.code,
        name: m.name,
        originals: String(m.originals),
        copies: String(m.copies),
        required: m.required !== false,
      })),
    })),
    fees: base.fees.map((f) => ({ kind: f.kind, name: f.name, amountVnd: String(f.amountVnd) })),
    retention: base.retentionYears === undefined ? '' : String(base.retentionYears),
  };
}

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.replace(/[.\s]/g, '').replace(',', '.')));

/** The record to publish: the edited parts over the base version's other fields (forms, legal basis…). */
export function recordOf(draft: Draft, base: ProcedureVersion | null): Record<string, unknown> {
  const rest: Record<string, unknown> = base ? { ...base } : {};
  // Permanent is the absence of a period: the base version's period goes when '' is chosen.
  for (const key of ['id', 'version', 'createdAt', 'retentionYears']) delete rest[key];
  return {
    ...rest,
    code: draft.code,
    name: draft.name,
    sector: draft.sector,
    level: draft.level,
    channels: draft.channels,
    onlineServiceLevel: draft.onlineServiceLevel,
    processingTime: draft.times.filter((t) => draft.channels.includes(t.channel)).map((t) => ({ channel: t.channel, amount: num(t.amount), unit: t.unit })),
    cases: draft.cases.map((c) => ({
      code: c.code,
      name: c.name,
      components: c.components.map((m) => ({ code: m.code, name: m.name, originals: num(m.originals), copies: num(m.copies), required: m.required })),
    })),
    fees: draft.fees.map((f) => ({ kind: f.kind, name: f.name, amountVnd: num(f.amountVnd) })),
    ...(draft.retention === '' ? {} : { retentionYears: num(draft.retention) }),
  };
}
