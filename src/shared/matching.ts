/**
 * 人岗匹配 (talent↔job matching): the reasons a score carries and the query schemas, shared by the
 * server and the web app. Every reason is a fact of the two records (a matched skill is in both).
 */
import { z } from 'zod';
import type { SkillProficiency } from './jobs.js';

export const LocationFit = z.enum(['remote', 'same_county', 'desired_city', 'same_city', 'elsewhere', 'not_desired']);
export type LocationFit = z.infer<typeof LocationFit>;

export const SalaryFit = z.enum(['meets', 'overlaps', 'below', 'unknown']);
export type SalaryFit = z.infer<typeof SalaryFit>;

/** 职业分类大典 hierarchy: same 细类 > same 小类 > same 中类 > same 大类. */
/** `inferred_group`: no desired occupation declared, and the job is in the 中类 whose postings ask most for the talent's skills. */
export const OccupationProximity = z.enum(['same_detail', 'same_minor', 'same_medium', 'same_major', 'different', 'inferred_group', 'unknown']);
export type OccupationProximity = z.infer<typeof OccupationProximity>;

export const EducationFit = z.enum(['meets', 'below', 'unknown', 'not_required']);
export type EducationFit = z.infer<typeof EducationFit>;

export const ExperienceFit = z.enum(['meets', 'below', 'not_required']);
export type ExperienceFit = z.infer<typeof ExperienceFit>;

export type SkillImportance = 'required' | 'preferred';

export interface MatchedSkill {
  key: string;
  name: string;
  importance: SkillImportance;
  requiredLevel: SkillProficiency | null;
  declaredLevel: SkillProficiency | null;
}

export interface MissingSkill {
  key: string;
  name: string;
  importance: SkillImportance;
  requiredLevel: SkillProficiency | null;
  /** A skill of the talent that often appears with this one in the platform's postings (partial credit). */
  relatedTo: string | null;
}

export interface LevelGap {
  key: string;
  name: string;
  requiredLevel: SkillProficiency;
  declaredLevel: SkillProficiency | null;
}

export interface MatchReasons {
  matchedSkills: MatchedSkill[];
  missingSkills: MissingSkill[];
  levelGaps: LevelGap[];
  location: LocationFit;
  salary: SalaryFit;
  occupation: OccupationProximity;
  education: EducationFit;
  experience: ExperienceFit;
  /** The talent's certificates that name the job's occupation or one of its skills. */
  certificates: { name: string; verified: boolean }[];
}

/** The part scores (0–1) behind the 0–100 total, for a person who wants to follow it. */
export interface MatchParts {
  skills: number;
  occupation: number;
  location: number;
  salary: number;
  education: number;
  experience: number;
  certificates: number;
  freshness: number;
}

export const RecommendQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type RecommendQuery = z.infer<typeof RecommendQuery>;

export const GapsQuery = z
  .object({
    jobId: z.uuid().optional(),
    occupationCode: z
      .string()
      .regex(/^\d-\d{2}-\d{2}-\d{2}$/)
      .optional(),
  })
  .refine((q) => Boolean(q.jobId) !== Boolean(q.occupationCode), { path: ['jobId'], message: 'jobId_or_occupationCode' });
export type GapsQuery = z.infer<typeof GapsQuery>;
