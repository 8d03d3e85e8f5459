import { NATIONAL_STATUS } from '@gov/domain';
import { vietnamTime, yesNo, type ExportColumn } from '../export/index.js';
import type { ConsultationReport, FeeReport, OfficerReport, ProcedureReport, ProvinceReport, UnitReport } from './report-schemas.js';

type Counts = ProvinceReport['totals'];
type Period = ProvinceReport['period'];

/** One line of a report table as exported: who it is about, the period, and its counts. */
export interface ReportLine {
  code: string;
  name: string;
  period: Period;
  counts: Counts;
}

const count = (key: keyof Counts, vi: string, en: string): ExportColumn<ReportLine> => ({ key, vi, en, value: (line) => line.counts[key] });

/**
 * The cohort columns in the order of the periodic report's form (as the pages show them); each
 * header names its group, since a spreadsheet has a single header row.
 */
const COHORTS: ExportColumn<ReportLine>[] = [
  count('toHandle', 'Nhận giải quyết: tổng số', 'To handle: total'),
  count('carriedOver', 'Nhận giải quyết: kỳ trước chuyển qua', 'To handle: carried over'),
  count('received', 'Nhận giải quyết: mới tiếp nhận', 'To handle: newly received'),
  count('receivedOnline', 'Mới tiếp nhận: trực tuyến', 'Newly received: online'),
  count('receivedInPersonOrPost', 'Mới tiếp nhận: trực tiếp, bưu chính', 'Newly received: in person, by post'),
  count('resolved', 'Đã giải quyết: tổng số', 'Resolved: total'),
  count('resolvedEarly', 'Đã giải quyết: trước hạn', 'Resolved: early'),
  count('resolvedOnTime', 'Đã giải quyết: đúng hạn', 'Resolved: on time'),
  count('resolvedLate', 'Đã giải quyết: quá hạn', 'Resolved: late'),
  count('inProgressAtEnd', 'Đang giải quyết: tổng số', 'In progress: total'),
  count('inProgressInTime', 'Đang giải quyết: trong hạn', 'In progress: within time'),
  count('inProgressOverdue', 'Đang giải quyết: quá hạn', 'In progress: overdue'),
  count('endedWithoutResult', 'Từ chối, rút, dừng xử lý', 'Refused, withdrawn, stopped'),
  count('endedOverdue', 'Rút, dừng xử lý khi đã quá hạn', 'Withdrawn or stopped while overdue'),
  count('forOtherProvince', 'Liên thông từ tỉnh khác', 'Handed over from another province'),
];

const lineColumns = (codeHeader: { vi: string; en: string }, nameHeader: { vi: string; en: string }): ExportColumn<ReportLine>[] => [
  { key: 'code', ...codeHeader, value: (line) => line.code },
  { key: 'name', ...nameHeader, value: (line) => line.name },
  { key: 'from', vi: 'Từ ngày', en: 'From', value: (line) => line.period.from },
  { key: 'to', vi: 'Đến ngày', en: 'To', value: (line) => line.period.to },
  ...COHORTS,
];

export const PROVINCE_REPORT_COLUMNS = lineColumns({ vi: 'Mã tỉnh', en: 'Province code' }, { vi: 'Tỉnh, thành phố', en: 'Province' });
export const UNIT_REPORT_COLUMNS = lineColumns({ vi: 'Mã đơn vị', en: 'Unit code' }, { vi: 'Đơn vị tiếp nhận', en: 'Receiving unit' });
export const PROCEDURE_REPORT_COLUMNS = lineColumns({ vi: 'Mã thủ tục', en: 'Procedure code' }, { vi: 'Tên thủ tục', en: 'Procedure' });

/** Every province, in the report's order, then the national line (its code left empty). */
export function provinceReportLines(report: ProvinceReport): ReportLine[] {
  return [
    ...report.items.map((item) => ({ code: item.code, name: item.name, period: report.period, counts: item })),
    { code: '', name: 'Cả nước', period: report.period, counts: report.totals },
  ];
}

/**
 * The last line of a province report: the province's under its code; for a reader who sees only
 * their units, those units' total; for a report narrowed to one unit, that unit's subtree.
 */
