/** Pure helpers of the jobs pages: money (分 ↔ 元), salary text, highlight parsing, vetting marks. */
import type { VettingFinding } from './job-types.js';

export const fenToYuan = (fen: number) => Math.round(fen / 100);
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);

/** 8500 → "8,500" (grouped digits in both languages). */
export function yuanText(fen: number): string {
  return fenToYuan(fen).toLocaleString('en-US');
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescapeHtml = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

export interface TextPart {
  text: string;
  marked: boolean;
}

/**
 * Splits the server's highlighted title ("大<mark>数据分析</mark>师", HTML-escaped) into plain text parts,
 * so React renders <mark> elements and escapes everything else itself (no innerHTML).
 */
export function splitHighlight(html: string): TextPart[] {
  const parts: TextPart[] = [];
  const re = /<mark>(.*?)<\/mark>/gs;
  let pos = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m.index > pos) parts.push({ text: unescapeHtml(html.slice(pos, m.index)), marked: false });
    parts.push({ text: unescapeHtml(m[1] ?? ''), marked: true });
    pos = m.index + m[0].length;
  }
  if (pos < html.length) parts.push({ text: unescapeHtml(html.slice(pos)), marked: false });
  return parts;
}

/** `text` cut into parts with the findings' [start, end) ranges marked (overlaps merged). */
export function markFindings(text: string, findings: readonly Pick<VettingFinding, 'start' | 'end'>[]): TextPart[] {
  const ranges = [...findings].filter((f) => f.end > f.start && f.start < text.length).sort((a, b) => a.start - b.start);
  const parts: TextPart[] = [];
  let pos = 0;
  for (const r of ranges) {
    const start = Math.max(r.start, pos);
    const end = Math.min(r.end, text.length);
    if (end <= start) continue;
    if (start > pos) parts.push({ text: text.slice(pos, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    pos = end;
  }
  if (pos < text.length) parts.push({ text: text.slice(pos), marked: false });
  return parts;
}
