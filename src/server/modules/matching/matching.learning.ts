/**
 * How to learn a missing skill (提技能): open training classes that teach it, nearest to the talent
 * first (one query for all the skills of a gap list, modules/training), the occupations whose published
 * postings use it, and its cluster in the skills catalogue.
 */
import { inArray } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import { skillClusters, skills } from '../catalog/catalog.tables.js';
import { chinaDate } from '../jobs/jobs.views.js';
import { classesCovering } from '../training/training.records.js';
import { indexMemo } from './matching.cache.js';
import type { IndexedJob } from './matching.engine.js';
import type { SideIndex } from './matching.index.js';

export interface Learning {
  /** Occupations whose published postings list the skill, most postings first. */
  occupations: { code: string; name: string; postings: number }[];
  /** The skill's cluster in the catalogue (catalogue skills only). */
  cluster: { id: string; name: string } | null;
  /** Open classes that teach the skill, nearest first (at most COURSES_PER_SKILL). */
  courses: Course[];
}

export interface Course {
  id: string;
  title: string;
  providerName: string;
  regionCode: string;
  startsOn: string;
  feeFen: number;
  /** Training subsidy per person from the catalogue in force when the class starts; null = none. */
  subsidyFen: number | null;
}

const COURSES_PER_SKILL = 3;

/** Classes for the skills, grouped by skill; near = the talent's region (officials and employers: theirs). */
async function coursesFor(ctx: Pick<Ctx, 'db' | 'actor' | 'now'>, skillIds: readonly string[]): Promise<Map<string, Course[]>> {
  const out = new Map<string, Course[]>();
  if (!skillIds.length || !ctx.actor) return out;
  const classes = await classesCovering(ctx.db, {
    skillIds: [...skillIds],
    occupationCodes: [],
    regionCode: ctx.actor.regionCode,
    on: chinaDate(ctx.now),
    limit: 50,
  });
  for (const c of classes)
    for (const id of c.skillIds) {
      const list = out.get(id) ?? [];
      if (list.length < COURSES_PER_SKILL && skillIds.includes(id)) {
        list.push({
          id: c.classId,
          title: c.name,
          providerName: c.providerName,
          regionCode: c.regionCode,
          startsOn: c.startsOn,
          feeFen: c.feeFen,
          subsidyFen: c.subsidyFen,
        });
        out.set(id, list);
      }
    }
  return out;
}

const asking = indexMemo<[string, number][]>();

/**
 * The three occupations whose published postings ask for the skill most often, with how many. Counted
 * once per skill until the index changes: a common skill is asked by tens of thousands of postings at
 * province size, and counting them on every gap list made one request in a hundred take 80 ms.
 */
function occupationsAsking(jobs: SideIndex<IndexedJob>, key: string): [string, number][] {
  return asking(jobs, key, () => {
    const counts = new Map<string, number>();
    for (const job of jobs.docsWithSkill(key)) counts.set(job.occupationCode, (counts.get(job.occupationCode) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
  });
}

export async function learningFor(
  ctx: Pick<Ctx, 'db' | 'actor' | 'now'>,
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
  const courses = await coursesFor(ctx, ids);
  const out = new Map<string, Learning>();
  for (const key of keys) {
    const occupations = occupationsAsking(jobs, key).map(([code, n]) => ({ code, name: occupationNames.get(code) ?? code, postings: n }));
    const cid = clusterOf.get(key);
    out.set(key, { occupations, cluster: cid ? { id: cid, name: clusterName.get(cid) ?? cid } : null, courses: courses.get(key) ?? [] });
  }
  return out;
}
