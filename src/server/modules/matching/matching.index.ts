/**
 * The in-memory side of matching: documents (jobs or talents) in slots, skill → slot postings and
 * bucket → slot lists in typed arrays, and an exact top-k search over them.
 *
 * Updates append: a changed document gets a new slot and its old slot is emptied (postings to empty
 * slots are skipped). The engine rebuilds the whole index when too many slots are empty.
 */

/** A growable list of slots with an optional weight per entry. */
export class Postings {
  ids = new Int32Array(8);
  weights: Float32Array | null;
  length = 0;
  constructor(weighted: boolean) {
    this.weights = weighted ? new Float32Array(8) : null;
  }
  push(slot: number, weight = 1) {
    if (this.length === this.ids.length) {
      const ids = new Int32Array(this.ids.length * 2);
      ids.set(this.ids);
      this.ids = ids;
      if (this.weights) {
        const w = new Float32Array(this.ids.length);
        w.set(this.weights);
        this.weights = w;
      }
    }
    this.ids[this.length] = slot;
    if (this.weights) this.weights[this.length] = weight;
    this.length++;
  }
}

export interface DocEntry<F> {
  features: F;
  /** [skill key, weight] (the weight is the most this skill can add to the document's skill part). */
  skills: readonly (readonly [string, number])[];
  buckets: readonly string[];
}

export class SideIndex<F extends { id: string }> {
  readonly docs: (F | null)[] = [];
  readonly slotOf = new Map<string, number>();
  readonly skillPostings = new Map<string, Postings>();
  readonly bucketPostings = new Map<string, Postings>();
  postingCount = 0;
  private stamp = new Uint32Array(0);
  private stamp2 = new Uint32Array(0);
  private ub = new Float32Array(0);
  private epoch = 0;

  constructor(private readonly weighted: boolean) {}

  get size(): number {
    return this.slotOf.size;
  }
  get emptySlots(): number {
    return this.docs.length - this.slotOf.size;
  }

