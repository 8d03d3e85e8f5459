import { crc32 } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';

/**
 * Structure checks behind the magic-number sniff: a file must parse as what its first bytes
 * claim, end where that format ends, and carry nothing after. A PDF header glued onto an
 * executable, or an image with a script appended, is refused rather than stored and served.
 */

/** A PDF pdf-lib can open, with at least one page, whose last `%%EOF` is at the end. */
export async function isWellFormedPdf(bytes: Uint8Array): Promise<boolean> {
  // Readers accept `%%EOF` within the last 1 KB; anything longer after it is not part of the PDF.
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.byteLength - 1024)));
  if (!tail.includes('%%EOF')) return false;
  try {
    const document = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
    return document.getPageCount() > 0;
  } catch {
    return false;
  }
}

/** PNG: signature, IHDR first, every chunk's length and CRC right, IEND as the very last bytes. */
export function isWellFormedPng(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let first = true;
  while (at + 12 <= bytes.byteLength) {
    const length = view.getUint32(at);
    const end = at + 12 + length;
    if (end > bytes.byteLength) return false;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (first && type !== 'IHDR') return false;
    first = false;
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return false;
    if (type === 'IEND') return end === bytes.byteLength;
    at = end;
  }
  return false;
}

/**
 * JPEG: SOI, marker segments with consistent lengths up to a frame header (SOF) and the scan
 * (SOS), then entropy-coded data ending in EOI as the very last bytes (trailing zero padding,
 * which some scanners write, is tolerated).
 */
export function isWellFormedJpeg(bytes: Uint8Array): boolean {
  let at = 2;
  let frame = false;
  while (at + 4 <= bytes.byteLength) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) return false;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2 || at + 2 + length > bytes.byteLength) return false;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) frame = true;
    at += 2 + length;
    if (marker === 0xda) return frame && endsWithEoi(bytes, at);
  }
  return false;
}

function endsWithEoi(bytes: Uint8Array, scanStart: number): boolean {
  let end = bytes.byteLength;
  while (end > scanStart && bytes[end - 1] === 0x00) end -= 1;
  return end - 2 >= scanStart && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
}
