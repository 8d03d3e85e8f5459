export {
  DomainError,
  invalid,
  forbidden,
  notFound,
  conflict,
  preconditionFailed,
  preconditionRequired,
  unauthenticated,
  tooLarge,
  unsupportedMediaType,
  passwordChangeRequired,
  secondFactorRequired,
  rateLimited,
  upstreamUnavailable,
  type ErrorCode,
  type Message,
} from './errors.js';
export { TENANT_ROLES, PLATFORM_ROLES, TenantRole, PlatformRole, ROLE_LABELS, MAX_PROVINCE_ADMINS, type Role } from './roles.js';
export { pathOfNulText, refuseNulText } from './nul-text.js';
export { NATIONAL_STATUS, type NationalStatus } from './national-status.js';
export {
  STEP_KINDS,
  StepKind,
  HandOver,
  BranchCondition,
  StepNext,
  BRANCH_LIMITS,
  ProcessStep,
  ConsultedUnit,
  StepConsultation,
  StatutoryTime,
  ProcessSnapshot,
  STEP_NATIONAL_STATUSES,
  stepStatusProblem,
} from './process.js';
export {
  branchTargets,
  successors,
  conditionHolds,
  nextStep,
  stepOutcomes,
  isBranching,
  type FormValue,
  type FormData,
  type BranchTaken,
} from './process-graph.js';
export { graphProblems, longestPath, handOverSegmentSteps, type GraphProblem } from './process-graph-validation.js';
export { createAppAbility, type AppAbility, type AppAction, type AppSubject, type AppRule } from './ability.js';
export { ACTION_WORDS, SUBJECT_WORDS, refusalMessage } from './ability-words.js';
export { TENANT_ROLE_PERMISSIONS, PLATFORM_ROLE_PERMISSIONS, NEVER_DELEGATED, type Permission } from './permissions.js';
export * from './dossier/index.js';
export * from './catalog/index.js';
export {
  WORKING_HOURS_PER_DAY,
  statutoryWorkingHours,
  describeWorkingHours,
  validateProcessDesign,
  type ProcessDesignContext,
  type DesignProblem,
} from './process-validation.js';
export { chainLinkProblem, interProvinceSegments, MAX_HAND_OVER_LINKS, type InterProvinceSegment, type OtherProvinceUnits } from './process-hand-over.js';
export { consultationProblems, consultedTenants, type ConsultationDesign } from './process-consultation.js';
export { competentUnitFor, routeSnapshot, type IntakeRoutingRule } from './jurisdiction-free.js';
export {
  agreementFor,
  agreementProblems,
  NO_AGREEMENT,
  type AgreementProblem,
  type AgreementStatus,
  type AgreementTerms,
  type HandOverLink,
} from './hand-over-agreement.js';
export type { DossierCounts } from './report-counts.js';
export { accountAuthority, type AccountAct, type AccountStanding, type ActorStanding, type AdminGrant, type AuthorityVerdict } from './account-authority.js';
export { UNIT_CONTACT_FIELDS, UnitContact } from './unit-contact.js';
export {
  vietQrPayload,
  crc16CcittFalse,
  transferReference,
  parseBeneficiaryAccount,
  looksLikeBeneficiaryAccount,
  MAX_REFERENCE_LENGTH,
  type Beneficiary,
  type VietQrInput,
} from './payment/vietqr.js';
export { OnlinePaymentConfirmation } from './payment/online-payment.js';
export { formatOrderRef, parseOrderRef, type OrderRef } from './payment/order-ref.js';
export { comparePayments, type PaymentDifference, type ReconciledPayment } from './payment/reconcile.js';
export { NOTIFICATION_CHANNELS, NotificationChannel, NotificationPreference, NotificationSender } from './notifications.js';
export * from './index766/index.js';
export {
  ARCHIVE_AFTER_MONTHS,
  ArchiveAfterMonths,
  archiveCutoff,
  archiveDueAt,
  mayDelete,
  RETENTION_YEARS,
  RetentionYears,
  retentionCutoff,
  retentionEndsAt,
  type RetainedDossier,
} from './archive.js';
