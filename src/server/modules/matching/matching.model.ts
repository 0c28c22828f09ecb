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
   * The 中类 ('d-dd') of the 小类 most likely to ask for these skills — multinomial naive Bayes over the
   * 小类 learnt from the published postings (additive smoothing, no prior: a popular 小类 does not win by
   * size) — or null when fewer than `occupationInference.minSkills` of the skills were ever posted.
   */
  inferGroup(keys: readonly string[]): string | null;
}

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

/** Dense ids for strings, in order of first sight. */
/** Strings to dense ids, in order of first sight. */
export class Interner {
  readonly ids = new Map<string, number>();
  readonly keys: string[] = [];
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function learnModel(jobs: Iterable<JobFeatures>, c: MatchingConfig = MATCHING_CONFIG): LearntModel {
  const learner = new ModelLearner(c);
  for (const j of jobs) learner.add(j);
  return learner.finish();
}

/**
 * learnModel one posting at a time (the engine adds each posting as its page is mapped, in steps, so
 * that learning does not hold the event loop for one pass over 200k postings), then finish().
 */
export class ModelLearner {
  private readonly skillIds = new Interner();
  private readonly df: number[] = [];
  private readonly pairs = new Map<number, number>();
  /** skill id → 小类 → postings that ask for it */
  private readonly byMinor: Map<string, number>[] = [];
  private n = 0;

  constructor(private readonly c: MatchingConfig = MATCHING_CONFIG) {}

  add(j: JobFeatures) {
    const { df, byMinor, pairs, skillIds } = this;
    this.n++;
    const set = [...new Set([...j.required, ...j.preferred].map((s) => skillIds.id(s.key)))].sort((a, b) => a - b);
    const minor = j.occupationCode.slice(0, 7);
    for (const a of set) {
      df[a] = (df[a] ?? 0) + 1;
      let m = byMinor[a];
      if (!m) {
        m = new Map();
        byMinor[a] = m;
      }
      m.set(minor, (m.get(minor) ?? 0) + 1);
    }
    for (let x = 0; x < set.length; x++)
      for (let y = x + 1; y < set.length; y++) {
        const p = (set[x] as number) * 2_097_152 + (set[y] as number);
        pairs.set(p, (pairs.get(p) ?? 0) + 1);
      }
  }

  finish(): LearntModel {
    return modelFrom(this.skillIds, this.df, this.pairs, this.byMinor, this.n, this.c);
  }
}

function modelFrom(
  skillIds: Interner,
  df: readonly number[],
  pairs: ReadonlyMap<number, number>,
  byMinor: readonly Map<string, number>[],
  n: number,
  c: MatchingConfig,
): LearntModel {
  const { ids, keys } = skillIds;
  // related[s] = [t, P(s | t)] for the strongest neighbours t of s
  const related = new Map<string, [string, number][]>();
  const add = (s: number, t: number, count: number) => {
    const strength = count / (df[t] ?? 1);
    if (strength < c.cooccurrence.minStrength) return;
    pushTo(related, keys[s] as string, [keys[t] as string, strength]);
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
    for (const [t, strength] of list) pushTo(inverse, t, [s, strength]);
  }
  // naive Bayes over the 小类: log P(skills | 小类) with additive smoothing, from the postings' skill
  // counts; sparse (a 小类 that never asked for a skill scores the smoothing term, added once per 小类)
  const minors = new Interner();
  const minorNames = minors.keys;
  const minorTotal: number[] = [];
  const skillMinors: (readonly [number, number])[][] = byMinor.map((m) =>
    [...m].map(([minor, count]) => {
      const gid = minors.id(minor);
      minorTotal[gid] = (minorTotal[gid] ?? 0) + count;
      return [gid, count] as const;
    }),
  );
  const alpha = c.occupationInference.smoothing;
  const logAlpha = Math.log(alpha);
  const logNorm = minorTotal.map((total) => Math.log(total + alpha * keys.length));
  const bonus = new Float64Array(minorNames.length);
  return {
    postings: n,
    inferGroup: (skillKeys) => {
      bonus.fill(0);
      let known = 0;
      for (const key of new Set(skillKeys)) {
        const id = ids.get(key);
        if (id === undefined) continue;
        known++;
        for (const [g, count] of skillMinors[id] ?? []) bonus[g] = (bonus[g] as number) + Math.log(count + alpha) - logAlpha;
      }
      if (known < c.occupationInference.minSkills) return null;
      let best = -1;
      let top = Number.NEGATIVE_INFINITY;
      for (let g = 0; g < minorNames.length; g++) {
        const score = (bonus[g] as number) + known * (logAlpha - (logNorm[g] as number));
        if (score > top || (score === top && (minorNames[g] as string) < (minorNames[best] as string))) {
          best = g;
          top = score;
        }
      }
      return best < 0 ? null : (minorNames[best] as string).slice(0, 4);
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
