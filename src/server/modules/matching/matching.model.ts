/**
 * What matching learns from the platform's own published postings: skill rarity (idf) and skill
 * co-occurrence. Rebuilt with the index; between rebuilds it is a fixed snapshot, so the fast path and
 * the exhaustive path score with the same numbers.
 */
import { MATCHING_CONFIG, type MatchingConfig } from './matching.config.js';
import type { JobFeatures, ScoringModel, TalentFeatures } from './matching.score.js';

export interface LearntModel extends ScoringModel {
  postings: number;
  /** Skills s for which `key` appears in related(s), with the strength: candidate expansion for the engine. */
  relatedInverse(key: string): readonly (readonly [string, number])[];
  /** Published postings that list the skill. */
  df(key: string): number;
  /**
   * The 中类 ('d-dd') whose postings ask most for these skills: Σ over the skills of P(group | skill),
   * each skill's five strongest groups; null unless at least two of the skills point to it.
   */
  inferGroup(keys: readonly string[]): string | null;
}

/** Groups kept per skill for inferGroup. */
const GROUPS_PER_SKILL = 5;

/**
 * A talent who named no desired occupation, with the 中类 inferred from the declared skills
 * (TalentFeatures.inferredGroup); anyone else unchanged. The engine applies it to every talent it
 * indexes or queries with, so the scorer and the index see the same features.
 */
export function inferOccupation(t: TalentFeatures, model: LearntModel): TalentFeatures {
  if (t.desiredOccupations.length > 0) return t.inferredGroup ? { ...t, inferredGroup: null } : t;
  const group = model.inferGroup(t.skills.map((s) => s.key));
  return group === (t.inferredGroup ?? null) ? t : { ...t, inferredGroup: group };
}

const NONE: readonly (readonly [string, number])[] = [];

export function learnModel(jobs: Iterable<JobFeatures>, c: MatchingConfig = MATCHING_CONFIG): LearntModel {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const df: number[] = [];
  const pairs = new Map<number, number>();
  /** skill id → 中类 → postings */
  const byGroup: Map<string, number>[] = [];
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
    const group = j.occupationCode.slice(0, 4);
    for (const a of set) {
      df[a] = (df[a] ?? 0) + 1;
      let g = byGroup[a];
      if (!g) {
        g = new Map();
        byGroup[a] = g;
      }
      g.set(group, (g.get(group) ?? 0) + 1);
    }
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
  // each skill's strongest groups with P(group | skill), groups as dense ids (inferGroup runs for every
  // talent without a desired occupation at build: typed scratch arrays, no maps)
  const groupIds = new Map<string, number>();
  const groupNames: string[] = [];
  const groupsOf: (readonly [number, number])[][] = byGroup.map((g, id) =>
    [...g]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, GROUPS_PER_SKILL)
      .map(([group, count]) => {
        let gid = groupIds.get(group);
        if (gid === undefined) {
          gid = groupNames.length;
          groupIds.set(group, gid);
          groupNames.push(group);
        }
        return [gid, count / (df[id] ?? 1)] as const;
      }),
  );
  const groupScore = new Float64Array(groupNames.length);
  const groupSupport = new Int32Array(groupNames.length);
  const touchedGroups: number[] = [];
  return {
    postings: n,
    inferGroup: (keys) => {
      touchedGroups.length = 0;
      for (const key of new Set(keys)) {
        const id = ids.get(key);
        if (id === undefined) continue;
        for (const [g, p] of groupsOf[id] ?? []) {
          if (groupSupport[g] === 0) touchedGroups.push(g);
          groupScore[g] = (groupScore[g] as number) + p;
          groupSupport[g] = (groupSupport[g] as number) + 1;
        }
      }
      let best: string | null = null;
      let top = 0;
      for (const g of touchedGroups) {
        const s = groupScore[g] as number;
        const name = groupNames[g] as string;
        if ((groupSupport[g] as number) >= 2 && (s > top || (s === top && best !== null && name < best))) {
          best = name;
          top = s;
        }
        groupScore[g] = 0;
        groupSupport[g] = 0;
      }
      return best;
    },
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
