/**
 * Job-title classifier: free-text title (and optional description) → 职业分类大典 2022 细类.
 *
 * Pure: built from taxonomy rows (no I/O), classify() is synchronous. Evidence, summed per 细类:
 * 1. phrase matches — the hand-written lexicon (occupations.lexicon.ts), the official names and their
 *    cores (计算机软件工程技术人员 → 计算机软件工程师, 收银员 → 收银), 人社部 new-occupation names and the
 *    skills taxonomy (skill → its cluster's occupation); a longer phrase hides a shorter one inside it;
 * 2. BM25 over character bigrams and jieba words of each 细类's name, its 小类/中类 names and aliases,
 *    for titles no phrase covers;
 * 3. head-noun priors from the title's last word (…工程师 → 工程技术人员, …工 → 生产制造, …老师 → 教学).
 * The hand-written rule tables (skill cluster → 细类, name suffixes, head-noun rules) are in occupations.rules.ts.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { type LexiconEntry, parseLexicon } from './occupations.lexicon.js';
import { makeNormaliser, placeNames, type TitleCleaner } from './occupations.normalise.js';
import { HEAD_RULES, NAME_SUFFIXES, SKILL_CLUSTER_OCCUPATION } from './occupations.rules.js';

export interface TaxonomyOccupation {
  code: string;
  level: number;
  name: string;
  parentCode: string | null;
  status: string;
}

export interface TaxonomySkill {
  nameZh: string;
  nameEn: string;
  clusterId: string;
  aliasesZh: string[];
}

export interface TaxonomyData {
  occupations: TaxonomyOccupation[];
  regionNames: string[];
  skills: TaxonomySkill[];
  /** 人社部 new-occupation announcements: name → current code (null for 工种 without one). */
  announcements: { name: string; occupationCode: string | null }[];
}

export interface Candidate {
  code: string;
  name: string;
  score: number;
}

export interface ClassifyResult {
  code: string | null;
  name: string | null;
  score: number;
  candidates: Candidate[];
  matched: string[];
}

export interface OccupationClassifier {
  classify(title: string, description?: string): ClassifyResult;
  /** The cleaned title, for tests and explanations. */
  clean(title: string): string;
  /** Number of 细类 it can answer. */
  size: number;
}

