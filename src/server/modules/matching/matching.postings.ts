/**
 * Term → slot postings for the matching index: a compact CSR base built in two passes (count, prefix
 * sum, fill) over typed columns, plus a small growable delta per term for documents added after the
 * build (incremental refresh). Terms are interned to dense ids; every list keeps the largest weight
 * it holds (the list's upper bound for MaxScore-style pruning). Each posting also carries a level
 * (0–4: the skill level the job asks for, or the level the talent declared), so a search can apply
 * the scorer's level fit while it accumulates.
 *
 * A store may be partitioned (`groups` > 1): within each term the base postings are laid out group by
 * group, so a query restricted to some cities reads only their ranges (matching.index.ts says how
 * each side groups its documents). Every document is in exactly one of the first `primaryGroups`
 * groups; groups after those hold extra copies (a talent who accepts a second city), which only a
 * query for that city reads. Deltas are not partitioned.
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

function growUint8(a: Uint8Array, need: number): Uint8Array {
  if (need <= a.length) return a;
  const b = new Uint8Array(Math.max(need, a.length * 2, 16));
  b.set(a);
  return b;
}

/** A growable list of slots with an optional weight and a level per entry (the delta of one term). */
export class Postings {
  ids: Int32Array = new Int32Array(4);
  weights: Float32Array | null;
  levels: Uint8Array = new Uint8Array(4);
  length = 0;
  constructor(weighted: boolean) {
    this.weights = weighted ? new Float32Array(4) : null;
  }
  push(slot: number, weight: number, level: number) {
    this.ids = growInt32(this.ids, this.length + 1);
    this.levels = growUint8(this.levels, this.length + 1);
    if (this.weights) this.weights = growFloat32(this.weights, this.length + 1);
    this.ids[this.length] = slot;
    this.levels[this.length] = level;
    if (this.weights) this.weights[this.length] = weight;
    this.length++;
  }
}

export class PostingStore {
  private readonly termIds = new Map<string, number>();
  /** CSR base: postings of term t, group g are ids[offsets[t × groups + g] .. offsets[t × groups + g + 1]). */
  offsets: Int32Array = new Int32Array(1);
  ids: Int32Array = new Int32Array(0);
  weights: Float32Array | null;
  /** Level of each posting (0 = not stated). */
  levels: Uint8Array = new Uint8Array(0);
  baseTerms = 0;
  /** Postings added after the build, per term id. */
  delta: (Postings | undefined)[] = [];
  /** Largest weight in each term's postings (1 for unweighted stores). */
  maxWeight: Float32Array = new Float32Array(0);
  private count_ = 0;
  private fill: Int32Array = new Int32Array(0);

  constructor(
    readonly weighted: boolean,
    readonly groups = 1,
    readonly primaryGroups = groups,
  ) {
    this.weights = weighted ? new Float32Array(0) : null;
  }

  /** Start of the base postings of a term's group (g = groups: the end of the term). */
  at(term: number, g: number): number {
    return this.offsets[term * this.groups + g] as number;
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
    const base = term < this.baseTerms ? this.at(term, this.primaryGroups) - this.at(term, 0) : 0;
    return base + (this.delta[term]?.length ?? 0);
  }

  /** Bulk build, pass 1: one more posting for the term in group g (counts go into offsets[t × groups + g + 1]). */
  count(term: number, g = 0) {
    const i = term * this.groups + g + 1;
    if (i + 1 > this.offsets.length) this.offsets = growInt32(this.offsets, (term + 1) * this.groups + 1);
    this.offsets[i] = (this.offsets[i] as number) + 1;
  }

  /** Bulk build, between the passes: prefix sums and the arrays at their final size. */
  allocate() {
    const T = this.termIds.size;
    const cells = T * this.groups;
    const offsets = new Int32Array(cells + 1);
    offsets.set(this.offsets.subarray(0, Math.min(cells + 1, this.offsets.length)));
    for (let c = 0; c < cells; c++) offsets[c + 1] = (offsets[c + 1] as number) + (offsets[c] as number);
    const n = offsets[cells] as number;
    this.offsets = offsets;
    this.fill = offsets.slice(0, cells);
    this.ids = new Int32Array(n);
    this.weights = this.weighted ? new Float32Array(n) : null;
    this.levels = new Uint8Array(n);
    this.baseTerms = T;
    this.delta = [];
    this.count_ = n;
  }

  /** Bulk build, pass 2: the next posting of the term in group g (in any slot order; ascending reads fastest). */
  put(term: number, slot: number, weight: number, level = 0, g = 0) {
    const at = (this.fill[term * this.groups + g] as number)++;
    this.ids[at] = slot;
    this.levels[at] = level;
    const x = this.weights ? weight : 1;
    if (this.weights) this.weights[at] = weight;
    if (x > (this.maxWeight[term] as number)) this.maxWeight[term] = x;
  }

  /** Appends one posting to the delta of a term. */
  add(term: number, slot: number, weight: number, level = 0) {
    let p = this.delta[term];
    if (!p) {
      p = new Postings(this.weighted);
      this.delta[term] = p;
    }
    p.push(slot, weight, level);
    const x = this.weighted ? weight : 1;
    if (x > (this.maxWeight[term] as number)) this.maxWeight[term] = x;
    this.count_++;
  }

  /** Calls fn for each slot of the term (base, then delta). */
  forEach(key: string, fn: (slot: number) => void) {
    const t = this.termId(key, false);
    if (t < 0) return;
    if (t < this.baseTerms) for (let p = this.at(t, 0), end = this.at(t, this.primaryGroups); p < end; p++) fn(this.ids[p] as number);
    const d = this.delta[t];
    if (d) for (let i = 0; i < d.length; i++) fn(d.ids[i] as number);
  }

  bytes(): number {
    let n = this.offsets.byteLength + this.ids.byteLength + (this.weights?.byteLength ?? 0) + this.levels.byteLength + this.maxWeight.byteLength;
    for (const d of this.delta) if (d) n += d.ids.byteLength + (d.weights?.byteLength ?? 0) + d.levels.byteLength;
    return n;
  }
}
