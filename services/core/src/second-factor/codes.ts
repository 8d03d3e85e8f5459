import { conflict, forbidden, invalid, type DomainError } from '@gov/domain';
import * as v from 'valibot';

/** Six digits from the app, or a recovery code (16 letters and digits, dashes and spaces allowed). */
export const SecondFactorCode = v.object({
  code: v.pipe(v.string(), v.trim(), v.minLength(1, 'Nhập mã xác thực'), v.maxLength(40, 'Mã xác thực quá dài')),
});
export type SecondFactorCode = v.InferOutput<typeof SecondFactorCode>;

/** Enrolment is confirmed with a code from the app only. */
export const TotpCode = v.object({
  code: v.pipe(v.string(), v.trim(), v.regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số')),
});
export type TotpCode = v.InferOutput<typeof TotpCode>;

type CodeProblem = 'wrong' | 'reused';

const MESSAGES: Record<CodeProblem, { vi: string; en: string }> = {
  wrong: { vi: 'Mã xác thực không đúng.', en: 'The code is wrong.' },
  reused: {
    vi: 'Mã này đã được dùng. Hãy chờ mã tiếp theo trên ứng dụng xác thực.',
    en: 'This code has already been used. Wait for the next code in your authenticator app.',
  },
};

/** 400 with the reason in `details`, in the shape of the one-time codes' errors. */
export const secondFactorCodeError = (problem: CodeProblem): DomainError =>
  invalid(MESSAGES[problem], { reason: problem, fields: [{ path: 'code', problem: MESSAGES[problem].vi }] });

export const notAnAdmin = () =>
  forbidden({
    vi: 'Xác thực hai lớp chỉ dành cho tài khoản quản trị.',
    en: 'The second factor is for administrator accounts only.',
  });

export const alreadyEnrolled = () =>
  conflict({
    vi: 'Tài khoản đã đăng ký ứng dụng xác thực. Để đăng ký lại, hãy nhờ quản trị cấp trên đặt lại xác thực hai lớp.',
    en: 'An authenticator is already enrolled. To enrol again, ask the administrator above you to reset the second factor.',
  });

export const notEnrolled = () =>
  conflict({
    vi: 'Tài khoản chưa đăng ký ứng dụng xác thực.',
    en: 'No authenticator is enrolled for this account.',
  });