const CJK = /\p{Script=Han}/u;
const ASCII_WORD = /^[a-z0-9][a-z0-9+#.-]*$/;
const TOKEN = /^[\p{L}\p{N}][\p{L}\p{N}.+#_-]*$/u;

interface PhraseHit {
  code: string;
  weight: number;
  source: string;
}

interface Match {
  start: number;
  end: number;
  alias: string;
  hits: PhraseHit[];
}

function bigrams(word: string): string[] {
  if (!CJK.test(word)) return word.length >= 2 ? [word] : [];
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
  if (word.length === 1) out.push(word);
  return out;
}

let sharedJieba: Jieba | undefined;
function jieba(): Jieba {
  sharedJieba ??= Jieba.withDict(dict);
  return sharedJieba;
}

export function buildClassifier(data: TaxonomyData): OccupationClassifier {
  const byCode = new Map(data.occupations.map((o) => [o.code, o]));
  const leaves = data.occupations.filter((o) => o.level === 4 && !o.status.startsWith('superseded'));
  const leafSet = new Set(leaves.map((l) => l.code));
  const cleanName = (n: string) =>
    n
      .normalize('NFKC')
      .replace(/\(.*?\)/gu, '')
      .toLowerCase();

  // ── phrase dictionary ──
  const phrases = new Map<string, PhraseHit[]>();
  const aliasesOf = new Map<string, string[]>();
  const addPhrase = (alias: string, code: string, weight: number, source: string) => {
    const a = alias.normalize('NFKC').toLowerCase().trim();
    if (a.length < 2 && !(a.length === 1 && CJK.test(a) && source === 'lexicon')) return;
    if (!leafSet.has(code)) throw new Error(`classifier: unknown occupation code ${code} for "${alias}" (${source})`);
    const list = phrases.get(a) ?? [];
    const same = list.find((h) => h.code === code);
    if (same) same.weight = Math.max(same.weight, weight);
    else list.push({ code, weight, source });
    phrases.set(a, list);
    if (source !== 'skill') aliasesOf.set(code, [...(aliasesOf.get(code) ?? []), a]);
  };

  for (const leaf of leaves) {
    const name = cleanName(leaf.name);
    addPhrase(name, leaf.code, 1.4, 'name');
    for (const [re, w] of NAME_SUFFIXES) {
      if (!re.test(name)) continue;
      const core = name.replace(re, '');
      if (core.length >= 2) {
        addPhrase(core, leaf.code, w, 'name');
        if (re.source.startsWith('工程技术')) addPhrase(`${core}工程师`, leaf.code, 1.2, 'name');
      }
      break;
    }
    const last = name.slice(-1);
    if ((last === '师' || last === '员' || last === '工') && name.length >= 4) addPhrase(name.slice(0, -1), leaf.code, 0.8, 'name');
  }
  for (const a of data.announcements) if (a.occupationCode && leafSet.has(a.occupationCode)) addPhrase(a.name, a.occupationCode, 1.2, 'name');
  const lexicon: LexiconEntry[] = parseLexicon();
  for (const e of lexicon) {
    e.codes.forEach((code, i) => {
      addPhrase(e.alias, code, e.weight * (i === 0 ? 1.15 : 0.8 - 0.05 * (i - 1)), 'lexicon');
    });
  }
  for (const s of data.skills) {
    const code = SKILL_CLUSTER_OCCUPATION[s.clusterId];
    if (!code) continue;
    for (const n of [s.nameZh, s.nameEn, ...s.aliasesZh]) {
      const a = n.normalize('NFKC').toLowerCase().trim();
      if (a.length < 3 && !(CJK.test(a) && a.length >= 2)) continue;
      if (!phrases.has(a)) addPhrase(a, code, 0.45, 'skill');
    }
  }
  let maxLen = 0;
  for (const k of phrases.keys()) maxLen = Math.max(maxLen, k.length);

  // ── BM25 index over 细类 documents ──
  const docTerms: Map<string, number>[] = [];
  const docLen: number[] = [];
  const postings = new Map<string, { doc: number; tf: number }[]>();
  const wordsOf = (text: string): string[] =>
    jieba()
      .cut(text, false)
      .filter((t) => TOKEN.test(t) && t.length >= 2);
  leaves.forEach((leaf, doc) => {
    const tf = new Map<string, number>();
    // the residual 不便分类的其他从业人员 is never the nearest name of anything
    if (leaf.code.startsWith('8-')) {
      docTerms.push(tf);
      docLen.push(1);
      return;
    }
    const add = (term: string, w: number) => tf.set(term, (tf.get(term) ?? 0) + w);
    const name = cleanName(leaf.name);
    const small = byCode.get(leaf.parentCode ?? '');
    const mid = small ? byCode.get(small.parentCode ?? '') : undefined;
    for (const g of bigrams(name)) add(g, 2);
    for (const w of wordsOf(name)) add(`w:${w}`, 2);
    if (small) for (const g of bigrams(cleanName(small.name))) add(g, 0.6);
    if (mid) for (const g of bigrams(cleanName(mid.name))) add(g, 0.3);
    for (const a of aliasesOf.get(leaf.code) ?? []) {
      for (const g of bigrams(a)) add(g, 0.8);
      if (ASCII_WORD.test(a)) add(a, 1);
    }
    let len = 0;
    for (const v of tf.values()) len += v;
    docTerms.push(tf);
    docLen.push(len);
    for (const [term, n] of tf) {
      const list = postings.get(term) ?? [];
      list.push({ doc, tf: n });
      postings.set(term, list);
    }
  });
  const avgLen = docLen.reduce((a, b) => a + b, 0) / Math.max(1, docLen.length);
  const idf = new Map<string, number>();
  for (const [term, list] of postings) idf.set(term, Math.log(1 + (leaves.length - list.length + 0.5) / (list.length + 0.5)));

  const cleaner: TitleCleaner = makeNormaliser(placeNames(data.regionNames));

  function findMatches(text: string, longest = maxLen): Match[] {
    const found: Match[] = [];
    for (let i = 0; i < text.length; i++) {
      for (let len = Math.min(longest, text.length - i); len >= 1; len--) {
        const alias = text.slice(i, i + len);
        const hits = phrases.get(alias);
        if (!hits) continue;
        if (ASCII_WORD.test(alias)) {
          const before = text[i - 1] ?? ' ';
          const after = text[i + len] ?? ' ';
          if (/[a-z0-9]/.test(before) || /[a-z0-9]/.test(after)) continue;
        }
        found.push({ start: i, end: i + len, alias, hits });
      }
    }
    // a phrase inside a longer matched phrase does not count on its own (前端开发 hides 开发)
    found.sort((a, b) => b.end - b.start - (a.end - a.start));
    const kept: Match[] = [];
    for (const m of found) {
      if (kept.some((k) => k.start <= m.start && k.end >= m.end && k.end - k.start > m.end - m.start)) continue;
      kept.push(m);
    }
    return kept;
  }

  function bm25(text: string, scores: Float64Array, factor: number, withWords: boolean): void {
    const terms = new Set<string>();
    for (const word of text.split(' ')) {
      for (const g of bigrams(word)) terms.add(g);
      if (ASCII_WORD.test(word)) terms.add(word);
    }
    // jieba words only on the fallback path (no phrase matched): it is the slowest step
    if (withWords) for (const w of wordsOf(text)) terms.add(`w:${w}`);
    const k1 = 1.2;
    const b = 0.75;
    for (const term of terms) {
      const list = postings.get(term);
      if (!list) continue;
      const termIdf = idf.get(term) ?? 0;
      for (const { doc, tf } of list) {
        const norm = tf + k1 * (1 - b + (b * (docLen[doc] ?? avgLen)) / avgLen);
        scores[doc] = (scores[doc] ?? 0) + factor * termIdf * ((tf * (k1 + 1)) / norm);
      }
    }
  }

  const indexOf = new Map(leaves.map((l, i) => [l.code, i]));
  const BM25_FACTOR = 0.045;
  const DESCRIPTION_FACTOR = 0.45;
  /** Descriptions are read up to here, phrases up to this length: enough to tell what the job is. */
  const DESCRIPTION_CHARS = 600;
  const DESCRIPTION_PHRASE = 12;
  const MIN_SCORE = 0.35;

  function evidence(text: string, factor: number, scores: Float64Array, why: Map<number, Set<string>>, longest = maxLen): Match[] {
    const matches = findMatches(text, longest);
    // in a list of jobs (美容师、美发师 → "美容师 美发师") the first one named is the main one
    const firstWordEnd = text.indexOf(' ');
    for (const m of matches) {
      const len = m.end - m.start;
      const lenFactor = Math.min(1.6, 0.55 + 0.15 * len) * (firstWordEnd > 0 && m.end <= firstWordEnd ? 1.1 : 1);
      for (const h of m.hits) {
        const doc = indexOf.get(h.code);
        if (doc === undefined) continue;
        scores[doc] = (scores[doc] ?? 0) + factor * h.weight * lenFactor;
        const set = why.get(doc) ?? new Set<string>();
        set.add(m.alias);
        why.set(doc, set);
      }
    }
    // BM25 is the fallback: it counts less when phrases already matched
    bm25(text, scores, factor * BM25_FACTOR * (matches.length > 0 ? 0.5 : 1), matches.length === 0);
    return matches;
  }

  function classify(title: string, description?: string): ClassifyResult {
    const cleaned = cleaner(title).text;
    const scores = new Float64Array(leaves.length);
    const why = new Map<number, Set<string>>();
    const titleMatches = cleaned ? evidence(cleaned, 1, scores, why) : [];
    let descriptionText = '';
    if (description) {
      // a description is prose, not a title: no recruiting-word split or company stripping, only case and punctuation
      const d = description
        .slice(0, DESCRIPTION_CHARS)
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}+#.]+/gu, ' ')
        .trim();
      descriptionText = d;
      if (d) evidence(d, DESCRIPTION_FACTOR, scores, why, DESCRIPTION_PHRASE);
    }
    const lastWord = cleaned.split(' ').filter(Boolean).pop() ?? '';
    // a head noun already inside a matched phrase (售前工程师) was decided by that phrase
    const heads = HEAD_RULES.filter(
      (r) => r.suffix.test(lastWord) && !titleMatches.some((m) => m.end === cleaned.length && m.alias.length > (m.alias.match(r.suffix)?.[0].length ?? 0)),
    );
    const touched: number[] = [];
    for (let i = 0; i < scores.length; i++) if ((scores[i] ?? 0) > 0) touched.push(i);
    for (const r of heads) {
      for (const i of touched) {
        const code = leaves[i]?.code ?? '';
        if (r.prefixes.some((p) => code.startsWith(p))) scores[i] = (scores[i] ?? 0) * r.factor;
      }
    }
    // best five: by score, then by code so that equal scores always come out in the same order
    let top: number[] = [];
    let floor = 0;
    for (const i of touched) {
      const s = scores[i] ?? 0;
      if (top.length === 5 && s < floor) continue;
      top.push(i);
      if (top.length > 5 || top.length === 5) {
        top.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || (leaves[a]?.code ?? '').localeCompare(leaves[b]?.code ?? ''));
        top = top.slice(0, 5);
        floor = scores[top[4] ?? 0] ?? 0;
      }
    }
    top.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || (leaves[a]?.code ?? '').localeCompare(leaves[b]?.code ?? ''));
    const best = top[0];
    const r1 = best === undefined ? 0 : (scores[best] ?? 0);
    if (best === undefined || r1 < MIN_SCORE) return { code: null, name: null, score: 0, candidates: [], matched: [] };
    const r2 = top[1] === undefined ? 0 : (scores[top[1]] ?? 0);
    const strength = 1 - Math.exp(-r1 / 1.2);
    const margin = (r1 - r2) / r1;
    const topScore = strength * (0.55 + 0.45 * margin);
    const round = (x: number) => Math.round(x * 1000) / 1000;
    const candidates = top.map((i) => ({
      code: leaves[i]?.code ?? '',
      name: leaves[i]?.name ?? '',
      score: round((topScore * (scores[i] ?? 0)) / r1),
    }));
    const matched = [...(why.get(best) ?? [])];
    for (const r of heads) if (r.prefixes.some((p) => (leaves[best]?.code ?? '').startsWith(p))) matched.push(`词尾:${r.label}`);
    if (matched.length === 0) matched.push(...bigramOverlap(`${cleaned} ${descriptionText}`, leaves[best]?.name ?? ''));
    const first = candidates[0];
    return { code: first?.code ?? null, name: first?.name ?? null, score: round(topScore), candidates, matched };
  }

  function bigramOverlap(text: string, name: string): string[] {
    const nameGrams = new Set(bigrams(cleanName(name)));
    const out = new Set<string>();
    for (const w of text.split(' ')) for (const g of bigrams(w)) if (nameGrams.has(g)) out.add(g);
    return [...out].slice(0, 5);
  }

  return { classify, clean: (t: string) => cleaner(t).text, size: leaves.length };
}
