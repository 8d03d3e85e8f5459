/**
 * The columns of the periodic report on handling administrative procedures, as we read the form
 * attached to Circular 01/2020/TT-VPCP (wording unverified against the gazette): dossiers to handle
 * in the period, split by where they came from, and what became of them by the period's end.
 * They add up: carriedOver + received = toHandle = resolved + inProgressAtEnd + endedWithoutResult.
 */
export interface DossierCounts {
  /** Số hồ sơ nhận giải quyết: carried over plus newly received. */
  toHandle: number;
  /** Tồn kỳ trước chuyển qua: received before the period and still open at its start. */
  carriedOver: number;
  /** Mới tiếp nhận trong kỳ. */
  received: number;
  /** … trực tuyến. */
  receivedOnline: number;
  /** … trực tiếp, bưu chính (and through a proxy). */
  receivedInPersonOrPost: number;
  /** Đã giải quyết trong kỳ: a result in the period, whenever the dossier was received. */
  resolved: number;
  /** … trước hạn: on a civil day before the due date's. */
  resolvedEarly: number;
  /** … đúng hạn: on the due date's civil day (or without a due date). */
  resolvedOnTime: number;
  /** … quá hạn: after the due date's civil day, or ever marked overdue. */
  resolvedLate: number;
  /** Đang giải quyết at the period's end. */
  inProgressAtEnd: number;
  /** … trong hạn. */
  inProgressInTime: number;
  /** … quá hạn: marked overdue, or due, before the period's end (or now, if sooner). */
  inProgressOverdue: number;
  /** Refused at intake, withdrawn or stopped (3, 7, 8) in the period: no result, no longer open. */
  endedWithoutResult: number;
  /**
   * … of which overdue when withdrawn or stopped: an overdue dossier stays overdue in every report
   * (docs/domain/report-rules.md), so ending it without a result does not clear its lateness.
   */
  endedOverdue: number;
  /**
   * Of those to handle, dossiers handed over from another province (liên thông): the province
   * works them and shows them, but the national total counts them once, by the province that
   * received them from the applicant (docs/domain/report-rules.md).
   */
  forOtherProvince: number;
}
