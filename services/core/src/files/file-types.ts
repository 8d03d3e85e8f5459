import { invalid } from '@gov/domain';
import { isWellFormedJpeg, isWellFormedPdf, isWellFormedPng } from './file-structure.js';

/** 10 MB per file: enough for a scanned multi-page PDF at 200 dpi, small enough to hold in memory. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type AllowedContentType = 'application/pdf' | 'image/jpeg' | 'image/png';

/**
 * The file's real type from its first bytes. The client's declared type is not trusted: a
 * renamed executable or HTML page (stored XSS when served back) must not pass as a scan.
 */
export function sniffContentType(bytes: Uint8Array): AllowedContentType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
}

const WELL_FORMED: Record<AllowedContentType, (bytes: Uint8Array) => boolean | Promise<boolean>> = {
  'application/pdf': isWellFormedPdf,
  'image/jpeg': isWellFormedJpeg,
  'image/png': isWellFormedPng,
};

/** Type, structure and size check of one upload, with a message that names the file. */
export async function checkUpload(fileName: string, bytes: Uint8Array): Promise<AllowedContentType> {
  if (bytes.byteLength === 0) {
    throw invalid({ vi: `Tệp "${fileName}" rỗng.`, en: `File "${fileName}" is empty.` });
  }
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw invalid({ vi: `Tệp "${fileName}" vượt quá 10 MB.`, en: `File "${fileName}" is larger than 10 MB.` });
  }
  const type = sniffContentType(bytes);
  if (!type) {
    throw invalid({ vi: `Tệp "${fileName}" không phải PDF, JPEG hoặc PNG.`, en: `File "${fileName}" is not a PDF, JPEG or PNG.` });
  }
  if (!(await WELL_FORMED[type](bytes))) {
    throw invalid({
      vi: `Tệp "${fileName}" bị hỏng hoặc có nội dung lạ ngoài ${type === 'application/pdf' ? 'PDF' : 'ảnh'}.`,
      en: `File "${fileName}" is damaged or carries content outside the ${type === 'application/pdf' ? 'PDF' : 'image'}.`,
    });
  }
  return type;
}
