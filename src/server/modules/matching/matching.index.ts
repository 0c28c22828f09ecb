/**
 * The exact top-k search over one side of matching (SlotStore, matching.slots.ts: the slots, postings
 * and columns it reads).
 */
import type { Row } from './matching.columns.js';
import type { PostingStore } from './matching.postings.js';
import { ANY_GROUP, ANYWHERE, lowestBit, SlotStore, singleBit } from './matching.slots.js';
import { type QueryFilter, type Ranked, type SearchSpec, TopK } from './matching.spec.js';

export type { DocEntry, DocSink, QueryFilter, Ranked, SearchSpec } from './matching.spec.js';

interface List {
  term: number;
  credit: number;
  /** The scorer's level fit by posting level (null: 1 at every level). */
  fit: Float64Array | null;
  bound: number;
  related: boolean;
  n: number;
}

/** Slack on every bound: postings hold float32 weights, the scorer adds float64 ones. */
const EPS = 1e-5;
/**
 * A judgement pauses after bounding max(MIN_PAUSE, the next own list's postings / PAUSE_RATIO)
 * candidates (SideIndex.search): a posting read costs tens of nanoseconds, a candidate bounded about a
 * microsecond. Seeded province, 550 talents-for-job queries: the slowest 198 → 82 ms (a remote job whose
 * first list gave 70k candidates bounded as if they held the other two skills), mean 7.5 → 7.0 ms;
 * the bench's world reads the same postings (its first judgements are small).
 */
const PAUSE_RATIO = 16;
const MIN_PAUSE = 256;
const BINS = 64;
/** The layout of SideIndex.cell: stride and offsets. */
const CELL = 4;
const STATE = 0;
const OWN = 1;
const REL = 2;

export class SideIndex<F extends { id: string }> extends SlotStore<F> {
  // search buffers, sized to the slots and reused (only touched entries are reset)
  /**
   * Per slot, side by side (one cache line per document touched, where three arrays cost three):
   * [STATE] the search epoch, [OWN] the skill bound accumulated from own lists, [REL] what
   * co-occurring lists added, kept apart (the scorer credits a missing skill once, its strongest
   * co-occurrence, so their sum is capped at relatedMax).
   */
  private cell = new Float64Array(0);
  private relCap = Number.POSITIVE_INFINITY;
  private relShare = Number.POSITIVE_INFINITY;
  private batch = new Int32Array(0);
  /** The bound of each batch entry, computed once per judgement. */
  private batchBound = new Float64Array(0);
  /** Batch positions in descending bins of bound. */
  private order = new Int32Array(0);
  private readonly counts = new Int32Array(BINS + 1);
  private readonly fill = new Int32Array(BINS);
  private batchLen = 0;
  private epoch = 0;
  private readonly scanGroups = new Int32Array(2 * ANY_GROUP + 1);
  private scanGroupCount = 0;
  /** Documents the last search scored in full (the benchmark reports it: how tight the bounds are). */
  lastScored = 0;
  /** How far the last search went: 0 skill lists only, 1 also the buckets, 2 also every other document (the benchmark reports it). */
  lastReach = 0;
  /** Postings the last search read (skill lists and buckets; the benchmark reports it). */
  lastPostings = 0;

  /**
   * `kind`: jobs (weighted postings, talent queries) or talents. `eagerShare`: how many postings a
   * query accumulates before it first scores, as a share of the slots, counting only the postings in the
   * cities the query reads (the rest is traversed list by list, each only while a document reached
   * through the remaining lists could still enter the top k). `pauseMin`: see search.
   */
  constructor(
    kind: 'jobs' | 'talents',
    rowOf: (f: F, into: Row) => Row,
    readonly eagerShare = kind === 'jobs' ? Number.POSITIVE_INFINITY : 1 / 16,
    /** The fewest candidates a judgement bounds before it may pause (see search). */
    readonly pauseMin = MIN_PAUSE,
  ) {
    super(kind, rowOf);
  }

