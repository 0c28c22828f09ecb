/** The employer form's values (元, dayjs dates, skill chips) ↔ the API body of POST/PATCH /api/jobs (分, YYYY-MM-DD). */
import dayjs, { type Dayjs } from 'dayjs';
import type { CreateJob, JobSkill, SkillInput, SkillProficiency, WorkMode } from '../../../shared/jobs.js';
import { fenToYuan, yuanToFen } from './job-format.js';
import type { JobView } from './job-types.js';

/** A chosen skill: a catalogue skill (skillId) or free text (name). `key` is what the tag select holds. */
export interface SkillChip {
  key: string;
  label: string;
  skillId?: string;
  level?: SkillProficiency;
}

export interface JobFormValues {
  title: string;
  description: string;
  occupationCode?: string;
  regionCode?: string;
  salaryMin?: number;
  salaryMax?: number;
  educationCode?: string;
  experienceYearsMin: number;
  headcount: number;
  workMode: WorkMode;
  validFrom?: Dayjs;
  validUntil?: Dayjs;
  requiredSkills: SkillChip[];
  preferredSkills: SkillChip[];
  /** 受托招聘 (HR service agencies only). */
  clientEmployerName?: string;
}

export function newJobValues(regionCode: string | undefined): Partial<JobFormValues> {
  const today = dayjs().startOf('day');
  return {
    title: '',
    description: '',
    regionCode,
    experienceYearsMin: 0,
    headcount: 1,
    workMode: 'on_site',
    validFrom: today,
    validUntil: today.add(30, 'day'),
    requiredSkills: [],
    preferredSkills: [],
  };
}

const chipOf = (s: JobSkill): SkillChip => ({
  key: s.skillId ?? s.name,
  label: s.name,
  ...(s.skillId ? { skillId: s.skillId } : {}),
  ...(s.level ? { level: s.level } : {}),
});

export function valuesOfJob(job: JobView): JobFormValues {
  return {
    title: job.title,
    description: job.description,
    occupationCode: job.occupationCode,
    regionCode: job.regionCode,
    salaryMin: fenToYuan(job.salaryMinFen),
    salaryMax: fenToYuan(job.salaryMaxFen),
    ...(job.educationCode ? { educationCode: job.educationCode } : {}),
    experienceYearsMin: job.experienceYearsMin,
    headcount: job.headcount,
    workMode: job.workMode,
    validFrom: dayjs(job.validFrom),
    validUntil: dayjs(job.validUntil),
    requiredSkills: job.requiredSkills.map(chipOf),
    preferredSkills: job.preferredSkills.map(chipOf),
    ...(job.clientEmployerName ? { clientEmployerName: job.clientEmployerName } : {}),
  };
}

const skillInput = (c: SkillChip): SkillInput => ({ ...(c.skillId ? { skillId: c.skillId } : { name: c.label }), ...(c.level ? { level: c.level } : {}) });

export function bodyOfValues(v: JobFormValues): CreateJob {
  return {
    title: v.title.trim(),
    description: v.description.trim(),
    occupationCode: v.occupationCode ?? '',
    regionCode: v.regionCode ?? '',
    salaryMinFen: yuanToFen(v.salaryMin ?? 0),
    salaryMaxFen: yuanToFen(v.salaryMax ?? 0),
    educationCode: v.educationCode || null,
    experienceYearsMin: v.experienceYearsMin ?? 0,
    headcount: v.headcount ?? 1,
    workMode: v.workMode,
    validFrom: (v.validFrom ?? dayjs()).format('YYYY-MM-DD'),
    validUntil: (v.validUntil ?? dayjs()).format('YYYY-MM-DD'),
    requiredSkills: (v.requiredSkills ?? []).map(skillInput),
    preferredSkills: (v.preferredSkills ?? []).map(skillInput),
    ...(v.clientEmployerName?.trim() ? { clientEmployerName: v.clientEmployerName.trim() } : {}),
  };
}
