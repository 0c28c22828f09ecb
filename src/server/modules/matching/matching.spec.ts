/** What a search is asked (SearchSpec), what documents tell the index, and the running top k. */

/** The query's side of the hard filters. A filter only drops pairs that scoreMatch excludes. */
export interface QueryFilter {
  /** Bit set of the cities the query accepts (talent) or is in (job); all bits = anywhere / remote. */
  mask: number;
  /** Talent query: the wish (0 = none). Job query: the top of its band. */
  money: number;
  /** Talent query: highest rank (−1 = none). Job query: minimum rank (0 = none). */
  edu: number;
  /** 1 − salaryHardTolerance. */
  moneyFactor: number;
}

export interface DocEntry<F> {
  features: F;
  /** [skill key, weight, level] (the weight is the most this skill can add to the document's skill part;
   *  the level is the one the job asks for or the talent declared, 0 = not stated). */
  skills: readonly (readonly [string, number, number])[];
  buckets: readonly string[];
  /** Bit set of the cities the document accepts (talent) or is in (job); all bits = anywhere / remote. */
  mask: number;
}

/** What a document tells the bulk build: first doc(), then its skills and buckets. */
export interface DocSink<F> {
  doc(features: F, mask: number): void;
  skill(key: string, weight: number, level: number): void;
  bucket(key: string): void;
}

export interface SearchSpec<F, R> {
  /**
   * The query's skills [key, credit, fit]: a document in that list gains at most credit × its posting
   * weight × fit[its posting's level] in the skill part (fit: the scorer's level fit by the document's
   * level, 5 entries; absent = 1 whatever the level).
   */
  skills: readonly (readonly [string, number, Float64Array?])[];
  /** Co-occurring skills [key, credit]; `relatedMax` bounds what they can add to one document's skill part. */
  related?: readonly (readonly [string, number])[];
  relatedMax?: number;
  /**
   * Co-occurring credit is at most this share of the weight of the skills a document lacks (the
   * scorer's relatedCredit × a strength ≤ 1), and a document lacks at most 1 − the own credit it has
   * accumulated: a tighter cap for the documents that matter, those with most of the skills.
   */
  relatedShare?: number;
  /**
   * Buckets whose documents may score well without any shared skill (occupation group, cities, remote),
   * each with the most a document in it and in none of the buckets before it can score apart from its
   * skill part; in descending order of that bound (a search stops at the first that cannot reach the top k).
   */
  buckets: readonly (readonly [string, number])[];
  /**
   * The query's occupation groups (中类 'd-dd' as the integer ddd: a talent's desired and inferred ones,
   * a job's own) and the most a document in none of them can score apart from its skill part: a cheap
   * test before `rest` (one column read), which most weak candidates fail.
   */
  groups?: { ids: readonly number[]; outside: number };
  /** The skill part's weight in the total (the rest is bounded by 1 − skillWeight). */
  skillWeight: number;
  /** The most a document outside every bucket can score apart from its skill part. */
  outsideBound: number;
  /** Hard filters on the columns (documents that fail are never scored). */
  filter?: QueryFilter;
  /** The most a document can score apart from its skill part, or null to skip it (hard filter). */
  rest?: (slot: number, f: F) => number | null;
  /**
   * A tighter bound than `rest`'s (its argument) from the document's object, asked only of a candidate
   * that passed `rest` once the top k is full: the columns cannot tell which of a talent's
   * certificates a job makes relevant, so `rest` counts that part at its maximum.
   */
  refine?: ((slot: number, f: F, bound: number) => number) | undefined;
  k: number;
  /** null: not eligible (hard filter, not live, the query itself). */
  score(f: F): R | null;
  /**
   * score(f)?.raw without building the result (null where score is null): once the top k is full, a
   * candidate whose exact value is below the k-th is dropped before `score` explains it. `floor` (the
   * k-th score) and `ceiling` (the most the part apart from skills can add, as `rest` bounds it): when
   * the skill part plus the ceiling is below the floor, any value below the floor may be returned
   * without working out the rest.
   */
  exact?: (f: F, floor?: number, ceiling?: number) => number | null;
}

/** The running top k of a search: best first, ties broken by id (so every path returns the same order). */
export interface Ranked<F, R> {
  doc: F;
  result: R;
}

export class TopK<F extends { id: string }, R extends { raw: number }> {
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
