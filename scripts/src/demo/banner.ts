import { VNEID_DEMO_IDENTITIES, VNEID_DEMO_PASSWORD } from '@gov/stand-ins';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROCEDURES } from './accounts.js';

/** The demo logins, VNeID identities and open procedures, as `npm start` and `npm run start:cluster` print them. */
export function demoBanner(): string {
  return `  Demo logins (local only), password ${DEMO_PASSWORD}; the admins (Quản trị) enrol an
  authenticator app (TOTP) at their first sign-in and type its code at every sign-in after:
${DEMO_ACCOUNTS.map((a) => `    ${a.login.padEnd(20)} ${a.label}`).join('\n')}

  "Đăng nhập bằng VNeID" (the stand-in), password ${VNEID_DEMO_PASSWORD}, by CCCD number:
${VNEID_DEMO_IDENTITIES.map((i) => `    ${i.citizenId.padEnd(20)} ${i.name} (${i.note})`).join('\n')}

  Procedures open in Hà Nội (Phường Ba Đình receives them):
${DEMO_PROCEDURES.map((p) => `    ${p.code.padEnd(20)} ${p.label}`).join('\n')}
`;
}
