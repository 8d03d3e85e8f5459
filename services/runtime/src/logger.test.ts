import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('redacts secrets and citizen identifiers wherever they sit', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', 'test', stream);
    logger.info(
      { password: 'hunter2', body: { citizenId: '001099012345', nested: { phone: '0912345678' } }, headers: { cookie: 's=abc' } },
      'login',
    );
    const line = lines.join('');
    for (const secret of ['hunter2', '001099012345', '0912345678', 's=abc']) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ service: 'test', password: '[redacted]', msg: 'login' });
  });
});
