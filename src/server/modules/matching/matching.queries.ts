/**
 * From features to the index: each document's postings, buckets and hard-filter columns, and each
 * query's lists, bounds and filter. Shared by the engine, the tests and the benchmark.
 */
import { MATCHING_CONFIG, type MatchingConfig } from './matching.config.js';
import { emptyRow, jobRow, pairBound, talentRow } from './matching.columns.js';
import { type DocEntry, type DocSink, type QueryFilter, type SearchSpec, SideIndex } from './matching.index.js';
import type { LearntModel } from './matching.model.js';
import { askedLevel, certificateValue, type JobFeatures, jobValueScorer, levelFit, scoreMatch, scoreValue, type TalentFeatures } from './matching.score.js';

export interface IndexedJob extends JobFeatures {
  orgId: string;
  validFrom: string;
  validUntil: string;
  /** The row's updated_at when it was indexed (a refresh skips a row it has already indexed). */
  changedAtMs?: number;
}

export const cityOf = (code: string) => (code === '369900' ? code : `${code.slice(0, 4)}00`);
const medium = (occupation: string) => `occ:${occupation.slice(0, 4)}`;
const memo = (fn: (code: string) => string) => {
  const cache = new Map<string, string>();
  return (code: string) => {
    let v = cache.get(code);
    if (v === undefined) {
      v = fn(code);
      cache.set(code, v);
    }
    return v;
  };
};
/** Bucket keys, interned (the bulk build asks for them millions of times). */
const mediumBucket = memo(medium);
const cityBucket = memo((code) => `city:${cityOf(code)}`);
/** The day (China time) a posting's validity is judged by. */
export const today = (nowMs: number) => new Date(nowMs + 8 * 3_600_000).toISOString().slice(0, 10);

/** Anywhere (no location filter): every city bit. */
const ANYWHERE = 0xffffffff;
const cityBits = new Map<string, number>();
/** One bit per city (bits 0–30 in order of first sight; any further city shares bit 31, which keeps the filter a superset). */
const bitOfCode = new Map<string, number>();
function cityBit(code: string): number {
  let mask = bitOfCode.get(code);
  if (mask === undefined) {
    const city = cityOf(code);
    let bit = cityBits.get(city);
    if (bit === undefined) {
      bit = Math.min(31, cityBits.size);
      cityBits.set(city, bit);
    }
    mask = (1 << bit) >>> 0;
    bitOfCode.set(code, mask);
  }
  return mask;
}

/** The cities a talent accepts: anywhere, unless the location rule is hard and the talent named desired cities (own city + theirs). */
function talentMask(t: TalentFeatures): number {
  if (!MATCHING_CONFIG.locationHard || t.desiredCities.length === 0) return ANYWHERE;
  let m = cityBit(t.regionCode);
  for (const c of t.desiredCities) m = (m | cityBit(c)) >>> 0;
  return m;
}
const jobMask = (j: JobFeatures) => (j.remote ? ANYWHERE : cityBit(j.regionCode));

/** The job index (weighted postings; rows from jobRow). */
export const newJobIndex = () => new SideIndex<IndexedJob>('jobs', jobRow);
/** The talent index. `eagerShare`: see SideIndex. */
export const newTalentIndex = (eagerShare?: number, pauseMin?: number) => new SideIndex<TalentFeatures>('talents', talentRow, eagerShare, pauseMin);

/** Jobs a talent may be shown (matching.config.ts: hard requirements). */
export function talentFilter(t: TalentFeatures): QueryFilter {
  const c = MATCHING_CONFIG;
  const wish = t.desiredSalaryMinFen !== null && t.desiredSalaryMinFen > 0 ? t.desiredSalaryMinFen : 0;
  return { mask: talentMask(t), money: c.salaryHard ? wish : 0, edu: c.educationHard ? (t.educationRank ?? -1) : -1, moneyFactor: 1 - c.salaryHardTolerance };
}

/** Talents a job may be shown. */
export function jobFilter(j: JobFeatures): QueryFilter {
  const c = MATCHING_CONFIG;
  return {
    mask: c.locationHard ? jobMask(j) : ANYWHERE,
    money: c.salaryHard ? j.salaryMaxFen : Number.POSITIVE_INFINITY,
    edu: c.educationHard ? (j.educationRank ?? 0) : 0,
    moneyFactor: 1 - c.salaryHardTolerance,
  };
}

