import { ArchiveAfterMonths } from '@gov/domain';
import * as v from 'valibot';
import type { ServiceContext } from '../context.js';
import type { IfMatch } from '../if-match.js';
import { provinceSetting } from '../tenants/province-setting.js';

/** The province's archive setting (docs/domain/archive-and-retention.md). */
export const ArchiveSettings = v.object({
  /** Months after a dossier closed before the archive run moves it to archive storage. */
  archiveAfterMonths: ArchiveAfterMonths,
});
export type ArchiveSettings = v.InferOutput<typeof ArchiveSettings>;
export type ArchiveSettingsState = ArchiveSettings & { revision: number };

const setting = provinceSetting('archiveAfterMonths', ArchiveSettings, 'tenant.archive_settings_changed');

/** The setting, for whoever reads the province's reports (its admins and leaders, ministry staff). */
export const getArchiveSettings: (args: { ctx: ServiceContext; tenantId: string }) => Promise<ArchiveSettingsState> = setting.get;

/** A province admin sets the archive period, with If-Match on the province row; audited. */
export const setArchiveSettings: (args: { ctx: ServiceContext; tenantId: string; ifMatch: IfMatch; input: ArchiveSettings }) => Promise<ArchiveSettingsState> =
  setting.set;
