/**
 * The service index of Decision 766/QĐ-TTg (Bộ chỉ số phục vụ người dân, doanh nghiệp) as the
 * platform scores it: five components worth 100 points, each split into the criteria we can
 * measure from our own data. The components and their points are the decision's; the split into
 * criteria and their points is the platform's reading (docs/domain/feedback-and-reports.md).
 */
export const INDEX_766_COMPONENTS = ['transparency', 'timeliness', 'digitisation', 'onlineService', 'satisfaction'] as const;
export type Index766Component = (typeof INDEX_766_COMPONENTS)[number];

export const INDEX_766_CRITERIA = [
  'proceduresPublished',
  'portalSync',
  'resolvedInTime',
  'timeUsed',
  'digitisedDossiers',
  'digitisedResults',
  'onlineSubmission',
  'fullOnline',
  'onlinePayment',
  'surveyOverall',
  'feedbackOnTime',
] as const;
export type Index766Criterion = (typeof INDEX_766_CRITERIA)[number];

/** Points per component, and how they are shared among its criteria (they add up to the component's). */
export const INDEX_766_WEIGHTS: Record<Index766Component, { max: number; criteria: Partial<Record<Index766Criterion, number>> }> = {
  /** Công khai, minh bạch. */
  transparency: { max: 18, criteria: { proceduresPublished: 10, portalSync: 8 } },
  /** Tiến độ giải quyết. */
  timeliness: { max: 20, criteria: { resolvedInTime: 14, timeUsed: 6 } },
  /** Số hóa hồ sơ, kết quả. */
  digitisation: { max: 22, criteria: { digitisedDossiers: 11, digitisedResults: 11 } },
  /** Dịch vụ công trực tuyến (with online payment). */
  onlineService: { max: 22, criteria: { onlineSubmission: 8, fullOnline: 8, onlinePayment: 6 } },
  /** Mức độ hài lòng. */
  satisfaction: { max: 18, criteria: { surveyOverall: 12, feedbackOnTime: 6 } },
};
