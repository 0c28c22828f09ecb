/**
 * Chinese PDF documents with pdfkit (STACK.md §7): A4, the Noto Sans Hans faces of @embedpdf/fonts-sc
 * registered as `cjk` and `cjk-bold` (pdfkit embeds only the glyphs used, as a subset with a ToUnicode
 * map, so the text stays searchable and copyable). The font files are read and parsed once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

export type PdfDoc = PDFKit.PDFDocument;
export const PDF_FONT = { regular: 'cjk', bold: 'cjk-bold' } as const;
/** A4 in points, and the margins every document uses. */
export const A4 = { width: 595.28, height: 841.89, margin: 56 } as const;

const require = createRequire(import.meta.url);
const fonts = new Map<string, FontSource>();

/** `<package>/fonts/NotoSansHans-<weight>.otf`; the subpath is not exported, so it is built from the package entry. */
export function cjkFontPath(weight: 'Regular' | 'Bold' | 'Medium' | 'Light' | 'DemiLight' = 'Regular'): string {
  const entry = require.resolve('@embedpdf/fonts-sc');
  let dir = path.dirname(entry);
  while (!dir.endsWith(`${path.sep}fonts-sc`) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'fonts', `NotoSansHans-${weight}.otf`);
}

type FontSource = Buffer | { layout: (...args: never[]) => unknown };

/**
 * The face, parsed once per process. pdfkit takes a fontkit font object as well as bytes; reusing the
 * parsed font keeps the CFF tables decoded, so later documents subset in a fraction of the first one's
 * time (each document still gets its own subset). fontkit is resolved from pdfkit, whose dependency it is.
 */
function fontSource(weight: 'Regular' | 'Bold'): FontSource {
  let font = fonts.get(weight);
  if (!font) {
    const data = readFileSync(cjkFontPath(weight));
    try {
      const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Buffer): FontSource };
      font = fontkit.create(data);
    } catch {
      font = data;
    }
    fonts.set(weight, font);
  }
  return font;
}

export interface PdfMeta {
  title: string;
  author?: string;
  subject?: string;
}

/** A new A4 document with the Chinese faces registered and selected, pages buffered (for footers). */
export function createPdf(meta: PdfMeta): PdfDoc {
  const doc = new PDFDocument({
    size: 'A4',
    margin: A4.margin,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: meta.title, Author: meta.author ?? '', Subject: meta.subject ?? '', Creator: '赣才 · 江西省数字人才服务平台', Producer: 'pdfkit' },
  });
  // the typings list only paths and bytes; pdfkit's PDFFontFactory.open also accepts a fontkit font
  doc.registerFont(PDF_FONT.regular, fontSource('Regular') as Buffer);
  doc.registerFont(PDF_FONT.bold, fontSource('Bold') as Buffer);
  doc.font(PDF_FONT.regular);
  return doc;
}

/** Writes `text(pageNumber, pageCount)` centred in the bottom margin of every page. */
export function addFooters(doc: PdfDoc, text: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(PDF_FONT.regular)
      .fontSize(8)
      .fillColor('#8c8c8c')
      .text(text(i - range.start + 1, range.count), A4.margin, A4.height - bottom / 2 - 4, {
        width: A4.width - 2 * A4.margin,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/** Ends the document and resolves with its bytes. */
export function pdfBuffer(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987), for Chinese file names. */
export function attachmentDisposition(filename: string, fallback = 'document.pdf'): string {
  const safe = filename.replace(/[\\/:*?"<>|\r\n]+/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}
