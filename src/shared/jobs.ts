/**
 * 岗位 (job postings): states, the review workflow and the request schemas shared by the server and the web app.
 * Money is integer 分 per month; dates are calendar days (YYYY-MM-DD, China time).
 */
import { z } from 'zod';
import { defineWorkflow } from './workflow.js';

export const JobStatus = z.enum(['draft', 'pending_review', 'returned', 'published', 'closed', 'expired']);
export type JobStatus = z.infer<typeof JobStatus>;

export const WorkMode = z.enum(['on_site', 'remote', 'hybrid']);
export type WorkMode = z.infer<typeof WorkMode>;

/** How well a skill must be mastered, in job-ad wording: 了解 / 熟悉 / 熟练 / 精通. */
export const SkillProficiency = z.enum(['aware', 'familiar', 'proficient', 'expert']);
export type SkillProficiency = z.infer<typeof SkillProficiency>;

export const VettingCategory = z.enum(['gender', 'age', 'ethnicity', 'region', 'marital', 'childbearing', 'hukou']);
export type VettingCategory = z.infer<typeof VettingCategory>;

export const JobSort = z.enum(['relevance', 'newest', 'salary']);
export type JobSort = z.infer<typeof JobSort>;

/**
 * 岗位审核: an employer (or an HR service agency recruiting for a client employer, 受托招聘) submits, an official of
 * the job's region approves (publishes) or returns it.
 * `expire` has no role: only the system applies it (expireJobs), when valid_until has passed.
 * There is no reopen: a closed or expired posting stays so; the employer posts a new one (vetted again).
 */
export const jobWorkflow = defineWorkflow({
  name: 'job',
  states: JobStatus.options,
  initial: 'draft',
  transitions: {
    submit: { from: ['draft', 'returned'], to: 'pending_review', roles: ['employer', 'agency'] },
    approve: { from: ['pending_review'], to: 'published', roles: ['official'], reason: 'optional' },
    return: { from: ['pending_review'], to: 'returned', roles: ['official'], reason: 'required' },
    close: { from: ['draft', 'returned', 'pending_review', 'published'], to: 'closed', roles: ['employer', 'agency', 'official'], reason: 'optional' },
    expire: { from: ['published'], to: 'expired', roles: [] },
  },
});
export type JobAction = keyof typeof jobWorkflow.transitions;

export const SkillInput = z
  .object({
    skillId: z.string().trim().min(1).max(80).optional(),
    name: z.string().trim().min(1).max(40).optional(),
    level: SkillProficiency.optional(),
  })
  .refine((s) => s.skillId || s.name, { path: ['name'], message: 'skillId or name required' });
export type SkillInput = z.infer<typeof SkillInput>;

/** A skill as stored: catalogue skills carry their id; free skills only a normalised name. */
export const JobSkill = z.object({ skillId: z.string().nullable(), name: z.string(), level: SkillProficiency.nullable() });
export type JobSkill = z.infer<typeof JobSkill>;

const DateOnly = z.iso.date();
const Fen = z.number().int().min(0).max(100_000_000);

/** The fields of a posting, without defaults (an update leaves out what it does not change). */
const JobShape = z.object({
  title: z.string().trim().min(2).max(60),
  description: z.string().trim().min(10).max(5000),
  occupationCode: z.string().regex(/^\d-\d{2}-\d{2}-\d{2}$/),
  regionCode: z.string().regex(/^\d{6}$/),
  requiredSkills: z.array(SkillInput).max(20),
  preferredSkills: z.array(SkillInput).max(20),
  educationCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullable()
    .optional(),
  experienceYearsMin: z.number().int().min(0).max(30),
  salaryMinFen: Fen,
  salaryMaxFen: Fen,
  headcount: z.number().int().min(1).max(9999),
  workMode: WorkMode,
  validFrom: DateOnly,
  validUntil: DateOnly,
  /** 受托招聘: the client employer an HR service agency recruits for (required of agencies, ignored for employers). */
  clientEmployerName: z.string().trim().min(2).max(80).nullable().optional(),
});

export const JobFields = JobShape.extend({
  requiredSkills: JobShape.shape.requiredSkills.default([]),
  preferredSkills: JobShape.shape.preferredSkills.default([]),
  experienceYearsMin: JobShape.shape.experienceYearsMin.default(0),
  headcount: JobShape.shape.headcount.default(1),
  workMode: WorkMode.default('on_site'),
});

interface Ranges {
  salaryMinFen?: number | undefined;
  salaryMaxFen?: number | undefined;
  validFrom?: string | undefined;
  validUntil?: string | undefined;
}

/** The field that breaks a range (min ≤ max, from ≤ until), or null. Used at the edge and on merged updates. */
export function rangeError(v: Ranges): 'salaryMinFen' | 'validUntil' | null {
  if (v.salaryMinFen !== undefined && v.salaryMaxFen !== undefined && v.salaryMinFen > v.salaryMaxFen) return 'salaryMinFen';
  if (v.validFrom && v.validUntil && v.validFrom > v.validUntil) return 'validUntil';
  return null;
}

function checkRanges(v: Ranges, ctx: z.RefinementCtx) {
  const field = rangeError(v);
  if (field) ctx.addIssue({ code: 'custom', path: [field], message: field === 'salaryMinFen' ? 'salary_min_gt_max' : 'valid_from_after_until' });
}

export const CreateJob = JobFields.superRefine(checkRanges);
export type CreateJob = z.infer<typeof CreateJob>;

export const UpdateJob = JobShape.partial().superRefine(checkRanges);
export type UpdateJob = z.infer<typeof UpdateJob>;

export const JobTransitionBody = z.object({
  reason: z.string().trim().max(500).optional(),
  /** submit: the employer confirms this is not a duplicate of an open posting. */
  confirmNotDuplicate: z.boolean().optional(),
});
export type JobTransitionBody = z.infer<typeof JobTransitionBody>;

export const JobSearchQuery = z.object({
  q: z.string().trim().max(50).optional(),
  /** A city code (3607 00): all its counties. */
  city: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  /** Occupation code prefix: '2', '2-02', '2-02-38' or a full code. */
  occupation: z
    .string()
    .regex(/^\d(-\d{2}){0,3}$/)
    .optional(),
  digital: z.enum(['true', 'false']).optional(),
  /** Monthly 分: jobs whose maximum reaches it. */
  salaryMin: z.coerce.number().int().min(0).max(100_000_000).optional(),
  education: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  postedWithin: z.coerce.number().int().min(1).max(365).optional(),
  sort: JobSort.optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type JobSearchQuery = z.infer<typeof JobSearchQuery>;

/** Search answers this code (with 200 and empty items) when nothing matches. */
export const JOBS_NO_MATCH = 'JOBS_NO_MATCH';
