/**
 * How to learn a missing skill (提技能). Until the training module supplies courses, a skill is
 * explained by the occupations whose published postings use it and by its cluster in the skills
 * catalogue. SEAM: the training module fills `courses` here (one query for all the skills of a gap
 * list); nothing else in matching needs to change.
 */
import { inArray } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import { skillClusters, skills } from '../catalog/catalog.tables.js';
import type { IndexedJob } from './matching.engine.js';
import type { SideIndex } from './matching.index.js';

export interface Learning {
  /** Occupations whose published postings list the skill, most postings first. */
  occupations: { code: string; name: string; postings: number }[];
  /** The skill's cluster in the catalogue (catalogue skills only). */
  cluster: { id: string; name: string } | null;
  /** Training courses that cover the skill: filled by the training module once it lands. */
  courses: { id: string; title: string }[];
}

export async function learningFor(
  ctx: Pick<Ctx, 'db'>,
  keys: readonly string[],
  jobs: SideIndex<IndexedJob>,
  occupationNames: ReadonlyMap<string, string>,
): Promise<Map<string, Learning>> {
  const ids = keys.filter((k) => !k.startsWith('free:'));
  const rows = ids.length ? await ctx.db.select({ id: skills.id, clusterId: skills.clusterId }).from(skills).where(inArray(skills.id, ids)) : [];
  const clusterIds = [...new Set(rows.map((r) => r.clusterId))];
  const clusters = clusterIds.length
    ? await ctx.db.select({ id: skillClusters.id, name: skillClusters.nameZh }).from(skillClusters).where(inArray(skillClusters.id, clusterIds))
    : [];
  const clusterName = new Map(clusters.map((c) => [c.id, c.name]));
  const clusterOf = new Map(rows.map((r) => [r.id, r.clusterId]));
  const out = new Map<string, Learning>();
  for (const key of keys) {
    const counts = new Map<string, number>();
    const postings = jobs.skillPostings.get(key);
    for (let i = 0; postings && i < postings.length; i++) {
      const job = jobs.docs[postings.ids[i] as number];
      if (job) counts.set(job.occupationCode, (counts.get(job.occupationCode) ?? 0) + 1);
    }
    const occupations = [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 3)
      .map(([code, n]) => ({ code, name: occupationNames.get(code) ?? code, postings: n }));
    const cid = clusterOf.get(key);
    out.set(key, { occupations, cluster: cid ? { id: cid, name: clusterName.get(cid) ?? cid } : null, courses: [] });
  }
  return out;
}
