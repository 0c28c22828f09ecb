/**
 * A small PDF reader for tests (no poppler): objects, inflated streams, the fonts with their ToUnicode
 * maps, and the text drawn by Tj / TJ decoded through those maps. Enough for pdfkit's output (Identity-H
 * CID fonts, FlateDecode streams); not a general PDF parser.
 */
import { inflateSync } from 'node:zlib';

export interface PdfObject {
  id: number;
  dict: string;
  stream: Buffer | null;
}

export interface PdfFont {
  id: number;
  baseFont: string;
  subtype: string;
  toUnicode: Map<number, string>;
}

export function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2] ?? '';
    const at = body.search(/stream\r?\n/);
    let stream: Buffer | null = null;
    let dict = body;
    if (at >= 0) {
      dict = body.slice(0, at);
      const start = body.indexOf('\n', at) + 1;
      const end = body.lastIndexOf('endstream');
      const raw = Buffer.from(body.slice(start, end).replace(/\r?\n$/, ''), 'latin1');
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    out.set(Number(m[1]), { id: Number(m[1]), dict, stream });
  }
  return out;
}

const utf16 = (hex: string) => {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(Number.parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
};

/** bfchar and bfrange entries of a ToUnicode CMap. */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(Number.parseInt(src ?? '', 16), utf16(dst ?? ''));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = Number.parseInt(lo ?? '', 16);
      const to = Number.parseInt(hi ?? '', 16);
      if (rest?.startsWith('[')) {
        [...rest.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => {
          map.set(from + i, utf16(d[1] ?? ''));
        });
      } else {
        const base = Number.parseInt((rest ?? '').slice(1, -1), 16);
        for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(base + c - from));
      }
    }
  }
  return map;
}

const ref = (dict: string, key: string) => {
  const m = dict.match(new RegExp(`/${key}\\s+(\\d+) 0 R`));
  return m ? Number(m[1]) : null;
};

export function pdfFonts(objects: Map<number, PdfObject>): PdfFont[] {
  const fonts: PdfFont[] = [];
  for (const o of objects.values()) {
    if (!/\/Type\s*\/Font\b/.test(o.dict) || !/\/Subtype\s*\/Type0/.test(o.dict)) continue;
    const cmapId = ref(o.dict, 'ToUnicode');
    const cmap = cmapId === null ? null : objects.get(cmapId)?.stream;
    const descendants = o.dict.match(/\/DescendantFonts\s*\[\s*(\d+) 0 R/);
    const descendant = descendants ? objects.get(Number(descendants[1])) : undefined;
    fonts.push({
      id: o.id,
      baseFont: o.dict.match(/\/BaseFont\s*\/([^\s/<>[\]]+)/)?.[1] ?? '',
      subtype: descendant?.dict.match(/\/Subtype\s*\/(\w+)/)?.[1] ?? '',
      toUnicode: cmap ? parseToUnicode(cmap.toString('latin1')) : new Map(),
    });
  }
  return fonts;
}

/** The text of every page, one line per Tj / TJ, decoded through the fonts' ToUnicode maps. */
export function pdfText(pdf: Buffer): string {
  const objects = pdfObjects(pdf);
  const fontsById = new Map(pdfFonts(objects).map((f) => [f.id, f]));
  const byName = new Map<string, PdfFont>();
  for (const o of objects.values()) {
    for (const [, name, id] of o.dict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
      const font = fontsById.get(Number(id));
      if (font && name) byName.set(name, font);
    }
  }
  const lines: string[] = [];
  const contentIds = [...objects.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict)).map((o) => ref(o.dict, 'Contents'));
  for (const id of contentIds) {
    const content = id === null ? undefined : objects.get(id)?.stream?.toString('latin1');
    if (!content) continue;
    let font: PdfFont | undefined;
    for (const m of content.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|(\[(?:[^\]]*)\])\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (m[1]) {
        font = byName.get(m[1]);
        continue;
      }
      const hexes = m[2] ? [...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1] ?? '') : [m[3] ?? ''];
      let line = '';
      for (const hex of hexes) for (let i = 0; i + 4 <= hex.length; i += 4) line += font?.toUnicode.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
      lines.push(line);
    }
  }
  return lines.join('\n');
}
