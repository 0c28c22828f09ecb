/**
 * The in-memory side of matching: documents (jobs or talents) in slots, skill → slot and bucket → slot
 * postings (matching.postings.ts: CSR base + delta), compact per-slot columns for the hard filters, and
 * an exact top-k search over them.
 *
 * Updates append: a changed document gets a new slot and its old slot is emptied (empty slots are
 * skipped). The engine rebuilds the whole index when too many slots are empty.
 */
import { Columns, emptyRow, type Row } from './matching.columns.js';
import { PostingStore } from './matching.postings.js';
import { type DocEntry, type DocSink, type QueryFilter, type Ranked, type SearchSpec, TopK } from './matching.spec.js';

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
const BINS = 64;
const ANYWHERE = 0xffffffff;
/**
 * City partitions of the skill postings. Groups 0–31: a document's (lowest) city bit; group 32:
 * documents that accept anywhere (remote jobs; talents who named no desired city). The talent index
 * adds groups 33–64: a copy of the talent under each further city it accepts, so a job in city c reads
 * groups c, 32 and 33 + c and meets every talent who accepts c exactly once.
 */
const ANY_GROUP = 32;
const lowestBit = (mask: number) => 31 - Math.clz32(mask & -mask);
const singleBit = (mask: number) => mask !== 0 && (mask & (mask - 1)) === 0;

export class SideIndex<F extends { id: string }> {
  readonly docs: (F | null)[] = [];
  readonly slotOf = new Map<string, number>();
  readonly skills: PostingStore;
  readonly buckets: PostingStore;
  /** The non-skill facts of each slot (the context bound and the hard filters read them). */
  readonly columns = new Columns();
  private live = new Uint8Array(0);
  private mask = new Uint32Array(0);
  private readonly scratch = emptyRow();
  // search buffers, sized to the slots and reused (only touched entries are reset)
  private state = new Uint32Array(0);
  private ub = new Float64Array(0);
  /** What co-occurring lists added, kept apart: the scorer credits a missing skill once (its strongest co-occurrence), so their sum is capped at relatedMax. */
  private rel = new Float64Array(0);
  private relCap = Number.POSITIVE_INFINITY;
  private relShare = Number.POSITIVE_INFINITY;
  private batch = new Int32Array(0);
  private order = new Int32Array(0);
  private readonly counts = new Int32Array(BINS + 1);
  private readonly fill = new Int32Array(BINS);
  private batchLen = 0;
  private epoch = 0;
  private readonly docGroups = new Int32Array(33);
  private readonly scanGroups = new Int32Array(2 * ANY_GROUP + 1);
  private scanGroupCount = 0;
  /** Documents the last search scored in full (the benchmark reports it: how tight the bounds are). */
  lastScored = 0;
  /** How far the last search went: 0 skill lists only, 1 also the buckets, 2 also every other document. */
  lastReach = 0;
  lastPostings = 0;

  /**
   * `kind`: jobs (weighted postings, talent queries) or talents. `eagerShare`: how many postings a
   * query accumulates before it first scores, as a share of the slots, counting only the postings in the
   * cities the query reads (the rest is traversed list by list, each only while a document reached
   * through the remaining lists could still enter the top k).
   */
  constructor(
    readonly kind: 'jobs' | 'talents',
    private readonly rowOf: (f: F, into: Row) => Row,
    readonly eagerShare = kind === 'jobs' ? Number.POSITIVE_INFINITY : 1 / 16,
  ) {
    this.skills = kind === 'jobs' ? new PostingStore(true, ANY_GROUP + 1) : new PostingStore(false, 2 * ANY_GROUP + 1, ANY_GROUP + 1);
    // buckets are partitioned like the skills: a query reads an occupation group only in its cities
    this.buckets = kind === 'jobs' ? new PostingStore(false, ANY_GROUP + 1) : new PostingStore(false, 2 * ANY_GROUP + 1, ANY_GROUP + 1);
  }

