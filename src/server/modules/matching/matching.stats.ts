/**
 * 匹配统计 for officials: supply and demand of skills in their region, read from the matching index
 * (live postings and profiles opened to employers), no table scans.
 * - demand of a skill: live postings in the region that require it; supply: open profiles there that hold it
 * - per city (province officials see every city; a city official sees the counties of the city)
 *
 * One pass over both sides counts everything per region code (county, or city for records placed
 * only at city level) and is kept until the index changes (a refresh that changed a document, or a
 * rebuild): at province size the pass takes about half a second, an official's answer from the tally
 * a millisecond.
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

/** What one region code holds: live postings, open profiles, and per skill key the postings requiring it and the profiles holding it. */
interface RegionTally {
  jobs: number;
  talents: number;
  demand: Map<string, number>;
  supply: Map<string, number>;
}

interface Tally {
  /** The index the tally was counted from (a rebuild replaces these objects) and its change counts then. */
  jobsIndex: object;
  talentsIndex: object;
  jobChanges: number;
  talentChanges: number;
  regions: Map<string, RegionTally>;
  names: Map<string, string>;
}

/** The last tally per engine (a platform has one engine). */
const tallies = new WeakMap<object, Tally>();

type Snapshot = Awaited<ReturnType<ReturnType<typeof matchingEngine>['snapshot']>>;

function count(jobs: Snapshot['jobs'], talents: Snapshot['talents']): Tally {
  const regions = new Map<string, RegionTally>();
  const names = new Map<string, string>();
  const region = (code: string) => {
    let r = regions.get(code);
    if (!r) {
      r = { jobs: 0, talents: 0, demand: new Map(), supply: new Map() };
      regions.set(code, r);
    }
    return r;
  };
  for (const j of jobs.docs) {
    if (!j) continue;
    const r = region(j.regionCode);
    r.jobs++;
    for (const s of j.required) {
      names.set(s.key, s.name);
      r.demand.set(s.key, (r.demand.get(s.key) ?? 0) + 1);
    }
  }
  for (const t of talents.docs) {
    if (!t) continue;
    const r = region(t.regionCode);
    r.talents++;
    for (const s of t.skills) {
      if (!names.has(s.key)) names.set(s.key, s.name);
      r.supply.set(s.key, (r.supply.get(s.key) ?? 0) + 1);
    }
  }
  return { jobsIndex: jobs, talentsIndex: talents, jobChanges: jobs.changes, talentChanges: talents.changes, regions, names };
}

/** The tally of the index as it is now: the kept one while no document changed since, else counted again. */
async function currentTally(ctx: Ctx): Promise<Tally> {
  const engine = matchingEngine(ctx.platform);
  const { jobs, talents } = await engine.snapshot();
  const kept = tallies.get(engine);
  if (kept && kept.jobsIndex === jobs && kept.talentsIndex === talents && kept.jobChanges === jobs.changes && kept.talentChanges === talents.changes)
    return kept;
  const fresh = count(jobs, talents);
  tallies.set(engine, fresh);
  return fresh;
}

/** The area a record is counted under: its city for a province-wide view, else its own county. */
function areaOf(actor: Actor, code: string): string {
  return actor.regionCode === '360000' ? (cityOf(code) ?? code) : code;
}

export async function matchingStats(ctx: Ctx & { actor: Actor }) {
  const tally = await currentTally(ctx);
  const demand = new Map<string, number>();
  const supply = new Map<string, number>();
  const areas = new Map<string, AreaCounts>();
  let jobCount = 0;
  let talentCount = 0;
  for (const [code, r] of tally.regions) {
    if (!inRegion(ctx.actor, code)) continue;
    jobCount += r.jobs;
    talentCount += r.talents;
    const key = areaOf(ctx.actor, code);
    const area = areas.get(key) ?? { regionCode: key, jobs: 0, talents: 0 };
    area.jobs += r.jobs;
    area.talents += r.talents;
    areas.set(key, area);
    for (const [k, n] of r.demand) demand.set(k, (demand.get(k) ?? 0) + n);
    for (const [k, n] of r.supply) supply.set(k, (supply.get(k) ?? 0) + n);
  }
  const balance = (key: string): SkillBalance => {
    const d = demand.get(key) ?? 0;
    const sup = supply.get(key) ?? 0;
    return { key, name: tally.names.get(key) ?? key, demand: d, supply: sup, supplyPerPosting: d ? Math.round((sup / d) * 100) / 100 : null };
  };
  const inDemand = [...demand.keys()].map(balance).sort((a, b) => b.demand - a.demand || a.name.localeCompare(b.name, 'zh'));
  // the scarcest: most demanded skills with the fewest holders per posting (at least 3 postings, so one ad is no trend)
  const scarce = inDemand
    .filter((b) => b.demand >= 3)
    .sort((a, b) => (a.supplyPerPosting ?? 0) - (b.supplyPerPosting ?? 0) || b.demand - a.demand)
    .slice(0, TOP);
  const stats = matchingEngine(ctx.platform).stats();
  return {
    regionCode: ctx.actor.regionCode,
    liveJobs: jobCount,
    openProfiles: talentCount,
    topDemanded: inDemand.slice(0, TOP),
    scarcest: scarce,
    areas: [...areas.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
    indexBuiltMs: stats?.buildMs ?? null,
    // (the tally is of the index as it is now)
    asOf: ctx.now.toISOString(),
  };
}
