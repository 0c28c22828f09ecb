/**
 * Answers a search from the in-process index (ADR 0011): the same matches, filters, totals and facet
 * counts as the SQL definition in jobs.search-sql.ts, in one pass over the matching slots, then top-k.
 *
 * Matching uses PostgreSQL's own parse of the query (to_tsquery('simple', …)::text, fetched with the
 * freshness check) and PostgreSQL's lexemes of every posting, so it is the `@@` of the SQL path. Queries
 * with operators the index does not evaluate (phrase `<->`, prefix `:*`, weights, `!`) return null and
 * are answered by SQL.
 */
import type { JobSearchQuery } from '../../../shared/jobs.js';
import { cityOf, regionPrefix } from '../access/region-scope.js';
import { foldTitle, intersect, NO_EDUCATION, type SearchIndex, union } from './jobs.search-index.js';

type Node = { kind: 'term'; lexeme: string } | { kind: 'and' | 'or'; left: Node; right: Node };

/** Parses PostgreSQL's tsquery output ('a' & ( 'b' | 'c' )); null for anything but quoted lexemes, &, | and parentheses. */
export function parseTsquery(text: string): Node | null {
  let pos = 0;
  const skip = () => {
    while (text[pos] === ' ') pos++;
  };
  const fail = (): never => {
    throw new Unsupported();
  };
  const lexeme = (): Node => {
    pos++; // opening quote
    let out = '';
    for (;;) {
      const ch = text[pos++];
      if (ch === undefined) fail();
      if (ch === '\\') out += text[pos++] ?? fail();
      else if (ch === "'") {
        if (text[pos] === "'") {
          out += "'";
          pos++;
        } else break;
      } else out += ch;
    }
    if (text[pos] === ':') fail(); // prefix or weight
    return { kind: 'term', lexeme: out };
  };
  const unary = (): Node => {
    skip();
    if (text[pos] === '(') {
      pos++;
      const inner = or();
      skip();
      if (text[pos++] !== ')') fail();
      return inner;
    }
    if (text[pos] === "'") return lexeme();
    return fail();
  };
  const and = (): Node => {
    let left = unary();
    for (skip(); text[pos] === '&'; skip()) {
      pos++;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  };
  const or = (): Node => {
    let left = and();
    for (skip(); text[pos] === '|'; skip()) {
      pos++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  try {
    const tree = or();
    skip();
    return pos === text.length ? tree : null;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

class Unsupported extends Error {}

function evaluate(index: SearchIndex, node: Node): Int32Array {
  if (node.kind === 'term') return index.postingsOf(node.lexeme);
  const l = evaluate(index, node.left);
  const r = evaluate(index, node.right);
  return node.kind === 'and' ? intersect(l, r) : union(l, r);
}

function leaves(node: Node, out = new Set<string>()): Set<string> {
  if (node.kind === 'term') out.add(node.lexeme);
  else {
    leaves(node.left, out);
    leaves(node.right, out);
  }
  return out;
}

/** The text part of a search, resolved against the index. */
export type IndexText = { match: 'all' } | { match: 'fulltext'; tree: Node | null } | { match: 'partial'; text: string };

export interface IndexCounts {
  total: number;
  city: Map<string, number>;
  digital: Map<string, number>;
  education: Map<string, number>;
  occupation: Map<string, number>;
}

export interface IndexAnswer {
  counts: IndexCounts;
  /** Ids of the requested page, in order. */
  pageIds: string[];
}

const isEducationCategory = (code: string) => code.endsWith('0');
const educationMatches = (wanted: string, code: string) => (isEducationCategory(wanted) ? code.startsWith(wanted.slice(0, 1)) : code === wanted);

function mask(keys: string[], test: (key: string) => boolean): Uint8Array {
  const m = new Uint8Array(keys.length);
  for (let i = 0; i < keys.length; i++) m[i] = test(keys[i] as string) ? 1 : 0;
  return m;
}

function toMap(keys: string[], counts: Int32Array, keyOf: (key: string) => string = (k) => k): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i] as number;
    if (n > 0) {
      const key = keyOf(keys[i] as string);
      out.set(key, (out.get(key) ?? 0) + n);
    }
  }
  return out;
}

interface Scan {
  hits: Int32Array;
  counts: IndexCounts;
}

/** One pass over the candidates: base filters, then counts per facet cell; the hits pass all three facet filters. */
function scan(index: SearchIndex, q: JobSearchQuery, now: Date, today: number, candidates: Int32Array | null): Scan {
  const occMask = mask(index.occupations.keys, (code) => !q.occupation || code.startsWith(q.occupation));
  const cityPrefix = q.city ? regionPrefix(q.city) : null;
  const regionMask = mask(index.regions.keys, (code) => (!cityPrefix || code.startsWith(cityPrefix)) && (!q.county || code === q.county));
  const eduMask = mask(index.educations.keys, (code) => !q.education || (code !== NO_EDUCATION && educationMatches(q.education, code)));
  const wantDigital = q.digital === undefined ? -1 : q.digital === 'true' ? 1 : 0;
  const cellCount = index.cells.size;
  const inRegion = new Uint8Array(cellCount);
  const inDigital = new Uint8Array(cellCount);
  const inEducation = new Uint8Array(cellCount);
  const cellAll = new Uint8Array(cellCount);
  for (let c = 0; c < cellCount; c++) {
    inRegion[c] = regionMask[index.cellRegion[c] as number] as number;
    inDigital[c] = wantDigital < 0 || index.cellDigital[c] === wantDigital ? 1 : 0;
    inEducation[c] = eduMask[index.cellEducation[c] as number] as number;
    cellAll[c] = inRegion[c] && inDigital[c] && inEducation[c] ? 1 : 0;
  }
  const salaryMin = q.salaryMin ?? Number.NEGATIVE_INFINITY;
  const since = q.postedWithin ? now.getTime() - q.postedWithin * 86_400_000 : Number.NEGATIVE_INFINITY;
  const perCell = new Int32Array(cellCount);
  const occCount = new Int32Array(index.occupations.size);
  const n = candidates ? candidates.length : index.slots;
  const { hits } = buffers(index);
  let total = 0;
  const { alive, validFrom, validUntil, occupation, salaryMax, published, cell } = index;
  for (let i = 0; i < n; i++) {
    const s = candidates ? (candidates[i] as number) : i;
    if (alive[s] === 0 || (validFrom[s] as number) > today || (validUntil[s] as number) < today) continue;
    const o = occupation[s] as number;
    if (occMask[o] === 0 || (salaryMax[s] as number) < salaryMin) continue;
    // a null published_at (stored as +Infinity) never passes "posted within", as in SQL
    if (q.postedWithin && !((published[s] as number) >= since && (published[s] as number) !== Number.POSITIVE_INFINITY)) continue;
    const c = cell[s] as number;
    perCell[c] = (perCell[c] as number) + 1;
    if (cellAll[c] === 1) {
      occCount[o] = (occCount[o] as number) + 1;
      hits[total++] = s;
    }
  }
  const city = new Map<string, number>();
  const digital = new Map<string, number>();
  const education = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, k: number) => {
    if (k > 0) map.set(key, (map.get(key) ?? 0) + k);
  };
  for (let c = 0; c < cellCount; c++) {
    const k = perCell[c] as number;
    if (k === 0) continue;
    const region = index.regions.keys[index.cellRegion[c] as number] as string;
    if (inDigital[c] && inEducation[c]) add(city, cityOf(region) ?? region, k);
    if (inRegion[c] && inEducation[c]) add(digital, index.cellDigital[c] === 1 ? 'true' : 'false', k);
    if (inRegion[c] && inDigital[c]) add(education, index.educations.keys[index.cellEducation[c] as number] as string, k);
  }
  return {
    hits: hits.subarray(0, total),
    counts: { total, city, digital, education, occupation: toMap(index.occupations.keys, occCount, (code) => code.slice(0, 4)) },
  };
}

/**
 * Per-index scratch arrays, reused by every search (answerFromIndex is synchronous, so one search at a
 * time uses them): no megabyte allocations per query for the garbage collector to chase.
 */
const scratch = new WeakMap<SearchIndex, { hits: Int32Array; score: Float64Array; partial: Int32Array }>();
function buffers(index: SearchIndex) {
  let b = scratch.get(index);
  if (!b || b.hits.length < index.slots) {
    const size = Math.max(1024, Math.ceil(index.slots * 1.25));
    b = { hits: new Int32Array(size), score: new Float64Array(size), partial: new Int32Array(size) };
    scratch.set(index, b);
  }
  return b;
}

type Compare = (a: number, b: number) => number;

function comparator(index: SearchIndex, sort: 'relevance' | 'newest' | 'salary', score: Float64Array | null): Compare {
  const { published, salaryMax, salaryMin, ids } = index;
  const byId = (a: number, b: number) => ((ids[a] as string) < (ids[b] as string) ? -1 : 1);
  const byNewest = (a: number, b: number) => (published[b] as number) - (published[a] as number) || (a === b ? 0 : byId(a, b));
  if (sort === 'relevance' && score) return (a, b) => (score[b] as number) - (score[a] as number) || byNewest(a, b);
  if (sort === 'salary')
    return (a, b) => (salaryMax[b] as number) - (salaryMax[a] as number) || (salaryMin[b] as number) - (salaryMin[a] as number) || byNewest(a, b);
  return byNewest;
}

/** The first `k` hits in order: a bounded max-heap of the best k, then a sort. */
function topK(hits: Int32Array, k: number, cmp: Compare): number[] {
  if (k <= 0) return [];
  if (hits.length <= k * 4) return Array.from(hits).sort(cmp).slice(0, k);
  const heap: number[] = [];
  const worse = (i: number, j: number) => cmp(heap[i] as number, heap[j] as number) > 0;
  const down = (start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(l, m)) m = l;
      if (r < heap.length && worse(r, m)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
      i = m;
    }
  };
  for (let i = 0; i < hits.length; i++) {
    const s = hits[i] as number;
    if (heap.length < k) {
      heap.push(s);
      for (let c = heap.length - 1; c > 0; ) {
        const p = (c - 1) >> 1;
        if (!worse(c, p)) break;
        [heap[c], heap[p]] = [heap[p] as number, heap[c] as number];
        c = p;
      }
    } else if (cmp(s, heap[0] as number) < 0) {
      heap[0] = s;
      down(0);
    }
  }
  return heap.sort(cmp);
}

