/**
 * THE matching score: one pure function, used by the served fast path (matching.engine.ts), the
 * exhaustive evaluation path and the benchmark. It sees only the features below — a talent's
 * features have no field for gender, age, ethnicity, 户籍, marital or childbearing status, so none can
 * be a signal (就业促进法); matching.score.test.ts checks that structurally.
 */
import type { SkillProficiency } from '../../../shared/jobs.js';
import type {
  EducationFit,
  LevelGap,
  LocationFit,
  MatchedSkill,
  MatchParts,
  MatchReasons,
  MissingSkill,
  OccupationProximity,
} from '../../../shared/matching.js';
import { MATCHING_CONFIG, type MatchingConfig } from './matching.config.js';

/** 了解 1, 熟悉 2, 熟练 3, 精通 4; 0 = not stated. */
export const LEVEL_RANK: Record<SkillProficiency, number> = { aware: 1, familiar: 2, proficient: 3, expert: 4 };
const RANK_LEVEL: (SkillProficiency | null)[] = [null, 'aware', 'familiar', 'proficient', 'expert'];

export interface SkillFeature {
  /** Catalogue id, or `free:<normalised name>` for a free-text skill. */
  key: string;
  name: string;
  /** 0 = not stated, else LEVEL_RANK. */
  level: number;
}

/** Everything the scorer may know about a talent. Adding a field here is a reviewed decision. */
export interface TalentFeatures {
  id: string;
  /** County (or city) of residence, GB/T 2260. */
  regionCode: string;
  desiredCities: readonly string[];
  desiredOccupations: readonly string[];
  /**
   * Set by the engine when no occupation is desired: the 中类 ('d-dd') whose published postings ask most
   * for the talent's declared skills (inferOccupationGroup in matching.model.ts), or null.
   */
  inferredGroup?: string | null;
  skills: readonly SkillFeature[];
  desiredSalaryMinFen: number | null;
  /** Highest education (educationRank), null if none declared. */
  educationRank: number | null;
  experienceMonths: number;
  /** Self-declared (verified false) and platform-verified ones (certificates module: valid certificates,
   *  verified qualifications) with the occupation they attest. */
  certificates: readonly { name: string; verified: boolean; occupationCode?: string | null }[];
  updatedAtMs: number;
}

export interface JobFeatures {
  id: string;
  regionCode: string;
  occupationCode: string;
  remote: boolean;
  required: readonly SkillFeature[];
  preferred: readonly SkillFeature[];
  educationRank: number | null;
  experienceYearsMin: number;
  salaryMinFen: number;
  salaryMaxFen: number;
  publishedAtMs: number;
  /** Words a relevant certificate would contain: the occupation's name and the skill names (≥ 2 characters). */
  certificateTerms: readonly string[];
}

/** What the platform learnt from its own published postings: rarity and co-occurrence of skills. */
export interface ScoringModel {
  idf(key: string): number;
  /** Skills that often come with `key`: [other skill key, P(key | other)], strongest first. */
  related(key: string): readonly (readonly [string, number])[];
}

export type HardRule = 'education' | 'location' | 'salary';

export interface MatchResult {
  /** 0–1 before rounding (ranking uses it); `score` is the 0–100 integer shown. */
  raw: number;
  score: number;
  /** A hard requirement the pair does not meet (MATCHING_CONFIG.educationHard etc.): not ranked. */
  excluded: HardRule | null;
  parts: MatchParts;
  reasons: MatchReasons;
}

/** GB/T 4658 category → rank: 研究生 7, 本科 6, 专科 5, 中职 4, 高中 3, 初中 2, 小学 1. */
export function educationRank(code: string | null | undefined): number | null {
  if (!code) return null;
  const rank: Record<string, number> = { '1': 7, '2': 6, '3': 5, '4': 4, '6': 3, '7': 2, '8': 1 };
  return rank[code[0] ?? ''] ?? 0;
}

export function occupationProximity(desired: readonly string[], code: string, inferredGroup: string | null = null): OccupationProximity {
  if (desired.length === 0) return inferredGroup !== null && code.slice(0, 4) === inferredGroup ? 'inferred_group' : 'unknown';
  let best = 0;
  for (const d of desired) {
    // codes are d-dd-dd-dd: 大类 is 1 character, 中类 4, 小类 7, 细类 10
    const same = d === code ? 4 : d.slice(0, 7) === code.slice(0, 7) ? 3 : d.slice(0, 4) === code.slice(0, 4) ? 2 : d[0] === code[0] ? 1 : 0;
    if (same > best) best = same;
  }
  return (['different', 'same_major', 'same_medium', 'same_minor', 'same_detail'] as const)[best] ?? 'different';
}

function cityOfCode(code: string): string {
  return code === '369900' ? code : `${code.slice(0, 4)}00`;
}

