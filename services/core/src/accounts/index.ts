export { type AccountKeys, citizenIdDigest } from './keys.js';
export { signUpCitizen, SignUpCitizen, CODE_SENT } from './sign-up-citizen.js';
export { verifyContact, VerifyContact } from './verify-contact.js';
export { resendVerifyCode, ResendVerifyCode } from './resend-verify-code.js';
export { requestPasswordReset, RequestPasswordReset } from './request-password-reset.js';
export { resetPasswordWithCode, ResetPasswordWithCode } from './reset-password-with-code.js';
export { assertVerifiedCitizen } from './assert-verified-citizen.js';
export { issueCode, type Contact, type CodePurpose } from './issue-code.js';
export { officerContact } from './find-account.js';
