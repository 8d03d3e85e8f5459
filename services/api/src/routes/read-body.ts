import { invalid, tooLarge, type Message } from '@gov/domain';
import type { HonoRequest, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';

/** A body the client sent that does not parse is the client's fault: 400, never 500. */
export async function readJson(req: HonoRequest): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw invalid({ vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The body is not valid JSON.' });
  }
}

/** Multipart form data, every value of each field; a malformed form is a 400. */
export async function readForm(req: HonoRequest): Promise<Record<string, string | File | (string | File)[]>> {
  try {
    return await req.parseBody({ all: true });
  } catch {
    throw invalid({ vi: 'Biểu mẫu gửi lên (multipart) không đọc được.', en: 'The multipart form could not be read.' });
  }
}

/** How much of a refused body is read and discarded so that the client sees the answer. */
const DRAIN_CAP = 256 * 1024 * 1024;

/**
 * Reads and discards what the client still sends, so that the 413 reaches it: answering while
 * the client is writing and closing the socket makes many clients report a broken connection
 * instead of the answer (the Node adapter itself drains only 64 MB or 500 ms after answering).
 * Past `cap` bytes the rest is not worth reading and the socket may close.
 */
async function drain(body: ReadableStream<Uint8Array>, alreadyRead: number, cap: number): Promise<void> {
  const reader = body.getReader();
  let read = alreadyRead;
  while (read <= cap) {
    const { done, value } = await reader.read();
    if (done) return;
    read += value.byteLength;
  }
  await reader.cancel();
}

/**
 * Refuses a body over `maxSize` with 413 after draining it (see `drain`), by declared length or,
 * for a chunked body, by counting; an accepted chunked body is handed on in memory.
 */
export function limitBody(maxSize: number, message: Message): MiddlewareHandler<AppEnv> {
  const cap = maxSize + DRAIN_CAP;
  return async (c, next) => {
    const body: ReadableStream<Uint8Array> | null = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header('Content-Length');
    if (declared !== undefined && !c.req.raw.headers.has('Transfer-Encoding')) {
      if (Number(declared) <= maxSize) return next();
      await drain(body, 0, cap);
      throw tooLarge(message);
    }
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxSize) {
        reader.releaseLock();
        await drain(body, size, cap);
        throw tooLarge(message);
      }
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks) });
    return next();
  };
}