function locationFit(t: TalentFeatures, j: JobFeatures, c: MatchingConfig) {
  let fit: MatchReasons['location'];
  if (j.remote) fit = 'remote';
  else if (t.regionCode === j.regionCode) fit = 'same_county';
  else if (t.desiredCities.some((d) => d === j.regionCode || d === cityOfCode(j.regionCode))) fit = 'desired_city';
  else if (cityOfCode(t.regionCode) === cityOfCode(j.regionCode)) fit = 'same_city';
  else fit = t.desiredCities.length > 0 ? 'not_desired' : 'elsewhere';
  return { fit, value: c.location[fit] };
}

function salaryFit(t: TalentFeatures, j: JobFeatures, c: MatchingConfig) {
  const wish = t.desiredSalaryMinFen;
  if (wish === null || wish <= 0) return { fit: 'unknown' as const, value: c.salary.unknown };
  if (j.salaryMinFen >= wish) return { fit: 'meets' as const, value: c.salary.meets };
  if (j.salaryMaxFen >= wish) return { fit: 'overlaps' as const, value: c.salary.overlaps };
  return { fit: 'below' as const, value: Math.max(0, 1 - (c.salaryBelowSlope * (wish - j.salaryMaxFen)) / wish) };
}

/** The level the scorer asks of a skill: as the job states it, and for a required one at least `requiredMinLevel`. */
export function askedLevel(stated: number, importance: 'required' | 'preferred', c: MatchingConfig = MATCHING_CONFIG): number {
  return importance === 'required' ? Math.max(c.requiredMinLevel, stated) : stated;
}

/** How far a declared level meets the asked one (1 when met or not asked): the skill part's level factor. */
export function levelFit(required: number, declared: number, c: MatchingConfig = MATCHING_CONFIG): number {
  if (required === 0 || declared > required) return 1;
  if (declared === required) return c.levelAtAsk;
  if (declared === 0) return c.levelUnknown;
  return Math.max(c.levelFloor, 1 - c.levelStepPenalty * (required - declared));
}

interface SkillPart {
  value: number;
  matched: MatchedSkill[];
  missing: MissingSkill[];
  levelGaps: LevelGap[];
}

const heldCache = new WeakMap<TalentFeatures, Map<string, SkillFeature>>();
function heldSkills(t: TalentFeatures): Map<string, SkillFeature> {
  let held = heldCache.get(t);
  if (!held) {
    held = new Map(t.skills.map((s) => [s.key, s]));
    heldCache.set(t, held);
  }
  return held;
}

/** The skill part; with `explain` false only its value (the reason lists stay empty, the value is the same). */
function skillPart(t: TalentFeatures, j: JobFeatures, model: ScoringModel, c: MatchingConfig, explain: boolean): SkillPart {
  const held = heldSkills(t);
  const out: SkillPart = { value: 0, matched: [], missing: [], levelGaps: [] };
  let total = 0;
  let got = 0;
  const visit = (s: SkillFeature, importance: 'required' | 'preferred') => {
    const w = c.importance[importance] * model.idf(s.key);
    total += w;
    const mine = held.get(s.key);
    const requiredLevel = RANK_LEVEL[s.level] ?? null;
    if (mine) {
      got += w * levelFit(askedLevel(s.level, importance, c), mine.level, c);
      if (!explain) return;
      out.matched.push({ key: s.key, name: s.name, importance, requiredLevel, declaredLevel: RANK_LEVEL[mine.level] ?? null });
      if (s.level > 0 && mine.level < s.level)
        out.levelGaps.push({ key: s.key, name: s.name, requiredLevel: RANK_LEVEL[s.level] as SkillProficiency, declaredLevel: RANK_LEVEL[mine.level] ?? null });
      return;
    }
    let relatedTo: string | null = null;
    let strength = 0;
    for (const [other, p] of model.related(s.key)) {
      const h = held.get(other);
      if (h && p > strength) {
        strength = p;
        relatedTo = h.name;
      }
    }
    got += w * c.relatedCredit * strength;
    if (explain) out.missing.push({ key: s.key, name: s.name, importance, requiredLevel, relatedTo });
  };
  for (const s of j.required) visit(s, 'required');
  for (const s of j.preferred) visit(s, 'preferred');
  out.value = total > 0 ? got / total : 0;
  return out;
}

/** A certificate counts for a job when it is verified evidence for the job's very occupation or its name names the occupation or a skill. */
const certificateRelevant = (cert: TalentFeatures['certificates'][number], j: JobFeatures) =>
  (cert.verified && cert.occupationCode === j.occupationCode) || j.certificateTerms.some((term) => term.length >= 2 && cert.name.includes(term));

