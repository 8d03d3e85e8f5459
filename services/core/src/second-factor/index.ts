export { parseSecondFactorKey, sealSecret, openSecret, type SecondFactorKey } from './secret-box.js';
export { TOTP_PERIOD_SECONDS, TOTP_DIGITS, TOTP_ISSUER, stepAt } from './totp.js';
export { RECOVERY_CODE_COUNT } from './recovery-codes.js';
export { SecondFactorCode, TotpCode } from './codes.js';
export { requiresSecondFactor, secondFactorStep, type SecondFactorStep } from './who-needs.js';
export { startSecondFactorEnrolment, confirmSecondFactorEnrolment } from './enrol.js';
export { verifySecondFactor } from './verify.js';
export { secondFactorStatus } from './status.js';
export { resetMinistryAdminFactor, resetSecondFactor } from './reset.js';