/** Relevance: the idf of every query lexeme found in the title (ts_rank_cd's double-weighted title, made explicit). */
function titleScores(index: SearchIndex, tree: Node): Float64Array {
  const score = buffers(index).score;
  score.fill(0, 0, index.slots);
  const n = Math.max(index.size, 1);
  for (const lexeme of leaves(tree)) {
    const idf = Math.log(1 + n / Math.max(index.documentFrequency(lexeme), 1));
    const list = index.titlePostingsOf(lexeme);
    for (let i = 0; i < list.length; i++) {
      const s = list[i] as number;
      score[s] = (score[s] as number) + idf;
    }
  }
  return score;
}

/** Partial words: the title contains the text (case-insensitive); closer to the whole title ranks higher. */
function partialCandidates(index: SearchIndex, text: string): { candidates: Int32Array; score: Float64Array } {
  const needle = foldTitle(text);
  const titleHit = mask(index.titles.keys, (t) => t.includes(needle));
  const { partial: out, score } = buffers(index);
  score.fill(0, 0, index.slots);
  let n = 0;
  for (let s = 0; s < index.slots; s++) {
    const t = index.titleOf[s] as number;
    if (titleHit[t]) {
      out[n++] = s;
      score[s] = needle.length / (index.titles.keys[t] as string).length;
    }
  }
  return { candidates: out.subarray(0, n), score };
}

export function answerFromIndex(index: SearchIndex, q: JobSearchQuery, text: IndexText, now: Date, today: number): IndexAnswer {
  let candidates: Int32Array | null = null;
  let score: Float64Array | null = null;
  if (text.match === 'fulltext') {
    candidates = text.tree ? evaluate(index, text.tree) : new Int32Array(0);
  } else if (text.match === 'partial') {
    ({ candidates, score } = partialCandidates(index, text.text));
  }
  const { hits, counts } = scan(index, q, now, today, candidates);
  const sort = q.sort ?? (text.match === 'all' ? 'newest' : 'relevance');
  if (sort === 'relevance' && text.match === 'fulltext' && text.tree && hits.length > 1) score = titleScores(index, text.tree);
  const offset = (q.page - 1) * q.pageSize;
  const top = offset < hits.length ? topK(hits, Math.min(offset + q.pageSize, hits.length), comparator(index, sort, text.match === 'all' ? null : score)) : [];
  return { counts, pageIds: top.slice(offset).map((s) => index.ids[s] as string) };
}