/** certificatePart(…).value without building the list: the search reads it to tighten a candidate's bound (same sum, same order). */
export function certificateValue(t: TalentFeatures, j: JobFeatures, c: MatchingConfig = MATCHING_CONFIG): number {
  let sum = 0;
  for (const cert of t.certificates) if (certificateRelevant(cert, j)) sum += cert.verified ? 1 : c.declaredCertificate;
  return Math.min(1, sum);
}

function certificatePart(t: TalentFeatures, j: JobFeatures, c: MatchingConfig) {
  if (t.certificates.length === 0) return { relevant: [], value: 0 };
  const relevant = t.certificates.filter((cert) => certificateRelevant(cert, j));
  return { relevant: relevant.map((r) => ({ name: r.name, verified: r.verified })), value: certificateValue(t, j, c) };
}

function educationFit(t: TalentFeatures, j: JobFeatures) {
  if (j.educationRank === null || j.educationRank === 0) return 'not_required' as const;
  if (t.educationRank === null) return 'unknown' as const;
  return t.educationRank >= j.educationRank ? ('meets' as const) : ('below' as const);
}

const DAY_MS = 86_400_000;
const halfLife = (ageMs: number, days: number) => 0.5 ** Math.max(0, ageMs / DAY_MS / days);

/**
 * Scores one talent against one job at `nowMs`. Symmetric in use: the same call ranks jobs for a
 * talent and talents for a job (and jobs like a job, through jobAsTalent()).
 */
/** The parts that do not depend on skills: shared by scoreMatch and by the engine's candidate bound. */
function contextParts(t: TalentFeatures, j: JobFeatures, nowMs: number, c: MatchingConfig) {
  const occupation = occupationProximity(t.desiredOccupations, j.occupationCode, t.inferredGroup ?? null);
  const location = locationFit(t, j, c);
  const salary = salaryFit(t, j, c);
  const education = educationFit(t, j);
  const experience =
    j.experienceYearsMin <= 0 ? ('not_required' as const) : t.experienceMonths >= j.experienceYearsMin * 12 ? ('meets' as const) : ('below' as const);
  const w = c.weights;
  const values = {
    occupation: c.occupation[occupation],
    location: location.value,
    salary: salary.value,
    education: c.education[education],
    experience: experience === 'below' ? t.experienceMonths / (j.experienceYearsMin * 12) : c.experience[experience],
    freshness: (halfLife(nowMs - j.publishedAtMs, c.jobHalfLifeDays) + halfLife(nowMs - t.updatedAtMs, c.profileHalfLifeDays)) / 2,
  };
  const weighted =
    w.occupation * values.occupation +
    w.location * values.location +
    w.salary * values.salary +
    w.education * values.education +
    w.experience * values.experience +
    w.freshness * values.freshness;
  return { occupation, location, salary, education, experience, values, weighted, excluded: hardRule(t, j, education, location.fit, c) };
}

/** The first hard requirement the pair fails (matching.config.ts explains each rule), or null. */
function hardRule(t: TalentFeatures, j: JobFeatures, education: EducationFit, location: LocationFit, c: MatchingConfig): HardRule | null {
  if (c.educationHard && education === 'below') return 'education';
  if (c.locationHard && location === 'not_desired') return 'location';
  const wish = t.desiredSalaryMinFen;
  if (c.salaryHard && wish !== null && wish > 0 && j.salaryMaxFen < wish * (1 - c.salaryHardTolerance)) return 'salary';
  return null;
}

/**
 * The most the pair can score apart from its skill part (certificates counted at their maximum when the
 * talent has any), or null when a hard requirement excludes it. The engine uses it to skip candidates.
 */
export function contextBound(t: TalentFeatures, j: JobFeatures, nowMs: number, c: MatchingConfig = MATCHING_CONFIG): number | null {
  const ctx = contextParts(t, j, nowMs, c);
  if (ctx.excluded) return null;
  return ctx.weighted + (t.certificates.length > 0 ? c.weights.certificates : 0) + 1e-9;
}

/** The total from the parts (scoreMatch and scoreValue add them in this one order, so to the same number). */
function total(parts: MatchParts, c: MatchingConfig): number {
  const w = c.weights;
  return (
    w.skills * parts.skills +
    w.occupation * parts.occupation +
    w.location * parts.location +
    w.salary * parts.salary +
    w.education * parts.education +
    w.experience * parts.experience +
    w.certificates * parts.certificates +
    w.freshness * parts.freshness
  );
}

/**
 * scoreMatch(…).raw without the reasons (null when a hard requirement excludes the pair): the same
 * parts by the same code, so the same number. The engine uses it to drop candidates below the k-th
 * score before it builds their explanations.
 */
