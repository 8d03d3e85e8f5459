import * as v from 'valibot';
import type { ServiceContext } from '../context.js';
import type { IfMatch } from '../if-match.js';
import { provinceSetting } from '../tenants/province-setting.js';

const RANGE = 'số ngày làm việc từ 1 đến 60';

/** The province's monitoring settings (giám sát hồ sơ). */
export const WorkListSettings = v.object({
  /** A dossier with no action for more than this many working days is stuck (tồn đọng). */
  stuckAfterWorkingDays: v.pipe(v.number(RANGE), v.integer(RANGE), v.minValue(1, RANGE), v.maxValue(60, RANGE)),
});
export type WorkListSettings = v.InferOutput<typeof WorkListSettings>;

/** The settings with the province row's revision, its ETag. */
export type WorkListSettingsState = WorkListSettings & { revision: number };

const setting = provinceSetting('stuckAfterWorkingDays', WorkListSettings, 'tenant.work_list_settings_changed');

/** The settings, for whoever may read the province's work lists (any reader of its reports). */
export const getWorkListSettings: (args: { ctx: ServiceContext; tenantId: string }) => Promise<WorkListSettingsState> = setting.get;

/**
 * A province admin sets after how many working days without action a dossier counts as stuck.
 * It is a working-time rule of the province, so it takes the calendar's right; audited.
 */
export const setWorkListSettings: (args: {
  ctx: ServiceContext;
  tenantId: string;
  ifMatch: IfMatch;
  input: WorkListSettings;
}) => Promise<WorkListSettingsState> = setting.set;
