import { deriveOneTimeCode, INVITATION_LIFETIME_HOURS, type Sql } from '@gov/db';
import { deliverOnce, sentChannels } from '../activities/notifications/deliveries.js';
import { loadSender, platformSender } from '../activities/notifications/senders.js';
import { sendSms, type Transports } from '../activities/notifications/transports.js';

export interface AccountMessageOptions {
  /** The same secret as the API's ACCOUNT_CODE_SECRET: the code is derived, never stored. */
  codeSecret: string;
  /** Where people open the platform, for the link in emails. */
  publicUrl: string;
}

const MAX_ATTEMPTS = 20;
const BATCH = 20;

type Purpose = 'verify_contact' | 'reset_password' | 'invitation';
interface Row {
  id: string;
  codeId: string;
  attempts: number;
  purpose: Purpose;
  channel: 'email' | 'sms';
  destination: string;
  login: string;
  /** An officer's home province, which sends and pays for their messages; null for citizens (the platform). */
  tenantId: string | null;
  expired: boolean;
}

/**
 * The words of each code message, Vietnamese (the audience). Besides the code, only the login goes
 * out, to the contact of that same account: an invited officer needs it to sign in. The code
 * comes first in every message, so a reader (or a test) finds it before any digits of the login. It also
 * rides in the link's fragment (after #), which browsers never send to a server or its logs.
 */
function render(purpose: Purpose, code: string, login: string, publicUrl: string): { subject: string; text: string; sms: string } {
  const who = encodeURIComponent(login);
  const page = {
    verify_contact: `${publicUrl}/verify`,
    reset_password: `${publicUrl}/reset-password?login=${who}`,
    invitation: `${publicUrl}/invitation?login=${who}#code=${code}`,
  }[purpose];
  const what = { verify_contact: 'xác thực tài khoản', reset_password: 'đặt lại mật khẩu', invitation: 'kích hoạt tài khoản cán bộ (đặt mật khẩu lần đầu)' }[
    purpose
  ];
  const lifetime = purpose === 'invitation' ? `${INVITATION_LIFETIME_HOURS} giờ` : '15 phút';
  const line = `Mã ${what} của bạn là ${code}, có hiệu lực ${lifetime}. Không chia sẻ mã này với bất kỳ ai.`;
  const account = purpose === 'verify_contact' ? '' : `\n\nTên đăng nhập: ${login}`;
  return {
    subject: `Mã ${what} — Hệ thống một cửa điện tử`,
    text: `${line}${account}\n\n${purpose === 'invitation' ? 'Mở liên kết để đặt mật khẩu' : 'Nhập mã tại'}: ${page}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này.`,
    sms: `MOT CUA: ${line}${purpose === 'verify_contact' ? '' : ` Ten dang nhap: ${login}.`}`,
  };
}

/**
 * Delivers account messages (one-time codes) from `account_outbox`: claimed with SKIP LOCKED like
 * the tenant outbox, the code derived again from the code row's id, sent by email or SMS from the
 * officer's province (its sender, its usage) or from the platform for citizens. A code
 * that expired or was used before it could be sent is stamped done without sending.
 */
export async function drainAccountOutbox(deps: {
  sql: Sql;
  transports: Transports;
  options: AccountMessageOptions;
  onError?: (error: unknown, id: string) => void;
}): Promise<number> {
  return deps.sql.begin(async (tx) => {
    const rows = await tx<Row[]>`
      select a.id, a.code_id as "codeId", a.attempts, c.purpose, c.channel, c.destination, u.login, u.home_tenant_id as "tenantId",
             (c.used_at is not null or c.expires_at <= now()) as expired
      from account_outbox a join one_time_codes c on c.id = a.code_id join users u on u.id = c.user_id
      where a.dispatched_at is null and a.attempts < ${MAX_ATTEMPTS}
        and a.created_at + make_interval(secs => 5 * a.attempts * a.attempts) <= now()
      order by a.created_at limit ${BATCH}
      for update of a skip locked`;
    for (const row of rows) {
      try {
        if (!row.expired) await send(deps, row);
        await tx`update account_outbox set dispatched_at = now(), attempts = attempts + 1 where id = ${row.id}`;
      } catch (error) {
        deps.onError?.(error, row.id);
        await tx`update account_outbox set attempts = attempts + 1 where id = ${row.id}`;
      }
    }
    return rows.length;
  });
}

async function send(deps: { sql: Sql; transports: Transports; options: AccountMessageOptions }, row: Row): Promise<void> {
  const { sql, transports } = deps;
  const sender = row.tenantId ? await loadSender(sql, row.tenantId, transports) : platformSender(transports);
  const once = { sql, tenantId: row.tenantId, sent: row.tenantId ? await sentChannels(sql, row.tenantId, row.id) : new Set<never>() };
  const message = render(row.purpose, deriveOneTimeCode(deps.options.codeSecret, row.codeId), row.login, deps.options.publicUrl);
  const id = `${row.id}@motcua.local`;
  if (row.channel === 'email') {
    await deliverOnce(once, row.id, 'email', () =>
      transports.mail.sendMail({ to: row.destination, from: sender.mailFrom, subject: message.subject, text: message.text, messageId: `<${id}>` }),
    );
  } else {
    await deliverOnce(once, row.id, 'sms', () => sendSms(transports.smsUrl, { id, to: row.destination, text: message.sms, brandname: sender.smsBrandname }));
  }
}
