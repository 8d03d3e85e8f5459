import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkUpload } from './file-types.js';

const text = (s: string) => new TextEncoder().encode(s);
const join = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const pdf = text(
  '%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
/** What Windows executables start with, as a stand-in for a program glued to a file. */
const executable = join(text('MZ\x90\x00\x03\x00\x00\x00'), new Uint8Array(4096).fill(0x41), text('This program cannot be run in DOS mode.'));

function chunk(type: string, data: Uint8Array): Uint8Array {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.byteLength, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return join(head, data, crc);
}
/** A real 1×1 grey PNG. */
const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
const png = join(
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(Buffer.from([0, 128]))),
  chunk('IEND', new Uint8Array()),
);
const segment = (marker: number, body: number[]) => Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
/** A baseline JPEG's segment structure: SOI, APP0, SOF0, SOS, scan data, EOI. */
const jpeg = join(
  Buffer.from([0xff, 0xd8]),
  segment(0xe0, [...text('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
  segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
  segment(0xda, [1, 1, 0, 0, 0x3f, 0]),
  Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd9]),
);

describe('upload checks parse the structure, not only the first bytes', () => {
  it('accepts a well-formed PDF, PNG and JPEG', async () => {
    expect(await checkUpload('a.pdf', pdf)).toBe('application/pdf');
    expect(await checkUpload('a.png', png)).toBe('image/png');
    expect(await checkUpload('a.jpg', jpeg)).toBe('image/jpeg');
  });

  it.each([
    ['a PDF header followed by an executable', join(text('%PDF-1.7\n'), executable)],
    ['a PDF with an executable after its end', join(pdf, executable)],
    ['a PDF header with no document', text('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')],
    ['a PNG with an executable after IEND', join(png, executable)],
    ['a PNG header followed by an executable', join(png.subarray(0, 8), executable)],
    ['a PNG with a damaged chunk', join(png.subarray(0, 20), Buffer.from([0xee]), png.subarray(21))],
    ['a JPEG with an executable after EOI', join(jpeg, executable)],
    ['a JPEG header followed by an executable', join(Buffer.from([0xff, 0xd8, 0xff]), executable)],
  ])('refuses %s', async (_, bytes) => {
    await expect(checkUpload('scan', bytes)).rejects.toMatchObject({
      code: 'invalid',
      userMessage: { vi: 'Tệp "scan" bị hỏng hoặc có nội dung lạ ngoài ' + (_.includes('PDF') ? 'PDF.' : 'ảnh.') },
    });
  });
});