  /** Postings of a skill term in the groups the query reads (chooseGroups), delta included: what traversing it costs. */
  private postingsToRead(term: number): number {
    const store = this.skills;
    let n = store.delta[term]?.length ?? 0;
    if (term < store.baseTerms)
      for (let i = 0; i < this.scanGroupCount; i++) {
        const g = this.scanGroups[i] as number;
        n += store.at(term, g + 1) - store.at(term, g);
      }
    return n;
  }

  /** The groups a query with this filter reads (into `scanGroups`). */
  private chooseGroups(f: QueryFilter | undefined) {
    const out = this.scanGroups;
    const m = f ? f.mask >>> 0 : ANYWHERE;
    let n = 0;
    if (m === ANYWHERE || (this.kind === 'talents' && !singleBit(m))) {
      // every document once: the primary groups
      for (let g = 0; g <= ANY_GROUP; g++) out[n++] = g;
    } else {
      for (let b = 0; b < 32; b++) if ((m >>> b) & 1) out[n++] = b;
      out[n++] = ANY_GROUP;
      if (this.kind === 'talents') out[n++] = ANY_GROUP + 1 + lowestBit(m);
    }
    this.scanGroupCount = n;
  }

  /** Bytes held in typed arrays (postings, columns and search buffers). */
  typedBytes(): number {
    return this.storeBytes() + [this.cell, this.batch, this.batchBound, this.order].reduce((n, a) => n + a.byteLength, 0);
  }

  private prepare() {
    const n = this.docs.length;
    if (this.batch.length < n) {
      const cap = Math.max(1024, n + (n >> 2));
      this.cell = new Float64Array(cap * CELL);
      this.batch = new Int32Array(cap);
      this.batchBound = new Float64Array(cap);
      this.order = new Int32Array(cap);
    }
    this.epoch += 2;
    if (this.epoch >= 0xfffffff0) {
      this.cell.fill(0);
      this.epoch = 2;
    }
    this.batchLen = 0;
  }

  /** The hard filters on the columns (exactly the exclusions of scoreMatch, location only as a superset). */
  private pass(d: number, f: QueryFilter | undefined): boolean {
    if (this.live[d] === 0) return false;
    if (!f) return true;
    if (((this.mask[d] as number) & f.mask) === 0) return false;
    const e = this.columns.edu[d] as number;
    if (this.kind === 'jobs') {
      const m = this.columns.hi[d] as number;
      return !(f.money > 0 && m < f.money * f.moneyFactor) && !(e > 0 && f.edu >= 0 && f.edu < e);
    }
    const m = this.columns.lo[d] as number;
    return !(m > 0 && f.money < m * f.moneyFactor) && !(f.edu > 0 && e >= 0 && e < f.edu);
  }

  /** Accumulates credit × weight × fit[level] into the bound of every new or pending document of a postings range. */
  private scan(
    ids: Int32Array,
    weights: Float32Array | null,
    levels: Uint8Array,
    fit: Float64Array | null,
    from: number,
    to: number,
    credit: number,
    related: boolean,
    f: QueryFilter | undefined,
  ) {
    const { cell, batch } = this;
    this.lastPostings += to - from;
    const slot = related ? REL : OWN;
    const pending = this.epoch;
    const done = pending + 1;
    let n = this.batchLen;
    for (let p = from; p < to; p++) {
      const d = ids[p] as number;
      const at = d * CELL;
      const s = cell[at + STATE] as number;
      if (s === done) continue;
      if (s !== pending) {
        if (!this.pass(d, f)) {
          cell[at + STATE] = done;
          continue;
        }
        cell[at + STATE] = pending;
        cell[at + OWN] = 0;
        cell[at + REL] = 0;
        batch[n++] = d;
      }
      const c = fit ? credit * (fit[levels[p] as number] as number) : credit;
      cell[at + slot] = (cell[at + slot] as number) + (weights ? c * (weights[p] as number) : c);
    }
    this.batchLen = n;
  }

