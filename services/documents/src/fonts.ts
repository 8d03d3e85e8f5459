import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where Debian's fonts-dejavu-core puts the fonts (the default of `PDF_FONT_DIR`). */
export const DEBIAN_DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';

export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

const cache = new Map<string, Promise<FontFiles>>();

/**
 * DejaVu Sans and DejaVu Sans Bold, read once per directory. DejaVu covers every precomposed
 * Vietnamese letter (ă, ơ, ư with each tone mark), which the PDF standard fonts do not; the forms
 * embed only the glyphs they use (subsetting).
 */
export function loadFontFiles(dir: string = DEBIAN_DEJAVU_DIR): Promise<FontFiles> {
  let files = cache.get(dir);
  if (!files) {
    files = Promise.all([readFile(join(dir, 'DejaVuSans.ttf')), readFile(join(dir, 'DejaVuSans-Bold.ttf'))]).then(
      ([regular, bold]) => ({ regular: new Uint8Array(regular), bold: new Uint8Array(bold) }),
      (error: unknown) => {
        cache.delete(dir);
        throw new Error(`DejaVuSans.ttf and DejaVuSans-Bold.ttf are needed in ${dir} (Debian: apt-get install fonts-dejavu-core; or set PDF_FONT_DIR)`, {
          cause: error,
        });
      },
    );
    cache.set(dir, files);
  }
  return files;
}