/**
 * The query's occupation groups for SearchSpec.groups: the 中类 of the codes (d-dd-dd-dd or d-dd) as
 * integers ddd; undefined (no shortcut) when a code is in another format, which the scorer may still
 * compare by prefix.
 */
function occupationGroups(codes: readonly string[], outside: number): SearchSpec<unknown, never>['groups'] {
  const ids: number[] = [];
  for (const code of codes) {
    const m = /^(\d)-(\d\d)(?:-\d\d-\d\d)?$/.exec(code);
    if (!m) return undefined;
    ids.push(Number(m[1]) * 100 + Number(m[2]));
  }
  return { ids, outside };
}

/** Candidate generation for a talent: own skills (credit 1), skills that co-occur with them, occupation and city buckets. */
export function jobsQuery(t: TalentFeatures, model: LearntModel) {
  const held = new Set(t.skills.map((x) => x.key));
  const credits = new Map<string, number>();
  for (const key of held)
    for (const [other, strength] of model.relatedInverse(key)) {
      if (held.has(other)) continue;
      credits.set(other, Math.max(credits.get(other) ?? 0, MATCHING_CONFIG.relatedCredit * strength));
    }
  // the talent's occupation groups first (any context), then remote jobs and the talent's cities (outside
  // those groups), each once
  const near = contextMax(false, true);
  const own = new Set([...t.desiredOccupations.map(medium), ...(t.inferredGroup ? [medium(t.inferredGroup)] : [])]);
  const buckets: [string, number][] = [...own].map((b) => [b, contextMax(true, true)]);
  for (const b of new Set(['remote', `city:${cityOf(t.regionCode)}`, ...t.desiredCities.map((c) => `city:${cityOf(c)}`)])) buckets.push([b, near]);
  const groups = occupationGroups([...t.desiredOccupations, ...(t.inferredGroup ? [t.inferredGroup] : [])], near);
  // a job's skill weights sum to 1, so co-occurring skills add at most the largest credit
  const related = [...credits];
  const relatedMax = related.reduce((m, [, c]) => Math.max(m, c), 0);
  // own skills: credit 1 × the scorer's level fit of the talent's level against the level each job asks
  // (one list per skill: the last declaration wins, as in the scorer)
  const skills = [...new Map(t.skills.map((x) => [x.key, x.level])).entries()].map(
    ([key, declared]) => [key, 1, fitByLevel((asked) => levelFit(asked, declared))] as const,
  );
  return {
    skills,
    related,
    relatedMax,
    relatedShare: MATCHING_CONFIG.relatedCredit,
    buckets,
    groups,
    skillWeight: MATCHING_CONFIG.weights.skills,
    outsideBound: nonCandidateBound(false),
    filter: talentFilter(t),
  };
}

/** Candidate generation for a job: talents holding its skills or co-occurring ones, its occupation medium group, its city. */
export function talentsQuery(j: JobFeatures, model: LearntModel) {
  const skills: [string, number, Float64Array][] = [];
  // one list per co-occurring skill, its credit summed over the job's skills it co-occurs with
  const relatedCredits = new Map<string, number>();
  let relatedMax = 0;
  for (const [key, w, asked] of jobSkillWeights(j, model)) {
    // the scorer's level fit of each talent's declared level against the level the job asks
    skills.push([key, w, fitByLevel((declared) => levelFit(asked, declared))]);
    let strongest = 0;
    for (const [other, strength] of model.related(key)) {
      relatedCredits.set(other, (relatedCredits.get(other) ?? 0) + MATCHING_CONFIG.relatedCredit * strength * w);
      strongest = Math.max(strongest, strength);
    }
    relatedMax += MATCHING_CONFIG.relatedCredit * strongest * w;
  }
  const related = [...relatedCredits];
  // talents desiring (or inferred in) the job's group first, then those in its city outside that group
  const buckets: [string, number][] = [
    [medium(j.occupationCode), contextMax(true, true)],
    [`city:${cityOf(j.regionCode)}`, contextMax(false, true)],
  ];
  const groups = occupationGroups([j.occupationCode], contextMax(false, true));
  return {
    skills,
    related,
    relatedMax,
    relatedShare: MATCHING_CONFIG.relatedCredit,
    buckets,
    groups,
    skillWeight: MATCHING_CONFIG.weights.skills,
    outsideBound: nonCandidateBound(j.remote),
    filter: jobFilter(j),
  };
}

