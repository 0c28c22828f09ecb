/**
 * Chinese word segmentation for job search (ADR 0011). jieba segments; PostgreSQL indexes the
 * space-joined tokens with the 'simple' configuration. The dictionary loads once, on first use (~0.4 s).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Loads the dictionary now (start-up, seeding) rather than on the first search. */
export function warmSegmenter(): void {
  segmenter();
}

/** A token worth indexing: starts with a letter or digit; no quotes, spaces or punctuation runs. */
const TOKEN = /^[\p{L}\p{N}][\p{L}\p{N}.+#_-]*$/u;

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Fine-grained tokens (jieba search mode: words and their dictionary sub-words). */
export function searchTokens(text: string): string[] {
  if (!text) return [];
  return segmenter()
    .cutForSearch(normalise(text), true)
    .filter((t) => TOKEN.test(t));
}

export interface IndexDoc {
  title: string;
  description: string;
  skills: string[];
  occupationName: string;
}

/** The `search_tokens` text: the title twice (it weighs double in ts_rank_cd), then the rest. */
export function indexTokens(doc: IndexDoc): string {
  const title = searchTokens(doc.title);
  return [...title, ...title, ...searchTokens(doc.description), ...doc.skills.flatMap(searchTokens), ...searchTokens(doc.occupationName)].join(' ');
}

/**
 * The parts a query word splits into when they cover it exactly (数据分析 → 数据 + 分析), else null.
 * An indexed title such as 大数据分析师 holds 数据 and 分析 but not 数据分析.
 */
function coveringParts(word: string): string[] | null {
  const parts = segmenter()
    .cutForSearch(word, true)
    .filter((p) => p !== word && p.length > 0);
  const chosen: string[] = [];
  let pos = 0;
  while (pos < word.length) {
    const next = parts.filter((p) => word.startsWith(p, pos)).sort((a, b) => b.length - a.length)[0];
    if (!next) return null;
    chosen.push(next);
    pos += next.length;
  }
  return chosen.length > 1 ? chosen : null;
}

export interface ParsedQuery {
  /** The query words (jieba's coarse cut), for highlighting. */
  words: string[];
  /** Every word and sub-word that counts as a hit, for highlighting. */
  terms: string[];
  /** tsquery text for to_tsquery('simple', $1): every lexeme quoted; never interpolated into SQL. */
  tsquery: string | null;
}

function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Each word must match, either whole or as all of its parts: ('数据分析' | '数据' & '分析') & '工程师'. */
export function parseQuery(q: string): ParsedQuery {
  const words = [
    ...new Set(
      segmenter()
        .cut(normalise(q), true)
        .filter((t) => TOKEN.test(t)),
    ),
  ];
  const terms = new Set<string>(words);
  const clauses = words.map((w) => {
    const parts = coveringParts(w);
    if (!parts) return quote(w);
    for (const p of parts) terms.add(p);
    return `(${quote(w)} | (${parts.map(quote).join(' & ')}))`;
  });
  return { words, terms: [...terms], tsquery: clauses.length > 0 ? clauses.join(' & ') : null };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** `text` HTML-escaped, with <mark>…</mark> around every occurrence of a term (case-insensitive). */
export function highlight(text: string, terms: readonly string[]): string {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) ranges.push([at, at + term.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  let out = '';
  let pos = 0;
  for (const [start, end] of merged) {
    out += `${escapeHtml(text.slice(pos, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    pos = end;
  }
  return out + escapeHtml(text.slice(pos));
}
