/**
 * 匹配统计 for officials: supply and demand of skills in their region, read from the matching index
 * (live postings and profiles opened to employers), one pass over each side, no table scans.
 * - demand of a skill: live postings in the region that require it; supply: open profiles there that hold it
 * - per city (province officials see every city; a city official sees the counties of the city)
 */
import type { Actor, Ctx } from '../../context.js';
import { cityOf, inRegion } from '../access/region-scope.js';
import { matchingEngine } from './matching.engine.js';

export interface SkillBalance {
  key: string;
  name: string;
  demand: number;
  supply: number;
  /** Open profiles per live posting that requires the skill (null when no posting requires it). */
  supplyPerPosting: number | null;
}

export interface AreaCounts {
  regionCode: string;
  jobs: number;
  talents: number;
}

const TOP = 20;

/** The area a record is counted under: its city for a province-wide view, else its own county. */
function areaOf(actor: Actor, code: string): string {
  return actor.regionCode === '360000' ? (cityOf(code) ?? code) : code;
}

export async function matchingStats(ctx: Ctx & { actor: Actor }) {
  const engine = matchingEngine(ctx.platform);
  const { jobs, talents } = await engine.snapshot();
  const names = new Map<string, string>();
  const demand = new Map<string, number>();
  const supply = new Map<string, number>();
  const areas = new Map<string, AreaCounts>();
  const area = (code: string) => {
    const key = areaOf(ctx.actor, code);
    const known = areas.get(key);
    if (known) return known;
    const fresh = { regionCode: key, jobs: 0, talents: 0 };
    areas.set(key, fresh);
    return fresh;
  };
  let jobCount = 0;
  let talentCount = 0;
  for (const j of jobs.docs) {
    if (!j || !inRegion(ctx.actor, j.regionCode)) continue;
    jobCount++;
    area(j.regionCode).jobs++;
    for (const s of j.required) {
      names.set(s.key, s.name);
      demand.set(s.key, (demand.get(s.key) ?? 0) + 1);
    }
  }
  for (const t of talents.docs) {
    if (!t || !inRegion(ctx.actor, t.regionCode)) continue;
    talentCount++;
    area(t.regionCode).talents++;
    for (const s of t.skills) {
      if (!names.has(s.key)) names.set(s.key, s.name);
      supply.set(s.key, (supply.get(s.key) ?? 0) + 1);
    }
  }
  const balance = (key: string): SkillBalance => {
    const d = demand.get(key) ?? 0;
    const sup = supply.get(key) ?? 0;
    return { key, name: names.get(key) ?? key, demand: d, supply: sup, supplyPerPosting: d ? Math.round((sup / d) * 100) / 100 : null };
  };
  const inDemand = [...demand.keys()].map(balance).sort((a, b) => b.demand - a.demand || a.name.localeCompare(b.name, 'zh'));
  // the scarcest: most demanded skills with the fewest holders per posting (at least 3 postings, so one ad is no trend)
  const scarce = inDemand
    .filter((b) => b.demand >= 3)
    .sort((a, b) => (a.supplyPerPosting ?? 0) - (b.supplyPerPosting ?? 0) || b.demand - a.demand)
    .slice(0, TOP);
  const stats = engine.stats();
  return {
    regionCode: ctx.actor.regionCode,
    liveJobs: jobCount,
    openProfiles: talentCount,
    topDemanded: inDemand.slice(0, TOP),
    scarcest: scarce,
    areas: [...areas.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
    indexBuiltMs: stats?.buildMs ?? null,
    asOf: ctx.now.toISOString(),
  };
}
