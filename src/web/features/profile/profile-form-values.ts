/** The profile form's values (元, skill chips) ↔ the body of PUT /api/profiles/me (分, SkillInput). */
import type { JobSkill } from '../../../shared/jobs.js';
import type { CertificateEntry, EducationEntry, ProfileInput, ProfileVisibility, WorkEntry } from '../../../shared/profiles.js';
import { fenToYuan, yuanToFen } from '../jobs/job-format.js';
import type { SkillChip } from '../jobs/job-form-values.js';

export interface ProfileView {
  regionCode: string;
  education: EducationEntry[];
  workHistory: WorkEntry[];
  skills: JobSkill[];
  certificates: (CertificateEntry & { verified: false })[];
  desiredOccupations: string[];
  desiredCities: string[];
  desiredSalaryMinFen: number | null;
  visibility: ProfileVisibility;
  updatedAt: string;
}

export interface ProfileFormValues {
  education: Partial<EducationEntry>[];
  workHistory: (Partial<Omit<WorkEntry, 'toMonth'>> & { toMonth?: string | null })[];
  skills: SkillChip[];
  certificates: (Partial<Omit<CertificateEntry, 'issuedOn'>> & { issuedOn?: string | null })[];
  desiredOccupations: (string | undefined)[];
  desiredCities: string[];
  desiredSalary?: number | null;
  visibility: ProfileVisibility;
}

const chipOf = (s: JobSkill): SkillChip => ({
  key: s.skillId ?? s.name,
  label: s.name,
  ...(s.skillId ? { skillId: s.skillId } : {}),
  ...(s.level ? { level: s.level } : {}),
});

export function valuesOfProfile(p: ProfileView | null): ProfileFormValues {
  if (!p) return { education: [{}], workHistory: [], skills: [], certificates: [], desiredOccupations: [], desiredCities: [], visibility: 'private' };
  return {
    education: p.education,
    workHistory: p.workHistory,
    skills: p.skills.map(chipOf),
    certificates: p.certificates,
    desiredOccupations: p.desiredOccupations,
    desiredCities: p.desiredCities,
    desiredSalary: p.desiredSalaryMinFen === null ? null : fenToYuan(p.desiredSalaryMinFen),
    visibility: p.visibility,
  };
}

const text = (v: string | undefined | null) => (v ?? '').trim();

export function bodyOfValues(v: ProfileFormValues): ProfileInput {
  return {
    education: (v.education ?? []).map((e) => ({
      educationCode: e.educationCode ?? '',
      school: text(e.school),
      major: text(e.major),
      graduationYear: e.graduationYear ?? 0,
    })),
    workHistory: (v.workHistory ?? []).map((w) => ({
      employerName: text(w.employerName),
      title: text(w.title),
      fromMonth: text(w.fromMonth),
      toMonth: text(w.toMonth) || null,
      description: text(w.description),
    })),
    skills: (v.skills ?? []).map((c) => ({ ...(c.skillId ? { skillId: c.skillId } : { name: c.label }), ...(c.level ? { level: c.level } : {}) })),
    certificates: (v.certificates ?? []).map((c) => ({
      name: text(c.name),
      number: text(c.number),
      issuer: text(c.issuer),
      issuedOn: text(c.issuedOn) || null,
    })),
    desiredOccupations: (v.desiredOccupations ?? []).filter((c): c is string => Boolean(c)),
    desiredCities: v.desiredCities ?? [],
    desiredSalaryMinFen: v.desiredSalary === null || v.desiredSalary === undefined ? null : yuanToFen(v.desiredSalary),
    visibility: v.visibility,
  };
}
