/**
 * The weights of the matching score, in one place (docs/matching.md explains each). The total is
 * 100 × Σ weight × part, every part in [0, 1]; the weights add up to 1.
 */
import type { EducationFit, ExperienceFit, LocationFit, OccupationProximity, SalaryFit } from '../../../shared/matching.js';

export const MATCHING_CONFIG = {
  weights: {
    skills: 0.45,
    occupation: 0.15,
    location: 0.12,
    salary: 0.1,
    education: 0.05,
    experience: 0.06,
    certificates: 0.04,
    freshness: 0.03,
  },
  /**
   * Importance of a skill the job requires against one it only prefers; each is also weighted by idf.
   * Required skills dominate: a profile that has every must-have and few nice-to-haves ranks above one
   * that misses a must-have but has many nice-to-haves (bench/matching.ts, docs/benchmarks.md).
   */
  importance: { required: 8, preferred: 1 },
  /**
   * A required skill whose level the job does not state is asked at 熟悉 (2): a talent who declares only
   * 了解 (aware of it) meets it one step short. Levels the job states are taken as stated.
   */
  requiredMinLevel: 2,
  /** A declared level below the required one costs this much per step (了解 < 熟悉 < 熟练 < 精通), down to `levelFloor`. */
  levelStepPenalty: 0.35,
  levelFloor: 0.4,
  /** A declared level exactly at the asked one: met, with less to spare than a level above it (declared levels are self-assessed). */
  levelAtAsk: 0.9,
  /** The job names a level, the talent declared none. */
  levelUnknown: 0.8,
  /** Credit for a missing skill when the talent has one that co-occurs with it in postings (× co-occurrence strength). */
  relatedCredit: 0.35,
  /** Co-occurrence: a pair must appear in this many published postings, and P(missing | held) must reach minStrength. */
  cooccurrence: { minSupport: 3, minStrength: 0.2, neighbours: 8 },
  /** `inferred_group`: a talent who named no desired occupation, for a job in the 中类 inferred from the talent's skills (matching.model.ts). */
  occupation: { same_detail: 1, same_minor: 0.85, same_medium: 0.7, same_major: 0.15, different: 0, inferred_group: 0.7, unknown: 0.15 } satisfies Record<
    OccupationProximity,
    number
  >,
  /** How `inferred_group` is found (matching.model.ts inferGroup): naive Bayes smoothing, and the posted skills it needs. */
  occupationInference: { smoothing: 0.1, minSkills: 2 },
  location: { remote: 1, same_county: 1, desired_city: 1, same_city: 0.8, elsewhere: 0.3, not_desired: 0 } satisfies Record<LocationFit, number>,
  salary: { meets: 1, overlaps: 0.85, unknown: 0.6 } satisfies Record<Exclude<SalaryFit, 'below'>, number>,
  /** Below the wish: 1 − slope × shortfall / wish, at least 0. */
  salaryBelowSlope: 2,
  /**
   * Hard requirements filter, soft ones score (docs/matching.md "Hard requirements"). Each rule reads
   * only what the two records declare; a pair excluded by one is never ranked, in either direction.
   * - education: the job's minimum education (GB/T 4658) is a hard requirement: a talent whose highest
   *   declared education is below it is not ranked (no education declared: unknown, scored 0.5).
   * - location: a talent who named desired cities (期望城市) declared where they will work: a job that is
   *   not remote, not in one of those cities or counties and not in the talent's own city is not
   *   ranked ('not_desired'). A talent who named none is scored ('elsewhere', 0.3), never excluded.
   * - salary: the talent's wish is a declared minimum (期望最低月薪): a job whose band cannot reach it —
   *   the top of the band below the wish by more than `salaryHardTolerance` of the wish — is not
   *   ranked. Within the tolerance it is scored ('below'). No wish: never excluded.
   */
  educationHard: true,
  locationHard: true,
  salaryHard: true,
  salaryHardTolerance: 0,
  education: { meets: 1, below: 0.2, unknown: 0.5, not_required: 1 } satisfies Record<EducationFit, number>,
  experience: { meets: 1, not_required: 1 } satisfies Record<Exclude<ExperienceFit, 'below'>, number>,
  /** A verified certificate counts fully, a declared one by this factor; the part is capped at 1. */
  declaredCertificate: 0.5,
  /** Freshness half-lives in days: the job's publication and the profile's last update (averaged). */
  jobHalfLifeDays: 21,
  profileHalfLifeDays: 120,
};

export type MatchingConfig = typeof MATCHING_CONFIG;