export function scoreValue(
  t: TalentFeatures,
  j: JobFeatures,
  model: ScoringModel,
  nowMs: number,
  c: MatchingConfig = MATCHING_CONFIG,
  floor = Number.NEGATIVE_INFINITY,
  ceiling = Number.POSITIVE_INFINITY,
): number | null {
  const skills = skillPart(t, j, model, c, false).value;
  if (surelyBelow(skills, floor, ceiling, c)) return Number.NEGATIVE_INFINITY;
  const { values, excluded } = contextParts(t, j, nowMs, c);
  if (excluded) return null;
  return total({ skills, ...values, certificates: certificatePart(t, j, c).value }, c);
}

/** Whether skill part `skills` plus at most `ceiling` from the other parts (pairBound) is below `floor`: SearchSpec.exact
 *  then need not work those parts out. (1e-9: the rounding of a sum taken in another order.) */
const surelyBelow = (skills: number, floor: number, ceiling: number, c: MatchingConfig) => c.weights.skills * skills + ceiling + 1e-9 < floor;

/**
 * scoreValue for one job against many talents: the job's skills are prepared once (weights, asked
 * levels, which held skill would earn co-occurring credit), so each talent costs one pass over its own
 * skills, with no per-talent map. The skill part is summed over the job's skills in scoreMatch's order
 * with the same operations, so the value is the same number (matching.fastpath.test.ts checks it).
 */
export function jobValueScorer(j: JobFeatures, model: ScoringModel, nowMs: number, c: MatchingConfig = MATCHING_CONFIG) {
  const entries = [...j.required.map((s) => [s, 'required'] as const), ...j.preferred.map((s) => [s, 'preferred'] as const)];
  const n = entries.length;
  const weight = new Float64Array(n);
  const asked = new Int8Array(n);
  const at = new Map<string, number[]>();
  const relatedAt = new Map<string, [number, number][]>();
  let sum = 0;
  entries.forEach(([s, importance], i) => {
    const w = c.importance[importance] * model.idf(s.key);
    weight[i] = w;
    sum += w;
    asked[i] = askedLevel(s.level, importance, c);
    at.set(s.key, [...(at.get(s.key) ?? []), i]);
    for (const [other, p] of model.related(s.key)) relatedAt.set(other, [...(relatedAt.get(other) ?? []), [i, p]]);
  });
  const declared = new Int8Array(n);
  const strongest = new Float64Array(n);
  return (t: TalentFeatures, floor = Number.NEGATIVE_INFINITY, ceiling = Number.POSITIVE_INFINITY): number | null => {
    declared.fill(-1);
    strongest.fill(0);
    for (const s of t.skills) {
      const mine = at.get(s.key);
      if (mine) for (const i of mine) declared[i] = s.level;
      const rel = relatedAt.get(s.key);
      if (rel) for (const [i, p] of rel) if (p > (strongest[i] as number)) strongest[i] = p;
    }
    let got = 0;
    for (let i = 0; i < n; i++) {
      const w = weight[i] as number;
      const level = declared[i] as number;
      got += level >= 0 ? w * levelFit(asked[i] as number, level, c) : w * c.relatedCredit * (strongest[i] as number);
    }
    const skills = sum > 0 ? got / sum : 0;
    if (surelyBelow(skills, floor, ceiling, c)) return Number.NEGATIVE_INFINITY;
    const { values, excluded } = contextParts(t, j, nowMs, c);
    if (excluded) return null;
    return total({ skills, ...values, certificates: certificatePart(t, j, c).value }, c);
  };
}

export function scoreMatch(t: TalentFeatures, j: JobFeatures, model: ScoringModel, nowMs: number, c: MatchingConfig = MATCHING_CONFIG): MatchResult {
  const skills = skillPart(t, j, model, c, true);
  const { occupation, location, salary, education, experience, values, excluded } = contextParts(t, j, nowMs, c);
  const certificates = certificatePart(t, j, c);
  const parts: MatchParts = { skills: skills.value, ...values, certificates: certificates.value };
  const raw = total(parts, c);
  return {
    raw,
    score: Math.round(raw * 100),
    excluded,
    parts,
    reasons: {
      matchedSkills: skills.matched,
      missingSkills: skills.missing,
      levelGaps: skills.levelGaps,
      location: location.fit,
      salary: salary.fit,
      occupation,
      education,
      experience,
      certificates: certificates.relevant,
    },
  };
}

/** A job seen as the ideal candidate for it: similar jobs are the jobs this "talent" matches best. */
export function jobAsTalent(j: JobFeatures): TalentFeatures {
  return {
    id: j.id,
    regionCode: j.regionCode,
    desiredCities: [j.regionCode],
    desiredOccupations: [j.occupationCode],
    skills: [...j.required, ...j.preferred.filter((p) => !j.required.some((r) => r.key === p.key))],
    desiredSalaryMinFen: j.salaryMinFen,
    educationRank: null,
    experienceMonths: j.experienceYearsMin * 12,
    certificates: [],
    updatedAtMs: j.publishedAtMs,
  };
}