  private traverse(store: PostingStore, term: number, credit: number, fit: Float64Array | null, related: boolean, f: QueryFilter | undefined) {
    if (term < store.baseTerms) {
      if (store.groups === 1) this.scan(store.ids, store.weights, store.levels, fit, store.at(term, 0), store.at(term, 1), credit, related, f);
      else
        for (let i = 0; i < this.scanGroupCount; i++) {
          // only the cities the query accepts (chooseGroups)
          const g = this.scanGroups[i] as number;
          const from = store.at(term, g);
          const to = store.at(term, g + 1);
          if (from < to) this.scan(store.ids, store.weights, store.levels, fit, from, to, credit, related, f);
        }
    }
    const d = store.delta[term];
    if (d) this.scan(d.ids, d.weights, d.levels, fit, 0, d.length, credit, related, f);
  }

  /**
   * Exact top-k, MaxScore-style. The query's skill lists are ordered by their upper bound (credit × the
   * largest weight in the list); the first ones (up to `eagerShare` of the slots, all own skills for
   * jobs) are accumulated, then their documents are scored in descending order of bound (skill bound +
   * what the lists not yet traversed could add), each only if its exact non-skill bound (`rest`) lets it
   * reach the k-th score. Every further list is traversed only while a document reached through it and
   * the lists after it could still enter the top k, and then only its new documents are judged. Buckets
   * add candidates without shared skills, and documents outside every bucket are scanned when even
   * they could enter. Documents failing the hard filters are dropped on first sight. The answer equals
   * the exhaustive one (matching.fastpath.test.ts).
   */
  search<R extends { raw: number }>(q: SearchSpec<F, R>): Ranked<F, R>[] {
    this.prepare();
    this.lastScored = 0;
    this.lastReach = 0;
    this.lastPostings = 0;
    this.chooseGroups(q.filter);
    const top = new TopK<F, R>(q.k);
    const lists: List[] = [];
    const add = (key: string, credit: number, fit: Float64Array | null, related: boolean) => {
      const term = this.skills.termId(key, false);
      const top = fit ? Math.max(...fit) : 1;
      if (term >= 0 && credit > 0 && top > 0)
        lists.push({ term, credit, fit, bound: credit * top * (this.skills.maxWeight[term] as number), related, n: this.postingsToRead(term) });
    };
    for (const [key, credit, fit] of q.skills) add(key, credit, fit ?? null, false);
    for (const [key, credit] of q.related ?? []) add(key, credit, null, true);
    lists.sort((a, b) => Number(a.related) - Number(b.related) || b.bound - a.bound || a.n - b.n);
    const L = lists.length;
    const ownSuffix = new Float64Array(L + 1);
    const relSuffix = new Float64Array(L + 1);
    for (let i = L - 1; i >= 0; i--) {
      const l = lists[i] as List;
      ownSuffix[i] = (ownSuffix[i + 1] as number) + (l.related ? 0 : l.bound);
      relSuffix[i] = (relSuffix[i + 1] as number) + (l.related ? l.bound : 0);
    }
    const relatedMax = q.relatedMax ?? Number.POSITIVE_INFINITY;
    this.relCap = relatedMax;
    this.relShare = q.relatedShare ?? Number.POSITIVE_INFINITY;
    /** What the lists from i on can add to one document's skill part. */
    const remaining = (i: number) => Math.min(1, (ownSuffix[i] as number) + Math.min(relatedMax, relSuffix[i] as number) + EPS);
    const sw = q.skillWeight;
    const context = 1 - sw;
    const f = q.filter;
    const eager = this.eagerShare * this.docs.length;
    let i = 0;
    let touched = 0;
    while (i < L) {
      const l = lists[i] as List;
      // searching jobs (a talent's query): every list, co-occurring ones included, so the bound is the exact skill part
      if (i > 0 && ((l.related && this.kind === 'talents') || touched + l.n > eager)) break;
      touched += l.n;
      this.traverse(this.skills, l.term, l.credit, l.fit, l.related, f);
      i++;
    }
    // a judgement pauses (its unjudged documents stay pending) once it has bounded more candidates than
    // the next own list has postings / PAUSE_RATIO: reading that list is cheaper than bounding them with
    // the credit it might add, and tightens the bound of every pending document
    const budget = (at: number) => {
      const next = lists[at];
      return next && !next.related ? Math.max(this.pauseMin, next.n / PAUSE_RATIO) : Number.POSITIVE_INFINITY;
    };
    this.judge(top, q, ownSuffix[i] as number, relSuffix[i] as number, budget(i));
    for (; i < L; i++) {
      if (top.full && sw * remaining(i) + context + EPS < top.threshold) break;
      const l = lists[i] as List;
      // (the batch holds the documents a paused judgement left pending)
      this.traverse(this.skills, l.term, l.credit, l.fit, l.related, f);
      this.judge(top, q, ownSuffix[i + 1] as number, relSuffix[i + 1] as number, budget(i + 1));
    }
    // documents left pending when the lists stop (their bounds may still reach the top k)
    this.judge(top, q, ownSuffix[i] as number, relSuffix[i] as number, Number.POSITIVE_INFINITY);
    const R = i < L ? remaining(i) : 0;
    // buckets in descending order of their bound (what a document first met in that bucket can score
    // apart from skills): each only while such a document could still enter the top k
    for (const [b, bound] of q.buckets) {
      if (top.full && sw * R + bound + EPS < top.threshold) break;
      this.lastReach = 1;
      this.batchLen = 0;
      const term = this.buckets.termId(b, false);
      if (term >= 0) this.traverse(this.buckets, term, 0, null, false, f);
      this.judge(top, q, ownSuffix[i] as number, relSuffix[i] as number);
    }
    if (!top.full || sw * R + q.outsideBound + EPS >= top.threshold) {
      this.lastReach = 2;
      const { cell, docs } = this;
      const groups = q.groups;
      for (let d = 0; d < docs.length; d++) {
        if ((cell[d * CELL + STATE] as number) >= this.epoch || !this.pass(d, f)) continue;
        if (groups && top.full && sw * R + groups.outside + EPS < top.threshold && !this.columns.inGroups(d, groups.ids)) continue;
        const ceiling = this.ceiling(top, q, d, R);
        if (ceiling !== null) this.offer(top, q, d, ceiling);
      }
    }
    return top.sorted();
  }

