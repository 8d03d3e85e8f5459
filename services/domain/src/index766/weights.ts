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

/** What the pages and the downloads call each component, Vietnamese first. */
export const INDEX_766_COMPONENT_NAMES: Record<Index766Component, { vi: string; en: string }> = {
  transparency: { vi: 'Công khai, minh bạch', en: 'Transparency' },
  timeliness: { vi: 'Tiến độ giải quyết', en: 'Timeliness' },
  digitisation: { vi: 'Số hóa hồ sơ', en: 'Digitisation' },
  onlineService: { vi: 'Dịch vụ công trực tuyến', en: 'Online service' },
  satisfaction: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
};

/** What the pages and the downloads call each criterion, Vietnamese first. */
export const INDEX_766_CRITERION_NAMES: Record<Index766Criterion, { vi: string; en: string }> = {
  proceduresPublished: { vi: 'Thủ tục được công khai', en: 'Procedures published' },
  portalSync: { vi: 'Đồng bộ Cổng DVC quốc gia', en: 'Synced to the national portal' },
  resolvedInTime: { vi: 'Giải quyết trước hạn, đúng hạn', en: 'Resolved early or on time' },
  timeUsed: { vi: 'Thời gian giải quyết', en: 'Processing time' },
  digitisedDossiers: { vi: 'Số hóa hồ sơ tiếp nhận', en: 'Dossiers digitised' },
  digitisedResults: { vi: 'Số hóa kết quả', en: 'Results digitised' },
  onlineSubmission: { vi: 'Nộp trực tuyến', en: 'Filed online' },
  fullOnline: { vi: 'Trực tuyến toàn trình', en: 'Full online' },
  onlinePayment: { vi: 'Thanh toán trực tuyến', en: 'Paid online' },
  surveyOverall: { vi: 'Khảo sát hài lòng', en: 'Satisfaction survey' },
  feedbackOnTime: { vi: 'Trả lời phản ánh đúng hạn', en: 'Feedback answered on time' },
};
