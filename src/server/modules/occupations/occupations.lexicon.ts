/**
 * Hand-written lexicon of everyday job-title words → 职业分类大典 2022 细类 codes, kept as data in
 * data/classifier/lexicon.txt (one edit there changes the classifier; no code change).
 *
 * Written from general knowledge of Chinese job postings (how employers actually name jobs: 普工, 文员,
 * Java开发, 宝妈兼职 …), never from evaluation data. Each line is `alias alias … = code[,code…][*weight]`:
 * the first code is the intended answer, later codes are plausible alternatives (scored a little lower, so
 * they show up as candidates). Aliases are lower-case, matched as substrings of the cleaned title; a longer
 * alias that covers a shorter one wins (前端开发 beats 开发). Every code is checked against the loaded
 * taxonomy when the classifier is built; an unknown code is an error, so codes are never invented.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const LEXICON_FILE = path.resolve(import.meta.dirname, '../../../../data/classifier/lexicon.txt');

/** The lexicon's text, read once. */
let text: string | undefined;
export function lexiconText(): string {
  text ??= readFileSync(LEXICON_FILE, 'utf8');
  return text;
}

export interface LexiconEntry {
  alias: string;
  codes: string[];
  weight: number;
}

/** Parses the lexicon text; a `(…)` note inside an alias is dropped (机修工(汽车) → 机修工). */
export function parseLexicon(source: string = lexiconText()): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.lastIndexOf('=');
    if (eq < 0) throw new Error(`lexicon line without '=': ${line}`);
    const [codePart = '', weightPart] = line
      .slice(eq + 1)
      .trim()
      .split('*');
    const codes = codePart.split(',').map((c) => c.trim());
    const weight = weightPart ? Number(weightPart) : 1;
    for (const a of line.slice(0, eq).trim().split(/\s+/)) {
      const alias = a.replace(/\(.*?\)/g, '').toLowerCase();
      if (alias) out.push({ alias, codes, weight });
    }
  }
  return out;
}