function wholeLine(report: Pick<UnitReport, 'province' | 'scope' | 'unit'>): { code: string; name: string } {
  if (report.unit) return { code: report.unit.code, name: `Cộng ${report.unit.name} và các đơn vị trực thuộc` };
  return report.scope === 'province'
    ? { code: report.province.code, name: `Toàn ${report.province.fullName}` }
    : { code: '', name: `Cộng các đơn vị phụ trách (${report.province.fullName})` };
}

/** Every receiving unit, most to handle first, then the line for the whole of the scope. */
export function unitReportLines(report: UnitReport): ReportLine[] {
  return [
    ...report.items.map((item) => ({ code: item.code, name: item.name, period: report.period, counts: item })),
    { ...wholeLine(report), period: report.period, counts: report.totals },
  ];
}

/** Every procedure, most to handle first, then the line for the whole of the scope. */
export function procedureReportLines(report: ProcedureReport): ReportLine[] {
  return [
    ...report.items.map((item) => ({ code: item.procedureCode, name: item.name, period: report.period, counts: item })),
    { ...wholeLine(report), period: report.period, counts: report.totals },
  ];
}

/** One officer's line of the workload export, or the scope's total (no officer). */
export interface OfficerLine {
  fullName: string;
  unitName: string;
  period: ProvinceReport['period'];
  workload: OfficerReport['totals'];
}

const workload = (key: keyof OfficerReport['totals'], vi: string, en: string): ExportColumn<OfficerLine> => ({
  key,
  vi,
  en,
  value: (line) => line.workload[key],
});

export const OFFICER_REPORT_COLUMNS: ExportColumn<OfficerLine>[] = [
  { key: 'fullName', vi: 'Cán bộ', en: 'Officer', value: (line) => line.fullName },
  { key: 'unitName', vi: 'Đơn vị', en: 'Unit', value: (line) => line.unitName },
  { key: 'from', vi: 'Từ ngày', en: 'From', value: (line) => line.period.from },
  { key: 'to', vi: 'Đến ngày', en: 'To', value: (line) => line.period.to },
  workload('openTasks', 'Việc đang giữ cuối kỳ', 'Open tasks at the end'),
  workload('overdueTasks', 'Việc đang giữ: quá hạn bước', 'Open tasks: step overdue'),
  workload('actions', 'Thao tác trong kỳ', 'Actions in the period'),
  workload('resolved', 'Hồ sơ đã cho kết quả trong kỳ', 'Dossiers resolved in the period'),
];

/** Every officer, busiest first, then the scope's total. */
export function officerReportLines(report: OfficerReport): OfficerLine[] {
  return [
    ...report.items.map((item) => ({ fullName: item.fullName, unitName: item.unitName, period: report.period, workload: item })),
    { fullName: wholeLine(report).name, unitName: '', period: report.period, workload: report.totals },
  ];
}

/** One unit's line of the fee export, or the scope's total. */
export interface FeeLine {
  code: string;
  name: string;
  period: FeeReport['period'];
  fees: FeeReport['totals'];
}

const fee = (key: keyof FeeReport['totals'], vi: string, en: string): ExportColumn<FeeLine> => ({ key, vi, en, value: (line) => line.fees[key] });

export const FEE_REPORT_COLUMNS: ExportColumn<FeeLine>[] = [
  { key: 'code', vi: 'Mã đơn vị', en: 'Unit code', value: (line) => line.code },
  { key: 'name', vi: 'Đơn vị tiếp nhận', en: 'Receiving unit', value: (line) => line.name },
  { key: 'from', vi: 'Từ ngày', en: 'From', value: (line) => line.period.from },
  { key: 'to', vi: 'Đến ngày', en: 'To', value: (line) => line.period.to },
  fee('paid', 'Số khoản đã nộp', 'Fees paid'),
  fee('paidOnline', 'Nộp trực tuyến', 'Paid online'),
  fee('amountVnd', 'Số tiền đã thu (đồng)', 'Amount collected (VND)'),
  fee('amountOnlineVnd', 'Thu trực tuyến (đồng)', 'Collected online (VND)'),
];

