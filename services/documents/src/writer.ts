import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { FontFiles } from './fonts.js';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = { top: 50, bottom: 50, left: 70, right: 50 };
const BLACK = rgb(0, 0, 0);

export interface TextStyle {
  size?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Left edge and width of the box the text wraps in (defaults: the page's text column). */
  x?: number;
  width?: number;
}

export interface Column {
  title: string;
  /** Share of the table's width. */
  weight: number;
  align?: 'left' | 'center';
}

/**
 * A page-flowing writer over pdf-lib: wrapped lines, tables whose rows break onto a new page,
 * and blocks side by side. Everything a form prints goes through `text`, which normalises to NFC
 * so each Vietnamese letter is one precomposed glyph of the embedded font.
 */
export class FormWriter {
  page: PDFPage;
  y: number;
  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly size: [number, number],
  ) {
    this.page = doc.addPage(size);
    this.y = size[1] - MARGIN.top;
  }

  static async create(fonts: FontFiles, opts: { landscape?: boolean; title: string }): Promise<FormWriter> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const [regular, bold] = await Promise.all([doc.embedFont(fonts.regular, { subset: true }), doc.embedFont(fonts.bold, { subset: true })]);
    doc.setTitle(opts.title.normalize('NFC'));
    doc.setLanguage('vi-VN');
    doc.setProducer('Hệ thống một cửa điện tử');
    doc.setCreator('Hệ thống một cửa điện tử');
    return new FormWriter(doc, regular, bold, opts.landscape ? [A4[1], A4[0]] : A4);
  }

  get left() {
    return MARGIN.left;
  }
  get width() {
    return this.size[0] - MARGIN.left - MARGIN.right;
  }

  newPage() {
    this.page = this.doc.addPage(this.size);
    this.y = this.size[1] - MARGIN.top;
  }

  /** Starts a new page unless `height` still fits above the bottom margin. */
  ensure(height: number) {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  gap(height = 6) {
    this.y -= height;
  }

  /** The lines `text` takes in a box of `width`, breaking at spaces (or inside a word too long for a line). */
  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    const font = style.bold ? this.bold : this.regular;
    const size = style.size ?? 11;
    const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
    const lines: string[] = [];
    for (const paragraph of text.normalize('NFC').split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (fits(candidate)) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        line = word;
        while (!fits(line) && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && !fits(line.slice(0, cut))) cut -= 1;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** Writes wrapped text at the cursor and moves the cursor below it. */
  text(text: string, style: TextStyle = {}) {
    const size = style.size ?? 11;
    const x = style.x ?? this.left;
    const width = style.width ?? this.width;
    for (const line of this.wrap(text, width, style)) {
      this.ensure(size * 1.35);
      this.drawLine(line, { ...style, size, x, width }, this.y - size);
      this.y -= size * 1.35;
    }
  }

  private drawLine(line: string, style: Required<Pick<TextStyle, 'size' | 'x' | 'width'>> & TextStyle, baseline: number) {
    const font = style.bold ? this.bold : this.regular;
    const w = font.widthOfTextAtSize(line, style.size);
    const x = style.align === 'center' ? style.x + (style.width - w) / 2 : style.align === 'right' ? style.x + style.width - w : style.x;
    this.page.drawText(line, { x, y: baseline, size: style.size, font, color: BLACK });
  }

  /** Blocks side by side (header, signatures): each a list of lines in its own column; the cursor ends below the tallest. */
  columns(blocks: { lines: { text: string; style?: TextStyle }[]; x: number; width: number }[]) {
    const top = this.y;
    let lowest = top;
    for (const block of blocks) {
      this.y = top;
      for (const { text, style } of block.lines) this.text(text, { align: 'center', ...style, x: block.x, width: block.width });
      lowest = Math.min(lowest, this.y);
    }
    this.y = lowest;
  }

  hline(x: number, width: number, y = this.y) {
    this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness: 0.6, color: BLACK });
  }

  /** A ruled table; the header row repeats on every page the rows run onto. */
  table(columns: Column[], rows: string[][], opts: { size?: number } = {}) {
    const size = opts.size ?? 9.5;
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * this.width);
    const pad = 3;
    const lineHeight = size * 1.3;
    const drawRow = (cells: string[], bold: boolean) => {
      const wrapped = cells.map((cell, i) => this.wrap(cell, widths[i]! - 2 * pad, { size, bold }));
      const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight + 2 * pad;
      if (this.y - height < MARGIN.bottom) {
        this.newPage();
        if (!bold)
          drawRow(
            columns.map((c) => c.title),
            true,
          );
      }
      let x = this.left;
      wrapped.forEach((lines, i) => {
        const align = bold ? 'center' : (columns[i]!.align ?? 'left');
        lines.forEach((line, n) => this.drawLine(line, { size, bold, align, x: x + pad, width: widths[i]! - 2 * pad }, this.y - pad - size - n * lineHeight));
        this.page.drawRectangle({ x, y: this.y - height, width: widths[i]!, height, borderColor: BLACK, borderWidth: 0.6 });
        x += widths[i]!;
      });
      this.y -= height;
    };
    drawRow(
      columns.map((c) => c.title),
      true,
    );
    for (const row of rows) drawRow(row, false);
  }

  /** The finished file. */
  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
