/**
 * A short-lived cache of index answers (ADR 0011), one per index object (a rebuild starts empty).
 * The key is the normalised query plus the China day; an entry is used only while the index is at the
 * generation it was computed at, so any posting published, closed, edited or expired (every change the
 * sync applies bumps the generation) invalidates it for the very next search. The TTL bounds only the
 * `postedWithin` boundary, which moves with the clock: it may lag by up to TTL_MS.
 */
import type { JobSearchQuery } from '../../../shared/jobs.js';
import type { SearchIndex } from './jobs.search-index.js';

const TTL_MS = 15_000;
const MAX_ENTRIES = 1000;

interface Entry<T> {
  generation: number;
  at: number;
  value: T;
}

const caches = new WeakMap<SearchIndex, Map<string, Entry<unknown>>>();
let enabled = true;

/** The benchmark measures the index with and without the cache. */
export function setSearchCache(on: boolean): void {
  enabled = on;
}

/** Same key for the same search, whatever the parameter order; `q` is already trimmed by the schema. */
export function cacheKey(q: JobSearchQuery, today: number): string {
  const keys = Object.keys(q).sort() as (keyof JobSearchQuery)[];
  return `${today}|${keys.map((k) => `${k}=${q[k] ?? ''}`).join('&')}`;
}

export function cached<T>(index: SearchIndex, key: string, compute: () => T, now = Date.now()): T {
  if (!enabled) return compute();
  let cache = caches.get(index);
  if (!cache) {
    cache = new Map();
    caches.set(index, cache);
  }
  const hit = cache.get(key);
  if (hit && hit.generation === index.generation && now - hit.at < TTL_MS) {
    // refresh recency: Map keeps insertion order, the oldest is evicted first
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  cache.delete(key);
  cache.set(key, { generation: index.generation, at: now, value });
  if (cache.size > MAX_ENTRIES) {
    for (const [k, e] of cache) {
      if (cache.size <= MAX_ENTRIES * 0.9 && e.generation === index.generation) break;
      cache.delete(k);
    }
  }
  return value;
}
