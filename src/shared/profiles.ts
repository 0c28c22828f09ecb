/**
 * 求职者档案 (talent profile): one per talent account. Shared by the server (validation at the edge)
 * and the web app (form). Money is integer 分 per month; months are YYYY-MM.
 */
import { z } from 'zod';
import { SkillInput } from './jobs.js';

/** Who may see the profile: only the talent; verified employers (contact masked); everyone. */
export const ProfileVisibility = z.enum(['private', 'employers', 'public']);
export type ProfileVisibility = z.infer<typeof ProfileVisibility>;

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const EducationEntry = z.object({
  /** GB/T 4658 学历代码 (education_levels). */
  educationCode: z.string().regex(/^\d{2}$/),
  school: z.string().trim().min(2).max(60),
  major: z.string().trim().max(60).default(''),
  graduationYear: z.number().int().min(1950).max(2100),
});
export type EducationEntry = z.infer<typeof EducationEntry>;

export const WorkEntry = z
  .object({
    employerName: z.string().trim().min(2).max(80),
    title: z.string().trim().min(1).max(60),
    fromMonth: Month,
    /** null: still working there. */
    toMonth: Month.nullable().default(null),
    description: z.string().trim().max(2000).default(''),
  })
  .refine((w) => !w.toMonth || w.fromMonth <= w.toMonth, { path: ['toMonth'], message: 'to_before_from' });
export type WorkEntry = z.infer<typeof WorkEntry>;

/** A certificate the talent declares; the platform has not verified it. */
export const CertificateEntry = z.object({
  name: z.string().trim().min(2).max(80),
  number: z.string().trim().max(60).default(''),
  issuer: z.string().trim().max(80).default(''),
  issuedOn: z.iso.date().nullable().default(null),
});
export type CertificateEntry = z.infer<typeof CertificateEntry>;

export const ProfileFields = z.object({
  education: z.array(EducationEntry).max(10).default([]),
  workHistory: z.array(WorkEntry).max(30).default([]),
  skills: z.array(SkillInput).max(30).default([]),
  certificates: z.array(CertificateEntry).max(20).default([]),
  /** Level-4 occupation codes (细类). */
  desiredOccupations: z
    .array(z.string().regex(/^\d-\d{2}-\d{2}-\d{2}$/))
    .max(5)
    .default([]),
  /** Region codes (GB/T 2260). */
  desiredCities: z
    .array(z.string().regex(/^\d{6}$/))
    .max(5)
    .default([]),
  desiredSalaryMinFen: z.number().int().min(0).max(100_000_000).nullable().default(null),
  visibility: ProfileVisibility.default('private'),
});
export type ProfileFields = z.infer<typeof ProfileFields>;
export type ProfileInput = z.input<typeof ProfileFields>;
