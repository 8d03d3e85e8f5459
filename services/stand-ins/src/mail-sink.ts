import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  /** The From header as sent (name and address), so a province's own sender can be checked. */
  from: string;
  subject: string;
  text: string;
  messageId: string;
}

/**
 * RFC 2047 encoded words (`=?UTF-8?B?…?=` / `?Q?`) as nodemailer writes Vietnamese subjects and
 * sender names. Only the space between two encoded words is dropped, so `Name <address>` keeps its.
 */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=(?:\s+(?==\?utf-8\?))?/gi, (_m, kind: string, data: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replaceAll('_', ' ')),
  );
}

function decodeQuotedPrintable(value: string): string {
  const bytes = value.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Just enough MIME for the single-part text messages the notifier sends. */
export function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) =>
    head
      .split('\r\n')
      .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      ?.slice(name.length + 1)
      .trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  return {
    to,
    from: decodeWords(header('From')),
    subject: decodeWords(header('Subject')),
    text: text.replace(/\r\n/g, '\n').trim(),
    messageId: header('Message-ID'),
  };
}

/** `fail`: the server answers every message with a temporary failure (451), as a relay under trouble. */
export type MailMode = 'ok' | 'fail';

/**
 * A real SMTP server on localhost that keeps what it receives: tests assert on it, and
 * `npm start` prints each message, so notifications are visible without a mail provider.
 */
export async function startMailSink(args: { port: number; host?: string; onMail?: (mail: ReceivedMail) => void; mode?: () => MailMode }) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      if (args.mode?.() === 'fail') {
        stream.resume();
        return stream.on('end', () => callback(Object.assign(new Error('Tạm thời không nhận thư (stand-in set to fail)'), { responseCode: 451 })));
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = parseMail(
          Buffer.concat(chunks).toString('latin1'),
          session.envelope.rcptTo.map((r) => r.address),
        );
        received.push(mail);
        args.onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port, args.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : args.port;
  return { port, url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
