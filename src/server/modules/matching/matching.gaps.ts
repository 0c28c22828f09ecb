/**
 * Skill gaps: what a talent lacks for a job, or for an occupation as the platform's published postings
 * describe it, ranked by importance (required > preferred, × rarity), each with how to learn it.
 */
import type { SkillProficiency } from '../../../shared/jobs.js';
import type { SkillImportance } from '../../../shared/matching.js';
import type { Ctx } from '../../context.js';
import { indexMemo } from './matching.cache.js';
import { MATCHING_CONFIG } from './matching.config.js';
import type { IndexedJob } from './matching.engine.js';
import type { SideIndex } from './matching.index.js';
import { type Learning, learningFor } from './matching.learning.js';
import type { LearntModel } from './matching.model.js';
import type { JobFeatures, SkillFeature } from './matching.score.js';

const RANK_LEVEL: (SkillProficiency | null)[] = [null, 'aware', 'familiar', 'proficient', 'expert'];

interface Target {
  key: string;
  name: string;
  importance: SkillImportance;
  level: number;
  weight: number;
  /** Occupation targets: the share of its postings that list the skill. */
  share: number | null;
}

export interface GapItem {
  key: string;
  name: string;
  importance: SkillImportance;
  requiredLevel: SkillProficiency | null;
  /** Share of the target's total skill importance (0–1). */
  weight: number;
  share: number | null;
  learning: Learning;
}

interface Snap {
  model: LearntModel;
  occupationNames: ReadonlyMap<string, string>;
  jobs: SideIndex<IndexedJob>;
}

function jobTargets(j: JobFeatures, model: LearntModel): Target[] {
  const c = MATCHING_CONFIG.importance;
  return [
    ...j.required.map((s) => ({
      key: s.key,
      name: s.name,
      importance: 'required' as const,
      level: s.level,
      weight: c.required * model.idf(s.key),
      share: null,
    })),
    ...j.preferred.map((s) => ({
      key: s.key,
      name: s.name,
      importance: 'preferred' as const,
      level: s.level,
      weight: c.preferred * model.idf(s.key),
      share: null,
    })),
  ];
}

const occupationMemo = indexMemo<ReturnType<typeof countOccupationTargets>>();

/** Postings of the occupation (or, when it has none, of its 小类, then its 中类) and the skills they ask for (counted once per occupation until the index changes: a 中类 holds up to 228k postings at province size). */
function occupationTargets(code: string, snap: Snap) {
  return occupationMemo(snap.jobs, code, () => countOccupationTargets(code, snap));
}

function countOccupationTargets(code: string, snap: Snap) {
  const jobs: IndexedJob[] = snap.jobs.docsInBucket(`occ:${code.slice(0, 4)}`);
  let basis: 'detail' | 'minor' | 'medium' = 'detail';
  let chosen = jobs.filter((j) => j.occupationCode === code);
  if (chosen.length === 0) {
    basis = 'minor';
    chosen = jobs.filter((j) => j.occupationCode.slice(0, 7) === code.slice(0, 7));
  }
  if (chosen.length === 0) {
    basis = 'medium';
    chosen = jobs;
  }
  const stats = new Map<string, { name: string; req: number; pref: number; levels: number[] }>();
  for (const j of chosen)
    for (const [list, kind] of [
      [j.required, 'req'],
      [j.preferred, 'pref'],
    ] as const)
      for (const s of list) {
        let st = stats.get(s.key);
        if (!st) {
          st = { name: s.name, req: 0, pref: 0, levels: [0, 0, 0, 0, 0] };
          stats.set(s.key, st);
        }
        st[kind]++;
        st.levels[s.level] = (st.levels[s.level] ?? 0) + 1;
      }
  const n = chosen.length;
  const c = MATCHING_CONFIG.importance;
  const targets: Target[] = [...stats].map(([key, st]) => {
    const level = st.levels.slice(1).reduce((best, count, i) => (count > (st.levels[best] ?? 0) ? i + 1 : best), 0);
    return {
      key,
      name: st.name,
      importance: st.req >= st.pref ? 'required' : 'preferred',
      level,
      weight: ((c.required * st.req + c.preferred * st.pref) / n) * snap.model.idf(key),
      share: (st.req + st.pref) / n,
    };
  });
  targets.sort((a, b) => (b.share ?? 0) - (a.share ?? 0) || b.weight - a.weight);
  return { targets: targets.filter((t, i) => i < 10 || (t.share ?? 0) >= 0.2).slice(0, 20), postings: n, basis: n ? basis : null };
}

export async function gapList(ctx: Pick<Ctx, 'db' | 'actor' | 'now'>, held: readonly SkillFeature[], target: JobFeatures | string, snap: Snap) {
  const fromOccupation = typeof target === 'string' ? occupationTargets(target, snap) : null;
  const targets = fromOccupation ? fromOccupation.targets : jobTargets(target as JobFeatures, snap.model);
  const total = targets.reduce((s, t) => s + t.weight, 0) || 1;
  const mine = new Map(held.map((s) => [s.key, s]));
  const missingTargets = targets.filter((t) => !mine.has(t.key)).sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));
  const learning = await learningFor(
    ctx,
    missingTargets.map((t) => t.key),
    snap.jobs,
    snap.occupationNames,
  );
  const missing: GapItem[] = missingTargets.map((t) => ({
    key: t.key,
    name: t.name,
    importance: t.importance,
    requiredLevel: RANK_LEVEL[t.level] ?? null,
    weight: t.weight / total,
    share: t.share,
    learning: learning.get(t.key) ?? { occupations: [], cluster: null, courses: [] },
  }));
  const levelGaps = targets.flatMap((t) => {
    const h = mine.get(t.key);
    return h && t.level > 0 && h.level < t.level
      ? [{ key: t.key, name: t.name, requiredLevel: RANK_LEVEL[t.level] as SkillProficiency, declaredLevel: RANK_LEVEL[h.level] ?? null }]
      : [];
  });
  const matched = targets.filter((t) => mine.has(t.key)).map((t) => t.name);
  return { missing, levelGaps, matched, postings: fromOccupation?.postings ?? null, basis: fromOccupation?.basis ?? null };
}
