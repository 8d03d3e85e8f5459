import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

const run = promisify(execFile);
// jsqr is CommonJS with an ES-style default export: Node hands over the function itself.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

export interface ReadBack {
  /** pdftotext's text of every page, layout kept (one line of the form, one line of text). */
  text: string;
  pages: number;
  /** Page 1 rendered by pdftoppm, as PNG bytes. */
  png: Uint8Array;
  /** What a QR reader finds on page 1, or null. */
  qr: string | null;
}

/**
 * Test-only: reads a PDF back the way a person's tools would, with poppler's pdftotext and
 * pdftoppm (Debian's poppler-utils), and jsQR for the printed QR code.
 */
export async function readBack(pdf: Uint8Array): Promise<ReadBack> {
  const dir = await mkdtemp(join(tmpdir(), 'gov-pdf-'));
  try {
    const file = join(dir, 'form.pdf');
    await writeFile(file, pdf);
    const [{ stdout: text }, { stdout: info }] = await Promise.all([run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']), run('pdfinfo', [file])]);
    await run('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
    const png = await readFile(join(dir, 'page.png'));
    const image = PNG.sync.read(png);
    const qr = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height);
    return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0), png: new Uint8Array(png), qr: qr?.data ?? null };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