/** Every unit, most payments first, then the line for the whole of the scope. */
export function feeReportLines(report: FeeReport): FeeLine[] {
  return [
    ...report.items.map((item) => ({ code: item.code, name: item.name, period: report.period, fees: item })),
    { ...wholeLine(report), period: report.period, fees: report.totals },
  ];
}

/** One consulted unit's line of the consultation export, or the scope's total. */
export interface ConsultationLine {
  code: string;
  name: string;
  period: ConsultationReport['period'];
  consultations: ConsultationReport['totals'];
}

const consultation = (key: keyof ConsultationReport['totals'], vi: string, en: string): ExportColumn<ConsultationLine> => ({
  key,
  vi,
  en,
  value: (line) => line.consultations[key],
});

export const CONSULTATION_REPORT_COLUMNS: ExportColumn<ConsultationLine>[] = [
  { key: 'code', vi: 'Mã đơn vị', en: 'Unit code', value: (line) => line.code },
  { key: 'name', vi: 'Đơn vị được xin ý kiến', en: 'Unit consulted', value: (line) => line.name },
  { key: 'from', vi: 'Từ ngày', en: 'From', value: (line) => line.period.from },
  { key: 'to', vi: 'Đến ngày', en: 'To', value: (line) => line.period.to },
  consultation('opened', 'Số yêu cầu xin ý kiến', 'Requests opened'),
  consultation('answeredOnTime', 'Trả lời đúng hạn', 'Answered on time'),
  consultation('answeredLate', 'Trả lời quá hạn', 'Answered late'),
  consultation('openOverdue', 'Chưa trả lời, đã quá hạn', 'Unanswered, past the deadline'),
];

/** Every unit asked, most requests first, then the line for the whole of the scope. */
export function consultationReportLines(report: ConsultationReport): ConsultationLine[] {
  return [
    ...report.items.map((item) => ({ code: item.code, name: item.name, period: report.period, consultations: item })),
    { ...wholeLine(report), period: report.period, consultations: report.totals },
  ];
}

/** What `exportProvinceDossiers` yields: the list's row, without applicant data. */
export interface ProvinceDossierRow {
  code: string;
  procedureCode: string;
  procedureName: string;
  channel: string;
  receivingUnitName: string;
  nationalStatus: number;
  receivedAt: Date;
  dueAt: Date | null;
  finishedAt: Date | null;
  overdue: boolean;
}

const CHANNELS: Record<string, string> = { online: 'Trực tuyến', in_person: 'Trực tiếp', postal: 'Bưu chính', proxy: 'Ủy quyền' };

export const PROVINCE_DOSSIER_COLUMNS: ExportColumn<ProvinceDossierRow>[] = [
  { key: 'code', vi: 'Mã hồ sơ', en: 'Dossier code', value: (d) => d.code },
  { key: 'procedureCode', vi: 'Mã thủ tục', en: 'Procedure code', value: (d) => d.procedureCode },
  { key: 'procedureName', vi: 'Tên thủ tục', en: 'Procedure', value: (d) => d.procedureName },
  { key: 'channel', vi: 'Kênh tiếp nhận', en: 'Channel', value: (d) => CHANNELS[d.channel] ?? d.channel },
  { key: 'receivingUnitName', vi: 'Đơn vị tiếp nhận', en: 'Receiving unit', value: (d) => d.receivingUnitName },
  { key: 'nationalStatus', vi: 'Mã trạng thái', en: 'Status code', value: (d) => d.nationalStatus },
  {
    key: 'statusName',
    vi: 'Trạng thái',
    en: 'Status',
    value: (d) => NATIONAL_STATUS[d.nationalStatus as keyof typeof NATIONAL_STATUS]?.vi ?? null,
  },
  { key: 'receivedAt', vi: 'Ngày tiếp nhận', en: 'Received at', value: (d) => vietnamTime(d.receivedAt) },
  { key: 'dueAt', vi: 'Hạn trả kết quả', en: 'Due at', value: (d) => vietnamTime(d.dueAt) },
  { key: 'finishedAt', vi: 'Ngày có kết quả', en: 'Finished at', value: (d) => vietnamTime(d.finishedAt) },
  { key: 'overdue', vi: 'Quá hạn', en: 'Overdue', value: (d) => yesNo(d.overdue) },
];
