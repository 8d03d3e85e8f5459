import { create } from 'qrcode';
import { rgb } from 'pdf-lib';
import type { FormWriter } from './writer.js';

/**
 * The lookup QR code drawn as vector squares (no raster image: sharp at any print size), with
 * the quiet zone of four modules the QR standard asks for. Level M survives a smudged receipt.
 */
export function drawQr(w: FormWriter, text: string, opts: { x: number; y: number; size: number }) {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size + 8;
  const cell = opts.size / count;
  w.page.drawRectangle({ x: opts.x, y: opts.y - opts.size, width: opts.size, height: opts.size, color: rgb(1, 1, 1) });
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (!modules.get(row, col)) continue;
      w.page.drawRectangle({ x: opts.x + (col + 4) * cell, y: opts.y - (row + 5) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    }
  }
}
