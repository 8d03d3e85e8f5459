/**
 * Published national schedules (lịch nghỉ lễ, tết của cán bộ, công chức, viên chức), as data.
 *
 * Only days that differ from the plain Monday–Friday week are listed. `verified: true` means the
 * entry follows directly from the Labour Code 2019 (fixed dates, lunar dates computed and
 * tested, Art. 111(3) compensation) or was confirmed against an official or major-press source;
 * everything else carries `verified: false` and an "unverified" comment. Years not listed here
 * fall back to generateYearSchedule(); a newer official schedule can be passed to buildCalendar
 * as data without a code change.
 */
import { DERIVED_SOURCE } from './schedule-sources.js';
import type { DayRule, YearSchedule } from './types.js';

function day(date: string, status: DayRule['status'], kind: DayRule['kind'], name: string, verified: boolean): DayRule {
  return { date, status, kind, name, verified };
}

const TET = 'Tết Nguyên đán';
const HUNG_KINGS = 'Giỗ Tổ Hùng Vương (10/3 âm lịch)';

const Y2025: YearSchedule = {
  year: 2025,
  source: {
    vi: 'Bộ luật Lao động 2019, Điều 112; lịch nghỉ năm 2025 tổng hợp từ thông báo của Bộ Lao động – Thương binh và Xã hội, chưa đối chiếu văn bản gốc.',
    en: "Labour Code 2019 Art. 112; the 2025 schedule compiled from the Ministry of Labour's notices, not checked against the original texts.",
  },
  days: [
    day('2025-01-01', 'off', 'holiday', 'Tết Dương lịch', true),
    // unverified: 9-day break Sat 25 Jan – Sun 2 Feb, Tết days = 28 Chạp to mùng 3, no make-up day.
    day('2025-01-27', 'off', 'holiday', `${TET} (28 tháng Chạp)`, false),
    day('2025-01-28', 'off', 'holiday', `${TET} (29 tháng Chạp)`, false),
    day('2025-01-29', 'off', 'holiday', `${TET} (mùng 1)`, true),
    day('2025-01-30', 'off', 'holiday', `${TET} (mùng 2)`, true),
    day('2025-01-31', 'off', 'holiday', `${TET} (mùng 3)`, true),
    day('2025-04-07', 'off', 'holiday', HUNG_KINGS, true),
    // unverified: Saturday 26 April worked so that Friday 2 May joins 30 April – 4 May.
    day('2025-04-26', 'work', 'make-up', 'Làm bù cho thứ Sáu 02/5', false),
    day('2025-04-30', 'off', 'holiday', 'Ngày Chiến thắng', true),
    day('2025-05-01', 'off', 'holiday', 'Ngày Quốc tế lao động', true),
    day('2025-05-02', 'off', 'bridge', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', false), // unverified
    day('2025-09-01', 'off', 'holiday', 'Quốc khánh (ngày liền kề)', false), // unverified: 1 or 3 Sept
    day('2025-09-02', 'off', 'holiday', 'Quốc khánh', true),
  ],
};

const Y2026: YearSchedule = {
  year: 2026,
  source: {
    vi: 'Bộ luật Lao động 2019, Điều 112; lịch nghỉ Tết Nguyên đán và Quốc khánh do Thủ tướng Chính phủ đồng ý ngày 14/10/2025; hoán đổi ngày nghỉ Tết Dương lịch theo Công văn 12729/VPCP-KGVX ngày 25/12/2025 (theo nguồn tin thứ cấp, chưa đối chiếu văn bản gốc).',
    en: 'Labour Code 2019 Art. 112; Tết and National Day breaks approved by the Prime Minister on 14 October 2025; the New Year swap per Official Letter 12729/VPCP-KGVX of 25 December 2025 (from a secondary source, not checked against the original).',
  },
  days: [
    day('2026-01-01', 'off', 'holiday', 'Tết Dương lịch', true),
    // unverified (secondary source): Friday 2 Jan swapped with Saturday 10 Jan.
    day('2026-01-02', 'off', 'bridge', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01)', false),
    day('2026-01-10', 'work', 'make-up', 'Làm bù cho thứ Sáu 02/01', false),
    // Official: 9 days Sat 14 Feb (27 Chạp) – Sun 22 Feb (mùng 6); 5 Tết days + 4 weekend days.
    day('2026-02-16', 'off', 'holiday', `${TET} (29 tháng Chạp)`, true),
    day('2026-02-17', 'off', 'holiday', `${TET} (mùng 1)`, true),
    day('2026-02-18', 'off', 'holiday', `${TET} (mùng 2)`, true),
    day('2026-02-19', 'off', 'holiday', `${TET} (mùng 3)`, true),
    day('2026-02-20', 'off', 'holiday', `${TET} (mùng 4)`, true),
    // Hùng Kings' day falls on Sunday 26 April: compensatory day Monday 27 April (Art. 111(3)).
    day('2026-04-26', 'off', 'holiday', HUNG_KINGS, true),
    day('2026-04-27', 'off', 'compensatory', `Nghỉ bù ${HUNG_KINGS}`, true),
    day('2026-04-30', 'off', 'holiday', 'Ngày Chiến thắng', true),
    day('2026-05-01', 'off', 'holiday', 'Ngày Quốc tế lao động', true),
    // Official: 5 days Sat 29 Aug – Wed 2 Sept. unverified: which Saturday makes up for 31 Aug is
    // not established, so no make-up day is listed; add it as a tenant override or new data.
    day('2026-08-31', 'off', 'bridge', 'Nghỉ hoán đổi (ngày làm bù chưa xác minh)', true),
    day('2026-09-01', 'off', 'holiday', 'Quốc khánh (ngày liền kề)', true),
    day('2026-09-02', 'off', 'holiday', 'Quốc khánh', true),
  ],
};

/**
 * 2027: not yet published when this was written. All entries are the rule-derived default
 * (same as generateYearSchedule(2027), asserted by a test); all unverified.
 */
const Y2027: YearSchedule = {
  year: 2027,
  source: DERIVED_SOURCE,
  days: [
    day('2027-01-01', 'off', 'holiday', 'Tết Dương lịch', false),
    // unverified: Tết days = last day of the lunar year + mùng 1–4; weekend days compensated.
    day('2027-02-05', 'off', 'holiday', `${TET} (ngày cuối năm âm lịch)`, false),
    day('2027-02-06', 'off', 'holiday', `${TET} (mùng 1)`, false),
    day('2027-02-07', 'off', 'holiday', `${TET} (mùng 2)`, false),
    day('2027-02-08', 'off', 'holiday', `${TET} (mùng 3)`, false),
    day('2027-02-09', 'off', 'holiday', `${TET} (mùng 4)`, false),
    day('2027-02-10', 'off', 'compensatory', `Nghỉ bù ${TET} (mùng 1)`, false),
    day('2027-02-11', 'off', 'compensatory', `Nghỉ bù ${TET} (mùng 2)`, false),
    day('2027-04-16', 'off', 'holiday', HUNG_KINGS, false),
    day('2027-04-30', 'off', 'holiday', 'Ngày Chiến thắng', false),
    day('2027-05-01', 'off', 'holiday', 'Ngày Quốc tế lao động', false),
    day('2027-05-03', 'off', 'compensatory', 'Nghỉ bù Ngày Quốc tế lao động', false),
    day('2027-09-02', 'off', 'holiday', 'Quốc khánh', false),
    day('2027-09-03', 'off', 'holiday', 'Quốc khánh (ngày liền kề)', false), // unverified: 1 or 3
  ],
};

/** Shipped national schedules by year. */
export const NATIONAL_SCHEDULES: ReadonlyMap<number, YearSchedule> = new Map([Y2025, Y2026, Y2027].map((schedule) => [schedule.year, schedule]));
