import { addVietnamMonths, vietnamYear, vietnamYearStart } from '@gov/calendar';
import * as v from 'valibot';

/**
 * Archive and retention of closed dossiers (docs/domain/archive-and-retention.md). Pure: the
 * archive run, the API and the tests share these rules.
 */

/**
 * The retention periods (thời hạn bảo quản) a procedure's dossiers may be given, in years. A
 * procedure without one keeps its dossiers permanently (vĩnh viễn): never deleted, so a catalog
 * entry nobody classified fails safe.
 */
export const RETENTION_YEARS = [5, 10, 20, 70] as const;
export type RetentionYears = (typeof RETENTION_YEARS)[number];
export const RetentionYears = v.picklist(RETENTION_YEARS, 'thời hạn bảo quản phải là 5, 10, 20 hoặc 70 năm (bỏ trống: vĩnh viễn)');

/** The province's archive period: months after closing before a dossier moves to archive storage. */
export const ARCHIVE_AFTER_MONTHS = { min: 1, max: 120, default: 12 } as const;
const RANGE = `số tháng từ ${ARCHIVE_AFTER_MONTHS.min} đến ${ARCHIVE_AFTER_MONTHS.max}`;
export const ArchiveAfterMonths = v.pipe(
  v.number(RANGE),
  v.integer(RANGE),
  v.minValue(ARCHIVE_AFTER_MONTHS.min, RANGE),
  v.maxValue(ARCHIVE_AFTER_MONTHS.max, RANGE),
);

/** When a dossier closed at `closedAt` is due for archive storage. */
export function archiveDueAt(closedAt: Date, archiveAfterMonths: number): Date {
  return addVietnamMonths(closedAt, archiveAfterMonths);
}

/** Dossiers closed at or before this instant are due for archive storage as of `asOf`. */
export function archiveCutoff(asOf: Date, archiveAfterMonths: number): Date {
  return addVietnamMonths(asOf, -archiveAfterMonths);
}

/**
 * The first instant a dossier may be deleted: retention counts in whole years from the year its
 * work ended (the year it closed, Vietnam time), so a dossier closed in 2020 with 5 years is kept
 * through 2025 and may go from 1 January 2026. Null for permanent retention: never.
 */
export function retentionEndsAt(closedAt: Date, retentionYears: RetentionYears | null): Date | null {
  return retentionYears === null ? null : vietnamYearStart(vietnamYear(closedAt) + retentionYears + 1);
}

/** Dossiers of a `retentionYears` procedure closed before this instant have expired as of `asOf`. */
export function retentionCutoff(asOf: Date, retentionYears: RetentionYears): Date {
  return vietnamYearStart(vietnamYear(asOf) - retentionYears);
}

export interface RetainedDossier {
  closedAt: Date | null;
  archivedAt: Date | null;
  retentionYears: RetentionYears | null;
}

/**
 * Whether the deletion run may delete the dossier as of `asOf`: closed, already in archive
 * storage (deletion never skips the archive), not permanent, and its retention has ended.
 */
export function mayDelete(d: RetainedDossier, asOf: Date): boolean {
  if (!d.closedAt || !d.archivedAt) return false;
  const ends = retentionEndsAt(d.closedAt, d.retentionYears);
  return ends !== null && ends.getTime() <= asOf.getTime();
}