  /** The groups a document's postings go to (into `out`; returns how many). */
  private groupsOf(mask: number, out: Int32Array): number {
    const m = mask >>> 0;
    if (m === ANYWHERE) {
      out[0] = ANY_GROUP;
      return 1;
    }
    const first = lowestBit(m);
    out[0] = first;
    let n = 1;
    if (this.kind === 'talents') for (let b = first + 1; b < 32; b++) if ((m >>> b) & 1) out[n++] = ANY_GROUP + 1 + b;
    return n;
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

  get size(): number {
    return this.slotOf.size;
  }
  get emptySlots(): number {
    return this.docs.length - this.slotOf.size;
  }
  get postingCount(): number {
    return this.skills.size + this.buckets.size;
  }

  get(id: string): F | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : (this.docs[slot] ?? undefined);
  }

  remove(id: string) {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.docs[slot] = null;
    this.live[slot] = 0;
    this.slotOf.delete(id);
  }

  /** Makes room for `n` slots in the columns. */
  private reserve(n: number) {
    if (n > this.live.length) {
      const cap = Math.max(1024, n);
      const live = new Uint8Array(cap);
      live.set(this.live);
      this.live = live;
      const mask = new Uint32Array(cap);
      mask.set(this.mask);
      this.mask = mask;
      this.columns.reserve(cap);
    }
  }

  private place(features: F, mask: number): number {
    this.remove(features.id);
    const slot = this.docs.length;
    if (slot >= this.live.length) this.reserve(Math.max(1024, slot * 2));
    this.docs.push(features);
    this.slotOf.set(features.id, slot);
    this.live[slot] = 1;
    this.mask[slot] = mask >>> 0;
    this.columns.set(slot, this.rowOf(features, this.scratch));
    return slot;
  }

  /** Adds (or replaces) one document after the build: its postings go to the deltas. */
  upsert(entry: DocEntry<F>) {
    const slot = this.place(entry.features, entry.mask);
    for (const [key, w, level] of entry.skills) this.skills.add(this.skills.termId(key, true), slot, w, level);
    for (const b of entry.buckets) this.buckets.add(this.buckets.termId(b, true), slot, 1);
  }

  /**
   * Builds an empty index from all documents at once, in two passes over `describe` (which tells each
   * document to the sink: doc, then its skills and buckets, without intermediate arrays): the first
   * counts each term's postings, then the documents are placed city by city (slots ordered by their
   * primary group, so the documents one query reads lie close together in the per-slot arrays: far
   * fewer cache misses), and the second fills one CSR per store at its final size.
   */
  load<T>(items: readonly T[], describe: (item: T, sink: DocSink<F>) => void) {
    if (this.docs.length) throw new Error('SideIndex.load on a non-empty index');
    this.reserve(items.length);
    const { skills, buckets, docGroups } = this;
    const features: F[] = [];
    const masks = new Uint32Array(items.length);
    let groups = 0;
    const counting: DocSink<F> = {
      doc: (f, mask) => {
        masks[features.length] = mask >>> 0;
        features.push(f);
        groups = this.groupsOf(mask, docGroups);
      },
      skill: (key) => {
        const term = skills.termId(key, true);
        for (let g = 0; g < groups; g++) skills.count(term, docGroups[g] as number);
      },
      bucket: (key) => {
        const term = buckets.termId(key, true);
        for (let g = 0; g < groups; g++) buckets.count(term, docGroups[g] as number);
      },
    };
    for (const item of items) describe(item, counting);
    skills.allocate();
    buckets.allocate();
    // slots in order of primary group (a stable counting sort: item order within a group)
    const start = new Int32Array(ANY_GROUP + 2);
    const primary = (m: number) => (m === ANYWHERE ? ANY_GROUP : lowestBit(m));
    for (let i = 0; i < items.length; i++) (start[primary(masks[i] as number) + 1] as number)++;
    for (let g = 1; g < start.length; g++) start[g] = (start[g] as number) + (start[g - 1] as number);
    const order = new Int32Array(items.length);
    for (let i = 0; i < items.length; i++) order[(start[primary(masks[i] as number)] as number)++] = i;
    // a repeated id: the later item wins, as with upserts in item order
    const itemOf = new Int32Array(items.length);
    for (let s = 0; s < order.length; s++) {
      const i = order[s] as number;
      const f = features[i] as F;
      const earlier = this.slotOf.get(f.id);
      if (earlier !== undefined && (itemOf[earlier] as number) > i) this.placeDead(f, masks[i] as number);
      else this.place(f, masks[i] as number);
      itemOf[s] = i;
    }
    let slot = -1;
    const filling: DocSink<F> = {
      doc: () => {
        groups = this.groupsOf(this.mask[slot] as number, docGroups);
      },
      skill: (key, w, level) => {
        const term = skills.termId(key, false);
        for (let g = 0; g < groups; g++) skills.put(term, slot, w, level, docGroups[g] as number);
      },
      bucket: (key) => {
        const term = buckets.termId(key, false);
        for (let g = 0; g < groups; g++) buckets.put(term, slot, 1, 0, docGroups[g] as number);
      },
    };
    // in item order (sequential reads of the items): within a primary group slots rise with the item
    // index, so those postings stay in ascending slot order (a scan reads memory forwards); copies under a
    // talent's second city need not be (no search depends on the order)
    const slotOfItem = new Int32Array(items.length);
    for (let k = 0; k < order.length; k++) slotOfItem[order[k] as number] = k;
    for (let i = 0; i < items.length; i++) {
      slot = slotOfItem[i] as number;
      describe(items[i] as T, filling);
    }
  }

