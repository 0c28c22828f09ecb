/**
 * What the talent pool searches (ADR 0011 tokens, like job postings): `search_tokens` holds the jieba
 * segmentation of skills, desired occupations, majors and work-history titles, plus filter tokens, so
 * one GIN index (`talent_profiles_tsv_idx`) serves the text query and every filter:
 *
 * - `zc<region>`: a desired city or county, and the city it lies in;
 * - `zo<digits>`: a desired occupation code without hyphens (a code prefix is a tsquery prefix `zo202:*`);
 * - `zs<hex>`: a taxonomy skill id (hex, since ids hold hyphens the parser would split);
 * - `ze1…ze<rank>`: education rank and every rank below it ("at least 本科" is one token);
 * - `zy1…zy<years>`: whole years of work experience and every number below (capped at 40).
 *
 * Names, phone numbers and identifiers never enter the tokens.
 */
import type { JobSkill } from '../../../shared/jobs.js';
import type { EducationEntry, WorkEntry } from '../../../shared/profiles.js';
import { cityOf } from '../access/region-scope.js';
import { searchTokens } from '../jobs/jobs.segment.js';

const MAX_YEARS = 40;

/** GB/T 4658: the first digit orders the levels (1 研究生 … 9 其他); higher rank is more education, 0 none. */
export function educationRank(code: string): number {
  const digit = Number(code.slice(0, 1));
  return Number.isInteger(digit) && digit >= 1 && digit <= 9 ? 10 - digit : 0;
}

/** Months worked (overlaps counted once), a job still held running to `now`. */
export function experienceMonths(work: readonly WorkEntry[], now: Date): number {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const months = new Set<number>();
  for (const w of work) {
    const [fy, fm] = w.fromMonth.split('-').map(Number) as [number, number];
    const to = w.toMonth ? w.toMonth.split('-').map(Number) : null;
    const end = to ? Math.min(current, (to[0] as number) * 12 + (to[1] as number) - 1) : current;
    for (let m = fy * 12 + fm - 1; m <= end; m++) months.add(m);
  }
  return months.size;
}

export const filterToken = {
  city: (code: string) => `zc${code}`,
  occupation: (codePrefix: string) => `zo${codePrefix.replace(/-/g, '')}`,
  skill: (skillId: string) => `zs${Buffer.from(skillId, 'utf8').toString('hex')}`,
  education: (rank: number) => `ze${rank}`,
  years: (years: number) => `zy${Math.min(years, MAX_YEARS)}`,
};

export interface SearchableProfile {
  education: readonly EducationEntry[];
  workHistory: readonly WorkEntry[];
  skills: readonly JobSkill[];
  desiredOccupations: readonly string[];
  desiredCities: readonly string[];
}

/**
 * The `search_tokens` text of a profile; `occupationNames` names the desired occupation codes. `segment`
 * is jieba's search mode (the seed passes a memoised one).
 */
export function profileSearchTokens(
  p: SearchableProfile,
  occupationNames: ReadonlyMap<string, string>,
  now: Date,
  segment: (text: string) => string[] = searchTokens,
): string {
  const text = [
    ...p.skills.flatMap((s) => segment(s.name)),
    ...p.desiredOccupations.flatMap((c) => segment(occupationNames.get(c) ?? '')),
    ...p.education.flatMap((e) => segment(e.major)),
    ...p.workHistory.flatMap((w) => segment(w.title)),
  ];
  const filters = new Set<string>();
  for (const c of p.desiredCities) {
    filters.add(filterToken.city(c));
    const city = cityOf(c);
    if (city) filters.add(filterToken.city(city));
  }
  for (const c of p.desiredOccupations) filters.add(filterToken.occupation(c));
  for (const s of p.skills) if (s.skillId) filters.add(filterToken.skill(s.skillId));
  const rank = Math.max(0, ...p.education.map((e) => educationRank(e.educationCode)));
  for (let r = 1; r <= rank; r++) filters.add(filterToken.education(r));
  const years = Math.min(MAX_YEARS, Math.floor(experienceMonths(p.workHistory, now) / 12));
  for (let y = 1; y <= years; y++) filters.add(filterToken.years(y));
  return [...text, ...filters].join(' ');
}
