import { MS_PER_DAY, VIETNAM_UTC_OFFSET } from '@gov/calendar';
import * as v from 'valibot';
import { CivilDate } from '../reports/report-period.js';

/** Paging like the other lists that count (the ministry's dossier list): page from 1, at most 100 rows. */
export const Paging = {
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'trang từ 1 trở lên')), 1),
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'cỡ trang từ 1 đến 100'), v.maxValue(100, 'cỡ trang từ 1 đến 100')), 50),
};

/** `from` and `to` are Vietnam civil days, both inclusive; `to` may not come before `from`. */
export const DateRange = { from: v.optional(CivilDate), to: v.optional(CivilDate) };
export const ordered = (p: { from?: string; to?: string }) => !p.from || !p.to || p.from <= p.to;
export const ORDER_PROBLEM = 'ngày bắt đầu phải trước hoặc bằng ngày kết thúc';

/** The instants bounding the civil days: the first instant of `from`, the first after `to`. */
export function dayBounds(range: { from?: string; to?: string }): { start?: Date; end?: Date } {
  return {
    start: range.from ? new Date(`${range.from}T00:00:00${VIETNAM_UTC_OFFSET}`) : undefined,
    end: range.to ? new Date(Date.parse(`${range.to}T00:00:00${VIETNAM_UTC_OFFSET}`) + MS_PER_DAY) : undefined,
  };
}