  /** A slot for a superseded copy of a document during load(): its postings point at an empty slot. */
  private placeDead(features: F, mask: number) {
    const slot = this.docs.length;
    if (slot >= this.live.length) this.reserve(Math.max(1024, slot * 2));
    this.docs.push(null);
    this.live[slot] = 0;
    this.mask[slot] = mask >>> 0;
    this.columns.set(slot, this.rowOf(features, this.scratch));
  }

  /** Live documents that list the skill. */
  docsWithSkill = (key: string): F[] => this.collect(this.skills, key);
  /** Live documents in the bucket (e.g. `occ:2-02`, `city:360700`, `remote`). */
  docsInBucket = (key: string): F[] => this.collect(this.buckets, key);
  private collect(store: PostingStore, key: string): F[] {
    const out: F[] = [];
    store.forEach(key, (slot) => this.docs[slot] && out.push(this.docs[slot]));
    return out;
  }

  /** Bytes held in typed arrays (postings, columns and search buffers). */
  typedBytes(): number {
    return (
      this.skills.bytes() +
      this.buckets.bytes() +
      this.columns.bytes() +
      [this.live, this.mask, this.state, this.ub, this.rel, this.batch, this.order].reduce((n, a) => n + a.byteLength, 0)
    );
  }

  private prepare() {
    const n = this.docs.length;
    if (this.state.length < n) {
      const cap = Math.max(1024, n + (n >> 2));
      this.state = new Uint32Array(cap);
      this.ub = new Float64Array(cap);
      this.rel = new Float64Array(cap);
      this.batch = new Int32Array(cap);
      this.order = new Int32Array(cap);
    }
    this.epoch += 2;
    if (this.epoch >= 0xfffffff0) {
      this.state.fill(0);
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
    const { state, ub, rel, batch } = this;
    this.lastPostings += to - from;
    const acc = related ? rel : ub;
    const pending = this.epoch;
    const done = pending + 1;
    let n = this.batchLen;
    for (let p = from; p < to; p++) {
      const d = ids[p] as number;
      const s = state[d] as number;
      if (s === done) continue;
      if (s !== pending) {
        if (!this.pass(d, f)) {
          state[d] = done;
          continue;
        }
        state[d] = pending;
        ub[d] = 0;
        rel[d] = 0;
        batch[n++] = d;
      }
      const c = fit ? credit * (fit[levels[p] as number] as number) : credit;
      acc[d] = (acc[d] as number) + (weights ? c * (weights[p] as number) : c);
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
   * the exhaustive one (matching.score.test.ts).
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
    this.judge(top, q, ownSuffix[i] as number, relSuffix[i] as number);
    for (; i < L; i++) {
      if (top.full && sw * remaining(i) + context + EPS < top.threshold) break;
      const l = lists[i] as List;
      this.batchLen = 0;
      this.traverse(this.skills, l.term, l.credit, l.fit, l.related, f);
      this.judge(top, q, ownSuffix[i + 1] as number, relSuffix[i + 1] as number);
    }
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
      const { state, docs } = this;
      const groups = q.groups;
      for (let d = 0; d < docs.length; d++) {
        if ((state[d] as number) >= this.epoch || !this.pass(d, f)) continue;
        if (groups && top.full && sw * R + groups.outside + EPS < top.threshold && !this.columns.inGroups(d, groups.ids)) continue;
        const doc = docs[d] as F;
        if (q.rest) {
          const r = q.rest(d, doc);
          if (r === null || (top.full && sw * R + r + EPS < top.threshold)) continue;
        }
        this.offer(top, q, d);
      }
    }
    return top.sorted();
  }

  /**
   * Judges the pending batch: bound = skill bound accumulated + what the lists not traversed can add
   * (`Ro` own, `Rr` co-occurring; co-occurring credit in all capped at relatedMax), in 64 bins
   * from the highest; stops when a bin's bound falls below the k-th score; within a bin the exact
   * context bound (rest) skips candidates that cannot enter the top k. Every batch document is done.
   */
  private judge<R extends { raw: number }>(top: TopK<F, R>, q: SearchSpec<F, R>, Ro: number, Rr: number) {
    const { ub, rel, batch, order, counts, fill, state, docs } = this;
    const cap = this.relCap;
    const share = this.relShare;
    // co-occurring credit only for skills the document lacks: at most share × (1 − its own credit so far)
    const bound = (d: number) => {
      const own = ub[d] as number;
      return Math.min(1, own + Ro + Math.min(cap, (rel[d] as number) + Rr, share * (1 - own)) + EPS);
    };
    const n = this.batchLen;
    this.batchLen = 0;
    if (n === 0) return;
    const done = this.epoch + 1;
    counts.fill(0);
    for (let k = 0; k < n; k++) {
      const d = batch[k] as number;
      state[d] = done;
      const b = bound(d);
      (counts[Math.min(BINS - 1, Math.floor(b * BINS)) + 1] as number)++;
    }
    for (let b = 1; b <= BINS; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
    fill.set(counts.subarray(0, BINS));
    for (let k = 0; k < n; k++) {
      const d = batch[k] as number;
      const b = bound(d);
      order[(fill[Math.min(BINS - 1, Math.floor(b * BINS))] as number)++] = d;
    }
    const sw = q.skillWeight;
    const context = 1 - sw;
    const groups = q.groups;
    for (let bin = BINS - 1; bin >= 0; bin--) {
      if (top.full && sw * Math.min(1, (bin + 1) / BINS) + context + EPS < top.threshold) break;
      for (let k = counts[bin] as number; k < (counts[bin + 1] as number); k++) {
        const d = order[k] as number;
        if (groups && top.full && sw * bound(d) + groups.outside + EPS < top.threshold && !this.columns.inGroups(d, groups.ids)) continue;
        if (q.rest) {
          const r = q.rest(d, docs[d] as F);
          if (r === null || (top.full && sw * bound(d) + r + EPS < top.threshold)) continue;
        }
        this.offer(top, q, d);
      }
    }
  }

  /** Scores every document: the evaluation path the fast path is checked against. */
  exhaustive<R extends { raw: number }>(q: Pick<SearchSpec<F, R>, 'k' | 'score'>): Ranked<F, R>[] {
    const top = new TopK<F, R>(q.k);
    for (let d = 0; d < this.docs.length; d++) this.offer(top, q, d);
    return top.sorted();
  }

  private offer<R extends { raw: number }>(top: TopK<F, R>, q: Pick<SearchSpec<F, R>, 'score' | 'exact'>, d: number) {
    const f = this.docs[d];
    if (!f) return;
    if (q.exact && top.full) {
      const x = q.exact(f);
      // (equal to the k-th: the id decides, so it is scored)
      if (x === null || x < top.threshold) return;
    }
    this.lastScored++;
    const r = q.score(f);
    if (r) top.offer(f, r);
  }
}
