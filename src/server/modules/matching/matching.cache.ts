/**
 * Recent rankings, so that a person who comes back to the same list within a minute (back from a job's
 * page, the list refreshed, the next tab) is not searched for again. A cached ranking is served only
 * while it is still the ranking the search would return:
 * - the query is the same (its features, serialised: a profile edit or a new certificate misses),
 * - the index is the same build, and no document changed since is in the list or would now enter it:
 *   the documents changed since the ranking was made (the index's change log) are scored against the
 *   query, a member that changed or left misses, a changed document that would rank in the top k misses
 *   (and so do more than `maxChanged` changes: a search costs about as much as scoring them);
 * - it is younger than `ttlMs` (what changes without a change to the index: a posting's validity
 *   reaching its first or past its last day, and the freshness decay).
 * Members are scored again at every hit (the scores and reasons shown are today's, as a search's are).
 * Bounded: the least recently used entries go first.
 */
import { type Ranked, TopK } from './matching.spec.js';

/** What the cache needs of an index: its documents by id and the ids changed since a point of its change log. */
export interface ChangeLogged<F> {
  get(id: string): F | undefined;
  readonly changes: number;
  changedSince(changes: number): ReadonlySet<string> | null;
}

interface Entry<F> {
  stamp: string;
  index: ChangeLogged<F>;
  changes: number;
  k: number;
  ids: string[];
  madeMs: number;
}

export interface CacheStats {
  entries: number;
  hits: number;
  misses: number;
}

export class RankingCache<F extends { id: string }> {
  private readonly entries = new Map<string, Entry<F>>();
  private hits = 0;
  private misses = 0;

  constructor(
    readonly capacity = 10_000,
    readonly ttlMs = 60_000,
    private readonly clock: () => number = () => performance.now(),
    /** More documents changed since than this: searched again (scoring them all would cost about as much). */
    readonly maxChanged = 1_024,
  ) {}

  /**
   * The ranking for `key` asked as `stamp` with `k` results: the cached one where it is still what
   * `search` would return, else `search`'s (kept for next time). `score` is the search's scorer (null:
   * not eligible).
   */
  rank<R extends { raw: number }>(
    key: string,
    stamp: string,
    index: ChangeLogged<F>,
    k: number,
    score: (f: F) => R | null,
    search: () => Ranked<F, R>[],
  ): Ranked<F, R>[] {
    const hit = this.capacity > 0 ? this.lookup(key, stamp, index, k, score) : null;
    if (hit) {
      this.hits++;
      return hit;
    }
    this.misses++;
    const changes = index.changes;
    const ranked = search();
    if (this.capacity > 0) {
      this.entries.delete(key);
      this.entries.set(key, { stamp, index, changes, k, ids: ranked.map((r) => r.doc.id), madeMs: this.clock() });
      if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    }
    return ranked;
  }

  private lookup<R extends { raw: number }>(key: string, stamp: string, index: ChangeLogged<F>, k: number, score: (f: F) => R | null) {
    const e = this.entries.get(key);
    if (!e) return null;
    const age = this.clock() - e.madeMs;
    const changed = e.index === index && e.k === k && e.stamp === stamp && age >= 0 && age < this.ttlMs ? index.changedSince(e.changes) : null;
    if (!changed || changed.size > this.maxChanged) {
      this.entries.delete(key);
      return null;
    }
    const top = new TopK<F, R>(k);
    for (const id of e.ids) {
      const doc = changed.has(id) ? undefined : index.get(id);
      const r = doc ? score(doc) : null;
      if (!doc || !r) return this.drop(key);
      top.offer(doc, r);
    }
    const ranked = top.sorted();
    const last = ranked[ranked.length - 1];
    for (const id of changed) {
      const doc = index.get(id);
      const r = doc ? score(doc) : null;
      if (doc && r && (ranked.length < k || !last || r.raw > last.result.raw || (r.raw === last.result.raw && doc.id < last.doc.id))) return this.drop(key);
    }
    // most recently used last
    this.entries.delete(key);
    this.entries.set(key, e);
    return ranked;
  }

  private drop(key: string) {
    this.entries.delete(key);
    return null;
  }

  /** Forgets every ranking (a new build answers differently). */
  clear() {
    this.entries.clear();
  }

  stats(): CacheStats {
    return { entries: this.entries.size, hits: this.hits, misses: this.misses };
  }
}

/**
 * Values computed from an index (statistics of its documents), each kept while the index has had no
 * change since: a changed index (its change count moved) or a new build (another object) starts afresh.
 */
export function indexMemo<V>() {
  const memos = new WeakMap<object, { changes: number; values: Map<string, V> }>();
  return (index: { readonly changes: number }, key: string, compute: () => V): V => {
    let memo = memos.get(index);
    if (!memo || memo.changes !== index.changes) {
      memo = { changes: index.changes, values: new Map() };
      memos.set(index, memo);
    }
    let value = memo.values.get(key);
    if (value === undefined) {
      value = compute();
      memo.values.set(key, value);
    }
    return value;
  };
}
