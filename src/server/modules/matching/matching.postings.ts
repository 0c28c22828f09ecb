/**
 * Term → slot postings for the matching index: a compact CSR base built in two passes (count, prefix
 * sum, fill) over typed columns, plus a small growable delta per term for documents added after the
 * build (incremental refresh). Terms are interned to dense ids; every list keeps the largest weight
 * it holds (the list's upper bound for MaxScore-style pruning).
 */

/** Growable typed arrays (capacity doubling, contents kept). */
export function growInt32(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2, 16));
  b.set(a);
  return b;
}
export function growFloat32(a: Float32Array, need: number): Float32Array {
  if (need <= a.length) return a;
  const b = new Float32Array(Math.max(need, a.length * 2, 16));
  b.set(a);
  return b;
}

/** A growable list of slots with an optional weight per entry (the delta of one term). */
export class Postings {
  ids: Int32Array = new Int32Array(4);
  weights: Float32Array | null;
  length = 0;
  constructor(weighted: boolean) {
    this.weights = weighted ? new Float32Array(4) : null;
  }
  push(slot: number, weight: number) {
    this.ids = growInt32(this.ids, this.length + 1);
    if (this.weights) this.weights = growFloat32(this.weights, this.length + 1);
    this.ids[this.length] = slot;
    if (this.weights) this.weights[this.length] = weight;
    this.length++;
  }
}

export class PostingStore {
  private readonly termIds = new Map<string, number>();
  /** CSR base: postings of term t are ids[offsets[t] .. offsets[t + 1]). */
  offsets: Int32Array = new Int32Array(1);
  ids: Int32Array = new Int32Array(0);
  weights: Float32Array | null;
  baseTerms = 0;
  /** Postings added after the build, per term id. */
  delta: (Postings | undefined)[] = [];
  /** Largest weight in each term's postings (1 for unweighted stores). */
  maxWeight: Float32Array = new Float32Array(0);
  private count_ = 0;
  private fill: Int32Array = new Int32Array(0);

  constructor(readonly weighted: boolean) {
    this.weights = weighted ? new Float32Array(0) : null;
  }

  /** Postings held (base + delta). */
  get size(): number {
    return this.count_;
  }

  get terms(): number {
    return this.termIds.size;
  }

  /** The dense id of a term (created when `create`), or -1. */
  termId(key: string, create: boolean): number {
    let id = this.termIds.get(key);
    if (id === undefined) {
      if (!create) return -1;
      id = this.termIds.size;
      this.termIds.set(key, id);
      this.maxWeight = growFloat32(this.maxWeight, id + 1);
    }
    return id;
  }

  /** Number of postings of a term (base + delta). */
  length(term: number): number {
    if (term < 0) return 0;
    const base = term < this.baseTerms ? (this.offsets[term + 1] as number) - (this.offsets[term] as number) : 0;
    return base + (this.delta[term]?.length ?? 0);
  }

  /** Bulk build, pass 1: one more posting for the term (counts go into offsets[t + 1]). */
  count(term: number) {
    if (term + 2 > this.offsets.length) this.offsets = growInt32(this.offsets, term + 2);
    this.offsets[term + 1] = (this.offsets[term + 1] as number) + 1;
  }

  /** Bulk build, between the passes: prefix sums and the arrays at their final size. */
  allocate() {
    const T = this.termIds.size;
    const offsets = new Int32Array(T + 1);
    offsets.set(this.offsets.subarray(0, T + 1));
    for (let t = 0; t < T; t++) offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
    const n = offsets[T] as number;
    this.offsets = offsets;
    this.fill = offsets.slice(0, T);
    this.ids = new Int32Array(n);
    this.weights = this.weighted ? new Float32Array(n) : null;
    this.baseTerms = T;
    this.delta = [];
    this.count_ = n;
  }

  /** Bulk build, pass 2: the next posting of the term (slots arrive in ascending order). */
  put(term: number, slot: number, weight: number) {
    const at = (this.fill[term] as number)++;
    this.ids[at] = slot;
    const x = this.weights ? weight : 1;
    if (this.weights) this.weights[at] = weight;
    if (x > (this.maxWeight[term] as number)) this.maxWeight[term] = x;
  }

  /** Appends one posting to the delta of a term. */
  add(term: number, slot: number, weight: number) {
    let p = this.delta[term];
    if (!p) {
      p = new Postings(this.weighted);
      this.delta[term] = p;
    }
    p.push(slot, weight);
    const x = this.weighted ? weight : 1;
    if (x > (this.maxWeight[term] as number)) this.maxWeight[term] = x;
    this.count_++;
  }

  /** Calls fn for each slot of the term (base, then delta). */
  forEach(key: string, fn: (slot: number) => void) {
    const t = this.termId(key, false);
    if (t < 0) return;
    if (t < this.baseTerms) for (let p = this.offsets[t] as number, end = this.offsets[t + 1] as number; p < end; p++) fn(this.ids[p] as number);
    const d = this.delta[t];
    if (d) for (let i = 0; i < d.length; i++) fn(d.ids[i] as number);
  }

  bytes(): number {
    let n = this.offsets.byteLength + this.ids.byteLength + (this.weights?.byteLength ?? 0) + this.maxWeight.byteLength;
    for (const d of this.delta) if (d) n += d.ids.byteLength + (d.weights?.byteLength ?? 0);
    return n;
  }
}
