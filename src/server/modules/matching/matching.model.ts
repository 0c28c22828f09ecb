/**
 * What matching learns from the platform's own published postings: skill rarity (idf) and skill
 * co-occurrence. Rebuilt with the index; between rebuilds it is a fixed snapshot, so the fast path and
 * the exhaustive path score with the same numbers.
 */
import { MATCHING_CONFIG, type MatchingConfig } from './matching.config.js';
import type { JobFeatures, ScoringModel } from './matching.score.js';

export interface LearntModel extends ScoringModel {
  postings: number;
  /** Skills s for which `key` appears in related(s), with the strength: candidate expansion for the engine. */
  relatedInverse(key: string): readonly (readonly [string, number])[];
  /** Published postings that list the skill. */
  df(key: string): number;
}

const NONE: readonly (readonly [string, number])[] = [];

export function learnModel(jobs: Iterable<JobFeatures>, c: MatchingConfig = MATCHING_CONFIG): LearntModel {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const df: number[] = [];
  const pairs = new Map<number, number>();
  let n = 0;
  const idOf = (k: string) => {
    let id = ids.get(k);
    if (id === undefined) {
      id = keys.length;
      ids.set(k, id);
      keys.push(k);
      df.push(0);
    }
    return id;
  };
  for (const j of jobs) {
    n++;
    const set = [...new Set([...j.required, ...j.preferred].map((s) => idOf(s.key)))].sort((a, b) => a - b);
    for (const a of set) df[a] = (df[a] ?? 0) + 1;
    for (let x = 0; x < set.length; x++)
      for (let y = x + 1; y < set.length; y++) {
        const p = (set[x] as number) * 2_097_152 + (set[y] as number);
        pairs.set(p, (pairs.get(p) ?? 0) + 1);
      }
  }
  // related[s] = [t, P(s | t)] for the strongest neighbours t of s
  const related = new Map<string, [string, number][]>();
  const add = (s: number, t: number, count: number) => {
    const strength = count / (df[t] ?? 1);
    if (strength < c.cooccurrence.minStrength) return;
    const k = keys[s] as string;
    let list = related.get(k);
    if (!list) {
      list = [];
      related.set(k, list);
    }
    list.push([keys[t] as string, strength]);
  };
  for (const [p, count] of pairs) {
    if (count < c.cooccurrence.minSupport) continue;
    const a = Math.floor(p / 2_097_152);
    const b = p % 2_097_152;
    add(a, b, count);
    add(b, a, count);
  }
  const inverse = new Map<string, [string, number][]>();
  for (const [s, list] of related) {
    list.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    list.length = Math.min(list.length, c.cooccurrence.neighbours);
    for (const [t, strength] of list) {
      let inv = inverse.get(t);
      if (!inv) {
        inv = [];
        inverse.set(t, inv);
      }
      inv.push([s, strength]);
    }
  }
  return {
    postings: n,
    idf: (key) => {
      const id = ids.get(key);
      return 1 + Math.log((n + 1) / ((id === undefined ? 0 : (df[id] ?? 0)) + 1));
    },
    df: (key) => {
      const id = ids.get(key);
      return id === undefined ? 0 : (df[id] ?? 0);
    },
    related: (key) => related.get(key) ?? NONE,
    relatedInverse: (key) => inverse.get(key) ?? NONE,
  };
}