  /**
   * Judges the pending batch: bound = skill bound accumulated + what the lists not traversed can add
   * (`Ro` own, `Rr` co-occurring; co-occurring credit in all capped at relatedMax), in 64 bins
   * from the highest; stops when a bin's bound falls below the k-th score; within a bin the exact
   * context bound (rest) skips candidates that cannot enter the top k. Every batch document is done, unless
   * the judgement pauses after `budget` candidates (pause): the others stay pending for the next list.
   */
  private judge<R extends { raw: number }>(top: TopK<F, R>, q: SearchSpec<F, R>, Ro: number, Rr: number, budget = Number.POSITIVE_INFINITY) {
    const { cell, batch, batchBound, order, counts, fill } = this;
    const cap = this.relCap;
    const share = this.relShare;
    const n = this.batchLen;
    this.batchLen = 0;
    if (n === 0) return;
    const done = this.epoch + 1;
    counts.fill(0);
    for (let k = 0; k < n; k++) {
      const at = (batch[k] as number) * CELL;
      cell[at + STATE] = done;
      const own = cell[at + OWN] as number;
      // co-occurring credit only for skills the document lacks: at most share × (1 − its own credit so far)
      const b = Math.min(1, own + Ro + Math.min(cap, (cell[at + REL] as number) + Rr, share * (1 - own)) + EPS);
      batchBound[k] = b;
      (counts[Math.min(BINS - 1, Math.floor(b * BINS)) + 1] as number)++;
    }
    for (let b = 1; b <= BINS; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
    fill.set(counts.subarray(0, BINS));
    for (let k = 0; k < n; k++) order[(fill[Math.min(BINS - 1, Math.floor((batchBound[k] as number) * BINS))] as number)++] = k;
    const sw = q.skillWeight;
    const context = 1 - sw;
    const groups = q.groups;
    let bounded = 0;
    for (let bin = BINS - 1; bin >= 0; bin--) {
      if (top.full && sw * Math.min(1, (bin + 1) / BINS) + context + EPS < top.threshold) break;
      for (let i = counts[bin] as number; i < (counts[bin + 1] as number); i++) {
        const k = order[i] as number;
        const d = batch[k] as number;
        const b = batchBound[k] as number;
        if (groups && top.full && sw * b + groups.outside + EPS < top.threshold && !this.columns.inGroups(d, groups.ids)) continue;
        if (++bounded > budget) {
          // not judged: the rest of this bin and every lower bin (the order holds the bins from the lowest)
          this.pause(counts[bin] as number, i, counts[bin + 1] as number);
          return;
        }
        const ceiling = this.ceiling(top, q, d, b);
        if (ceiling !== null) this.offer(top, q, d, ceiling);
      }
    }
  }

  /** The tightest known bound on a candidate's part apart from skills (rest, then refine once the top k is full; the exact
   *  value may stop at it), or null when with skill bound `b` it cannot reach the k-th score. */
  private ceiling<R extends { raw: number }>(top: TopK<F, R>, q: SearchSpec<F, R>, d: number, b: number): number | null {
    if (!q.rest) return Number.POSITIVE_INFINITY;
    const doc = this.docs[d] as F;
    const r = q.rest(d, doc);
    if (r === null || (top.full && q.skillWeight * b + r + EPS < top.threshold)) return null;
    const c = q.refine && top.full ? q.refine(d, doc, r) : r;
    return top.full && q.skillWeight * b + c + EPS < top.threshold ? null : c;
  }

  /**
   * Puts the documents at order positions [0, binStart) and [from, binEnd) back as pending: kept in the
   * batch with the credit accumulated so far, to be judged once more lists have tightened their bounds.
   */
  private pause(binStart: number, from: number, binEnd: number) {
    const { cell, batch, order, batchBound } = this;
    const pending = this.epoch;
    // (batchBound is free once the order is read: it holds the documents while the batch is rewritten)
    let m = 0;
    for (let i = 0; i < binStart; i++) batchBound[m++] = batch[order[i] as number] as number;
    for (let i = from; i < binEnd; i++) batchBound[m++] = batch[order[i] as number] as number;
    for (let i = 0; i < m; i++) {
      const d = batchBound[i] as number;
      batch[i] = d;
      cell[d * CELL + STATE] = pending;
    }
    this.batchLen = m;
  }

  /** Scores every document: the evaluation path the fast path is checked against. */
  exhaustive<R extends { raw: number }>(q: Pick<SearchSpec<F, R>, 'k' | 'score'>): Ranked<F, R>[] {
    const top = new TopK<F, R>(q.k);
    for (let d = 0; d < this.docs.length; d++) this.offer(top, q, d);
    return top.sorted();
  }

  private offer<R extends { raw: number }>(top: TopK<F, R>, q: Pick<SearchSpec<F, R>, 'score' | 'exact'>, d: number, ceiling = Number.POSITIVE_INFINITY) {
    const f = this.docs[d];
    if (!f) return;
    if (q.exact && top.full) {
      const x = q.exact(f, top.threshold, ceiling);
      // (equal to the k-th: the id decides, so it is scored)
      if (x === null || x < top.threshold) return;
    }
    this.lastScored++;
    const r = q.score(f);
    if (r) top.offer(f, r);
  }
}