export function jobScorer(t: TalentFeatures, model: LearntModel, nowMs: number, exceptJobId: string | null) {
  const day = today(nowMs);
  return (j: IndexedJob) => {
    if (j.id === exceptJobId || j.validFrom > day || j.validUntil < day) return null;
    const r = scoreMatch(t, j, model, nowMs);
    return r.excluded ? null : r;
  };
}

/** jobScorer's value alone (scoreValue: the same number, no explanation), for SearchSpec.exact. */
export function jobExact(t: TalentFeatures, model: LearntModel, nowMs: number, exceptJobId: string | null) {
  const day = today(nowMs);
  return (j: IndexedJob, floor?: number, ceiling?: number) =>
    j.id === exceptJobId || j.validFrom > day || j.validUntil < day ? null : scoreValue(t, j, model, nowMs, MATCHING_CONFIG, floor, ceiling);
}

/** talentScorer's value alone, for SearchSpec.exact. */
export function talentExact(j: JobFeatures, model: LearntModel, nowMs: number) {
  return jobValueScorer(j, model, nowMs);
}

/**
 * The engine's per-document bound apart from skills, read from the index's columns (pairBound equals
 * contextBound; null: excluded by a hard requirement). Liveness and the query itself are left to the scorer.
 */
export function jobRest(index: SideIndex<IndexedJob>, t: TalentFeatures, nowMs: number) {
  const tr = talentRow(t);
  const jr = emptyRow();
  return (slot: number) => pairBound(tr, index.columns.read(slot, jr), nowMs);
}

export function talentRest(index: SideIndex<TalentFeatures>, j: JobFeatures, nowMs: number) {
  const jr = jobRow(j);
  const tr = emptyRow();
  return (slot: number) => pairBound(index.columns.read(slot, tr), jr, nowMs);
}

/**
 * SearchSpec.refine: `pairBound` counts the certificate part at its maximum for a talent who holds any
 * certificate (the columns cannot tell which ones a job makes relevant); this puts in the part's
 * value, worked out once per query for each interned certificate key (`Columns.certId`: jobs of one
 * occupation asking the same skills share one, as do talents with the same certificates), so near-tied
 * candidates need not touch their objects. A document without a key has no certificate part to refine.
 */
function certificateRefine<F extends { id: string }>(index: SideIndex<F>, value: (doc: F) => number) {
  const w = MATCHING_CONFIG.weights.certificates;
  const known = new Map<number, number>();
  return (slot: number, doc: F, bound: number) => {
    const id = index.columns.certId(slot);
    if (id < 0) return bound;
    let v = known.get(id);
    if (v === undefined) {
      v = value(doc);
      known.set(id, v);
    }
    return bound - w + w * v;
  };
}

/** For a talent's query (undefined when the talent has no certificate: the bound is already exact). */
export const jobRefine = (index: SideIndex<IndexedJob>, t: TalentFeatures) =>
  t.certificates.length === 0 ? undefined : certificateRefine(index, (j) => certificateValue(t, j));

/** For a job's query: talents without certificates are passed over from the record. */
export const talentRefine = (index: SideIndex<TalentFeatures>, j: JobFeatures) => certificateRefine(index, (t) => certificateValue(t, j));

export function talentScorer(j: JobFeatures, model: LearntModel, nowMs: number) {
  return (t: TalentFeatures) => {
    const r = scoreMatch(t, j, model, nowMs);
    return r.excluded ? null : r;
  };
}

/** Each skill's share of the job's skill part (importance × idf, normalised to sum 1) and the level the scorer asks (askedLevel). */
export function jobSkillWeights(j: JobFeatures, model: LearntModel): [string, number, number][] {
  const raw: [string, number, number][] = [
    ...j.required.map((s) => [s.key, MATCHING_CONFIG.importance.required * model.idf(s.key), askedLevel(s.level, 'required')] as [string, number, number]),
    ...j.preferred.map((s) => [s.key, MATCHING_CONFIG.importance.preferred * model.idf(s.key), s.level] as [string, number, number]),
  ];
  const total = raw.reduce((sum, [, w]) => sum + w, 0);
  return total > 0 ? raw.map(([k, w, level]) => [k, w / total, level]) : [];
}

