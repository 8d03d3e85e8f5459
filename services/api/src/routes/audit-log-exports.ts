import { vietnamTime, yesNo, type ExportColumn } from '../export/index.js';

/** What `exportAuditLog` yields: the list's row. */
export interface AuditLogRow {
  seq: number;
  occurredAt: Date;
  actorLogin: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details: unknown;
  requestId: string | null;
}

/** What `exportMinistryReads` yields: the list's row. */
export interface MinistryReadRow {
  occurredAt: Date;
  actorLogin: string;
  actorName: string;
  resource: string;
  resourceIds: Record<string, string> | null;
  requestId: string | null;
  national: boolean;
}

/** Details stay JSON, as the page shows them: a spreadsheet can filter on the text. */
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export const AUDIT_LOG_COLUMNS: ExportColumn<AuditLogRow>[] = [
  { key: 'seq', vi: 'Số thứ tự', en: 'Sequence', value: (e) => Number(e.seq) },
  { key: 'occurredAt', vi: 'Thời điểm', en: 'Time', value: (e) => vietnamTime(e.occurredAt) },
  { key: 'actorLogin', vi: 'Tài khoản', en: 'Login', value: (e) => e.actorLogin },
  // No actor is the platform itself (a workflow, a scheduled job), as the page says.
  { key: 'actorName', vi: 'Người thực hiện', en: 'Actor', value: (e) => e.actorName ?? (e.actorLogin ? null : 'Hệ thống') },
  { key: 'action', vi: 'Thao tác', en: 'Action', value: (e) => e.action },
  { key: 'subjectType', vi: 'Loại đối tượng', en: 'Subject type', value: (e) => e.subjectType },
  { key: 'subjectId', vi: 'Mã đối tượng', en: 'Subject id', value: (e) => e.subjectId },
  { key: 'details', vi: 'Chi tiết', en: 'Details', value: (e) => json(e.details) },
  { key: 'requestId', vi: 'Mã yêu cầu', en: 'Request id', value: (e) => e.requestId },
];

export const MINISTRY_READ_COLUMNS: ExportColumn<MinistryReadRow>[] = [
  { key: 'occurredAt', vi: 'Thời điểm', en: 'Time', value: (r) => vietnamTime(r.occurredAt) },
  { key: 'actorLogin', vi: 'Tài khoản', en: 'Login', value: (r) => r.actorLogin },
  { key: 'actorName', vi: 'Người xem', en: 'Reader', value: (r) => r.actorName },
  { key: 'resource', vi: 'Dữ liệu đã xem', en: 'Resource', value: (r) => r.resource },
  { key: 'resourceIds', vi: 'Mã định danh', en: 'Ids', value: (r) => json(r.resourceIds) },
  { key: 'national', vi: 'Báo cáo toàn quốc', en: 'National report', value: (r) => yesNo(r.national) },
  { key: 'requestId', vi: 'Mã yêu cầu', en: 'Request id', value: (r) => r.requestId },
];