  get(id: string): F | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : (this.docs[slot] ?? undefined);
  }

  remove(id: string) {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.docs[slot] = null;
    this.slotOf.delete(id);
  }

  upsert(entry: DocEntry<F>) {
    this.remove(entry.features.id);
    const slot = this.docs.length;
    this.docs.push(entry.features);
    this.slotOf.set(entry.features.id, slot);
    for (const [key, w] of entry.skills) this.list(this.skillPostings, key, this.weighted).push(slot, w);
    for (const b of entry.buckets) this.list(this.bucketPostings, b, false).push(slot);
    this.postingCount += entry.skills.length + entry.buckets.length;
  }

  private list(map: Map<string, Postings>, key: string, weighted: boolean): Postings {
    let p = map.get(key);
    if (!p) {
      p = new Postings(weighted);
      map.set(key, p);
    }
    return p;
  }

  /** Approximate bytes held in typed arrays (postings and search buffers). */
  typedBytes(): number {
    let n = this.stamp.byteLength + this.ub.byteLength;
    for (const m of [this.skillPostings, this.bucketPostings]) for (const p of m.values()) n += p.ids.byteLength + (p.weights?.byteLength ?? 0);
    return n;
  }

  private buffers() {
    if (this.stamp.length < this.docs.length) {
      const size = Math.max(1024, this.docs.length * 2);
      const stamp = new Uint32Array(size);
      stamp.set(this.stamp);
      this.stamp = stamp;
      const stamp2 = new Uint32Array(size);
      stamp2.set(this.stamp2);
      this.stamp2 = stamp2;
      this.ub = new Float32Array(size);
    }
    this.epoch = (this.epoch + 1) >>> 0;
    if (this.epoch === 0) {
      this.stamp.fill(0);
      this.stamp2.fill(0);
      this.epoch = 1;
    }
  }

  /**
   * Exact top-k. `skills` are [skill key, credit]: a document in that skill's postings gains at most
   * credit × its posting weight in the skill part (an upper bound). `buckets` add candidates without
   * skill credit. Candidates are scored in descending order of their bound and scoring stops when the
   * bound falls below the k-th score; documents that are not candidates are scored too when the k-th
   * score is below `outsideBound` (the most a non-candidate can reach), so the answer equals the
   * exhaustive one.
   */
  search<R extends { raw: number }>(q: SearchSpec<F, R>): Ranked<F, R>[] {
    this.buffers();
    const { stamp, stamp2, ub, epoch, docs } = this;
    const touched: number[] = [];
    const touch = (p: Postings, credit: number, phase2: boolean) => {
      const { ids, weights } = p;
      for (let i = 0; i < p.length; i++) {
        const d = ids[i] as number;
        if (docs[d] === null) continue;
        if (stamp[d] !== epoch) {
          stamp[d] = epoch;
          if (phase2) stamp2[d] = epoch;
          ub[d] = 0;
          touched.push(d);
        } else if (phase2 && stamp2[d] !== epoch) continue; // a first-phase candidate: already judged
        ub[d] = (ub[d] as number) + credit * (weights ? (weights[i] as number) : 1);
      }
    };
    for (const [key, credit] of q.skills) {
      const p = this.skillPostings.get(key);
      if (p) touch(p, credit, false);
    }
    for (const b of q.buckets) {
      const p = this.bucketPostings.get(b);
      if (p) touch(p, 0, false);
    }
    const top = new TopK<F, R>(q.k);
    const related = q.related ?? [];
    const relatedMax = related.length ? Math.min(1, q.relatedMax ?? 1) : 0;
    // first phase: the query's own skills; co-occurring skills are counted at their maximum
    this.judge(top, q, touched, relatedMax);
    // second phase, only if a document reached through co-occurring skills alone could still enter the top k
    if (related.length && (!top.full || top.threshold <= q.skillWeight * relatedMax + (1 - q.skillWeight) + 1e-6)) {
      const first = touched.length;
      for (const [key, credit] of related) {
        const p = this.skillPostings.get(key);
        if (p) touch(p, credit, true);
      }
      this.judge(top, q, touched.slice(first), 0);
    }
    if (!top.full || top.threshold < q.outsideBound) {
      for (let d = 0; d < docs.length; d++) {
        if (stamp[d] === epoch || docs[d] === null) continue;
        if (q.rest) {
          const r = q.rest(docs[d] as F);
          if (r === null || (top.full && r + 1e-6 < top.threshold)) continue;
        }
        this.offer(top, q, d);
      }
    }
    return top.sorted();
  }

  /**
   * Scores candidates in descending order of their bound (64 bins of the skill bound + `extra`, the rest
   * at its maximum), stopping when the bound falls below the k-th score; within a bin the exact context
   * bound (rest) skips candidates that cannot enter the top k.
   */
  private judge<R extends { raw: number }>(top: TopK<F, R>, q: SearchSpec<F, R>, list: readonly number[], extra: number) {
    const { ub, docs } = this;
    const BINS = 64;
    const skillBound = (d: number) => Math.min(1, (ub[d] as number) + extra);
    const binOf = (d: number) => Math.min(BINS - 1, Math.floor(skillBound(d) * BINS));
    const counts = new Int32Array(BINS + 1);
    for (const d of list) (counts[binOf(d) + 1] as number)++;
    for (let b = 1; b <= BINS; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
    const order = new Int32Array(list.length);
    const fill = counts.slice(0, BINS);
    for (const d of list) order[(fill[binOf(d)] as number)++] = d;
    for (let b = BINS - 1; b >= 0; b--) {
      const bound = q.skillWeight * ((b + 1) / BINS) + (1 - q.skillWeight) + 1e-6;
      if (top.full && bound < top.threshold) break;
      for (let i = counts[b] as number; i < (counts[b + 1] as number); i++) {
        const d = order[i] as number;
        if (q.rest) {
          const r = q.rest(docs[d] as F);
          if (r === null || (top.full && q.skillWeight * skillBound(d) + r + 1e-6 < top.threshold)) continue;
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

  private offer<R extends { raw: number }>(top: TopK<F, R>, q: Pick<SearchSpec<F, R>, 'score'>, d: number) {
    const f = this.docs[d];
    if (!f) return;
    const r = q.score(f);
    if (r) top.offer(f, r);
  }
}

export interface SearchSpec<F, R> {
  skills: readonly (readonly [string, number])[];
  buckets: readonly string[];
  /** The skill part's weight in the total (the rest is bounded by 1 − skillWeight). */
  skillWeight: number;
  outsideBound: number;
  /** Co-occurring skills [key, credit], traversed only when needed; `relatedMax` bounds what they can add to one document's skill part. */
  related?: readonly (readonly [string, number])[];
  relatedMax?: number;
  /** The most a document can score apart from its skill part, or null to skip it (hard filter). */
  rest?: (f: F) => number | null;
  k: number;
  /** null: not eligible (hard filter, not live, the query itself). */
  score(f: F): R | null;
}

export interface Ranked<F, R> {
  doc: F;
  result: R;
}

class TopK<F extends { id: string }, R extends { raw: number }> {
  private items: Ranked<F, R>[] = [];
  constructor(private readonly k: number) {}
  get full() {
    return this.items.length >= this.k;
  }
  get threshold() {
    return this.items[this.items.length - 1]?.result.raw ?? Number.NEGATIVE_INFINITY;
  }
  private better(a: Ranked<F, R>, b: Ranked<F, R>) {
    return a.result.raw > b.result.raw || (a.result.raw === b.result.raw && a.doc.id < b.doc.id);
  }
  offer(doc: F, result: R) {
    const item = { doc, result };
    const last = this.items[this.items.length - 1];
    if (this.full && last && !this.better(item, last)) return;
    let i = this.items.length;
    while (i > 0 && this.better(item, this.items[i - 1] as Ranked<F, R>)) i--;
    this.items.splice(i, 0, item);
    if (this.items.length > this.k) this.items.pop();
  }
  sorted() {
    return this.items;
  }
}