/** A level-fit table indexed by a posting's level (0 = not stated … 4 = 精通). */
function fitByLevel(fitAt: (level: number) => number): Float64Array {
  const table = new Float64Array(5);
  for (let level = 0; level <= 4; level++) table[level] = fitAt(level);
  return table;
}

/** Tells a job to the index: its skills with their weights, its occupation group, city and remote buckets. */
export function describeJob(j: IndexedJob, model: LearntModel, sink: DocSink<IndexedJob>) {
  sink.doc(j, jobMask(j));
  for (const [key, w, level] of jobSkillWeights(j, model)) sink.skill(key, w, level);
  sink.bucket(mediumBucket(j.occupationCode));
  sink.bucket(cityBucket(j.regionCode));
  if (j.remote) sink.bucket('remote');
}

/** Tells a talent to the index: its skills, the occupation groups it desires, its city and desired cities (each once). */
export function describeTalent(t: TalentFeatures, sink: DocSink<TalentFeatures>) {
  sink.doc(t, talentMask(t));
  for (const s of t.skills) sink.skill(s.key, 1, s.level);
  const occ = t.desiredOccupations;
  for (let i = 0; i < occ.length; i++) {
    const b = mediumBucket(occ[i] as string);
    let dup = false;
    for (let k = 0; k < i; k++) if (mediumBucket(occ[k] as string) === b) dup = true;
    if (!dup) sink.bucket(b);
  }
  // (a talent with an inferred group desires no occupation: no duplicate possible)
  if (t.inferredGroup) sink.bucket(mediumBucket(t.inferredGroup));
  const home = cityBucket(t.regionCode);
  sink.bucket(home);
  const cities = t.desiredCities;
  for (let i = 0; i < cities.length; i++) {
    const b = cityBucket(cities[i] as string);
    let dup = b === home;
    for (let k = 0; k < i; k++) if (cityBucket(cities[k] as string) === b) dup = true;
    if (!dup) sink.bucket(b);
  }
}

function entryOf<F>(describe: (sink: DocSink<F>) => void): DocEntry<F> {
  const e = { features: null as F | null, mask: 0, skills: [] as [string, number, number][], buckets: [] as string[] };
  describe({
    doc: (features, mask) => {
      e.features = features;
      e.mask = mask;
    },
    skill: (key, w, level) => e.skills.push([key, w, level]),
    bucket: (key) => e.buckets.push(key),
  });
  return e as DocEntry<F>;
}

export const jobEntry = (j: IndexedJob, model: LearntModel) => entryOf<IndexedJob>((sink) => describeJob(j, model, sink));
export const talentEntry = (t: TalentFeatures) => entryOf<TalentFeatures>((sink) => describeTalent(t, sink));

/**
 * The most a candidate can score when it shares no skill (nor a co-occurring one) with the query, is
 * outside its occupation medium group and outside its cities. The engine scores every candidate that
 * could beat this; if its top-k stays above it, the result equals the exhaustive one.
 */
export function nonCandidateBound(remoteMatters: boolean, c: MatchingConfig = MATCHING_CONFIG): number {
  return contextMax(false, remoteMatters, c);
}

/**
 * The most a pair can score apart from its skill part, knowing only whether the job is in one of the
 * talent's occupation groups (desired or inferred 中类) and whether it is in the talent's cities (or
 * remote): outside the groups the occupation part is at most same_major / unknown, outside the cities
 * the location part at most elsewhere.
 */
export function contextMax(inGroup: boolean, inCities: boolean, c: MatchingConfig = MATCHING_CONFIG): number {
  const w = c.weights;
  const occ = inGroup ? 1 : Math.max(c.occupation.same_major, c.occupation.unknown, c.occupation.different);
  const loc = inCities ? 1 : Math.max(c.location.elsewhere, c.location.not_desired);
  return w.occupation * occ + w.location * loc + w.salary + w.education + w.experience + w.certificates + w.freshness;
}
