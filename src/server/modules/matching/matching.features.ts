/**
 * From database rows to the scorer's features. A talent's features are built from the profile row
 * alone (plus the account's region); the account's identifiers — whose ID number encodes birth date
 * and gender — never reach this file.
 */
import type { JobSkill } from '../../../shared/jobs.js';
import type { WorkEntry } from '../../../shared/profiles.js';
import type { VerifiedEvidence } from '../certificates/index.js';
import type { JobPostingRow } from '../jobs/index.js';
import type { TalentProfileRow } from '../profiles/index.js';
import { educationRank, type JobFeatures, LEVEL_RANK, type SkillFeature, type TalentFeatures } from './matching.score.js';

export function skillKey(s: Pick<JobSkill, 'skillId' | 'name'>): string {
  return s.skillId ?? `free:${s.name.normalize('NFKC').trim().toLowerCase()}`;
}

export function skillFeatures(skills: readonly JobSkill[]): SkillFeature[] {
  const seen = new Set<string>();
  const out: SkillFeature[] = [];
  for (const s of skills) {
    const key = skillKey(s);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, name: s.name, level: s.level ? LEVEL_RANK[s.level] : 0 });
  }
  return out;
}

function monthIndex(m: string): number {
  return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
}

/** Months worked, overlapping spells counted once; an open spell runs to `nowMs`. */
export function experienceMonths(work: readonly WorkEntry[], nowMs: number): number {
  const now = new Date(nowMs);
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const spells = work.map((w) => [monthIndex(w.fromMonth), w.toMonth ? monthIndex(w.toMonth) : current] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -1;
  for (const [from, to] of spells) {
    const start = Math.max(from, end + 1);
    if (to >= start) total += to - start + 1;
    end = Math.max(end, to);
  }
  return total;
}

/** The only profile columns matching reads. */
export type MatchableProfile = Pick<
  TalentProfileRow,
  | 'userId'
  | 'regionCode'
  | 'education'
  | 'workHistory'
  | 'skills'
  | 'certificates'
  | 'desiredOccupations'
  | 'desiredCities'
  | 'desiredSalaryMinFen'
  | 'updatedAt'
>;

/** `verified`: the person's verified evidence (certificates module), added to the self-declared certificates. */
export function talentFeatures(p: MatchableProfile, nowMs: number, verified: readonly VerifiedEvidence[] = []): TalentFeatures {
  const ranks = p.education.map((e) => educationRank(e.educationCode) ?? 0);
  return {
    id: p.userId,
    regionCode: p.regionCode,
    desiredCities: [...p.desiredCities],
    desiredOccupations: [...p.desiredOccupations],
    skills: skillFeatures(p.skills),
    desiredSalaryMinFen: p.desiredSalaryMinFen,
    educationRank: ranks.length ? Math.max(...ranks) : null,
    experienceMonths: experienceMonths(p.workHistory, nowMs),
    // profile entries are self-declared; verified ones come from the certificates module
    certificates: [
      ...p.certificates.map((c) => ({ name: c.name, verified: (c as { verified?: boolean }).verified === true })),
      ...verified.map((v) => ({ name: v.name, verified: true, occupationCode: v.occupationCode })),
    ],
    updatedAtMs: p.updatedAt.getTime(),
  };
}

export type MatchableJob = Pick<
  JobPostingRow,
  | 'id'
  | 'regionCode'
  | 'occupationCode'
  | 'workMode'
  | 'requiredSkills'
  | 'preferredSkills'
  | 'educationCode'
  | 'experienceYearsMin'
  | 'salaryMinFen'
  | 'salaryMaxFen'
  | 'publishedAt'
  | 'createdAt'
>;

export function jobFeatures(j: MatchableJob, occupationName: string | null): JobFeatures {
  const required = skillFeatures(j.requiredSkills);
  const preferred = skillFeatures(j.preferredSkills).filter((p) => !required.some((r) => r.key === p.key));
  const terms = [occupationName ?? '', ...required.map((s) => s.name), ...preferred.map((s) => s.name)].filter((t) => t.length >= 2);
  return {
    id: j.id,
    regionCode: j.regionCode,
    occupationCode: j.occupationCode,
    remote: j.workMode === 'remote',
    required,
    preferred,
    educationRank: educationRank(j.educationCode),
    experienceYearsMin: j.experienceYearsMin,
    salaryMinFen: j.salaryMinFen,
    salaryMaxFen: j.salaryMaxFen,
    publishedAtMs: (j.publishedAt ?? j.createdAt).getTime(),
    certificateTerms: terms,
  };
}
