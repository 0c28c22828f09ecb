/**
 * The competition creation form as data: the starting configuration of each competition type (the
 * template the form is prefilled from), the form's values, and the request body the server checks with
 * CreateCompetition (src/shared/competitions.ts). Pure: no React, no DOM.
 */
import {
  type AwardSpec,
  type CompetitionKind,
  type Criterion,
  CRITERIA_WEIGHT_TOTAL,
  criteriaWeightSum,
  type Group,
  type RoundKind,
  type Rules,
} from '../../../shared/competitions.js';

export type Entrant = Rules['entrant'];

export interface GroupValue {
  code?: string;
  name: string;
  /** 初创组 / 成长组 eligibility, as declared by entrants: company age in years and revenue in 万元. */
  maxCompanyAgeYears?: number | null;
  minCompanyAgeYears?: number | null;
  maxRevenueWan?: number | null;
  minRevenueWan?: number | null;
}

/** Everything the form edits apart from the basics (title, organiser, region, deadline, description). */
export interface ConfigValues {
  groups: GroupValue[];
  categories: { code?: string; name: string }[];
  rounds: { kind: RoundKind; advanceCount?: number | null }[];
  criteria: { code?: string; name: string; weight: number }[];
  aggregationMethod: 'mean' | 'trimmed';
  trimMinJudges: number;
  awards: { name: string; count: number; grantsLevel?: boolean }[];
  entrant: Entrant;
  minMembers: number;
  maxMembers: number;
  requireOrganisation: boolean;
  membersInRegion: boolean;
  occupationCode?: string | null;
  levelCode?: '1' | '2' | '3' | '4' | '5' | null;
  provincialManaged: boolean;
}

export interface CompetitionFormValues extends ConfigValues {
  kind: CompetitionKind;
  title: string;
  organiser: string;
  regionCode: string;
  description: string;
  /** The registration deadline (registration opens when the competition is published). */
  deadline: { toISOString(): string };
}

const TEAM: Pick<ConfigValues, 'requireOrganisation' | 'membersInRegion'> = { requireOrganisation: false, membersInRegion: false };

/** The starting configuration of each competition type; the form is prefilled from it, then edited. */
export const TEMPLATES: Record<CompetitionKind, ConfigValues> = {
  data_elements: {
    groups: ['工业制造', '现代农业', '交通运输', '医疗健康', '城市治理'].map((name, i) => ({ code: `track_${i + 1}`, name })),
    categories: [],
    rounds: [{ kind: 'preliminary', advanceCount: 10 }, { kind: 'final' }],
    criteria: [
      { code: 'innovation', name: '创新性', weight: 30 },
      { code: 'value', name: '数据价值与应用成效', weight: 40 },
      { code: 'feasibility', name: '可行性与可推广性', weight: 30 },
    ],
    aggregationMethod: 'trimmed',
    trimMinJudges: 3,
    awards: [
      { name: '一等奖', count: 1 },
      { name: '二等奖', count: 3 },
    ],
    entrant: 'either',
    minMembers: 1,
    maxMembers: 5,
    ...TEAM,
    occupationCode: null,
    levelCode: null,
    provincialManaged: false,
  },
  innovation: {
    groups: [
      { code: 'startup', name: '初创组', maxCompanyAgeYears: 5 },
      { code: 'growth', name: '成长组', minCompanyAgeYears: 1 },
    ],
    categories: [
      { code: 'ngit', name: '新一代信息技术' },
      { code: 'bio', name: '生物医药' },
      { code: 'advanced_mfg', name: '先进制造' },
    ],
    rounds: [{ kind: 'preliminary', advanceCount: 20 }, { kind: 'semi_final', advanceCount: 8 }, { kind: 'final' }],
    criteria: [
      { code: 'tech', name: '技术及创新性', weight: 30 },
      { code: 'market', name: '商业模式及市场前景', weight: 30 },
      { code: 'team', name: '团队', weight: 20 },
      { code: 'finance', name: '财务及融资', weight: 20 },
    ],
    aggregationMethod: 'trimmed',
    trimMinJudges: 5,
    awards: [{ name: '优胜奖', count: 10 }],
    entrant: 'team',
    minMembers: 2,
    maxMembers: 8,
    requireOrganisation: true,
    membersInRegion: false,
    occupationCode: null,
    levelCode: null,
    provincialManaged: false,
  },
  skills: {
    groups: [{ code: 'staff', name: '职工组' }],
    categories: [],
    rounds: [{ kind: 'final' }],
    criteria: [
      { code: 'theory', name: '理论知识', weight: 30 },
      { code: 'practice', name: '实际操作', weight: 70 },
    ],
    aggregationMethod: 'trimmed',
    trimMinJudges: 5,
    awards: [{ name: '一等奖', count: 3, grantsLevel: true }],
    entrant: 'individual',
    minMembers: 1,
    maxMembers: 1,
    ...TEAM,
    occupationCode: '4-04-05-05',
    levelCode: '3',
    provincialManaged: true,
  },
};

/** A fresh copy of a type's template (the form edits its own arrays). */
export function templateValues(kind: CompetitionKind): ConfigValues {
  return structuredClone(TEMPLATES[kind]);
}

const CODE = /^[a-z0-9_]{1,30}$/;

/** Keeps each row's code when it is valid and unused, else gives it `<prefix>_<n>`: people never type codes. */
export function withCodes<T extends { code?: string }>(rows: readonly T[], prefix: string): (T & { code: string })[] {
  const used = new Set<string>();
  const out = rows.map((r) => {
    const code = r.code && CODE.test(r.code) && !used.has(r.code) ? r.code : '';
    if (code) used.add(code);
    return { ...r, code };
  });
  let n = 0;
  for (const r of out) {
    if (r.code) continue;
    do n += 1;
    while (used.has(`${prefix}_${n}`));
    r.code = `${prefix}_${n}`;
    used.add(r.code);
  }
  return out;
}

const WAN_FEN = 1_000_000;
const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function groupRule(g: GroupValue): Group['rule'] {
  const rule: Group['rule'] = {};
  const maxAge = num(g.maxCompanyAgeYears);
  const minAge = num(g.minCompanyAgeYears);
  const maxRev = num(g.maxRevenueWan);
  const minRev = num(g.minRevenueWan);
  if (maxAge !== undefined) rule.maxCompanyAgeYears = maxAge;
  if (minAge !== undefined) rule.minCompanyAgeYears = minAge;
  if (maxRev !== undefined) rule.maxRevenueFen = Math.round(maxRev * WAN_FEN);
  if (minRev !== undefined) rule.minRevenueFen = Math.round(minRev * WAN_FEN);
  return rule;
}

/** The weight total and whether it is the required 100. */
export function weightCheck(criteria: readonly { weight?: number | null }[] | undefined): { sum: number; ok: boolean } {
  const sum = criteriaWeightSum((criteria ?? []).map((c) => ({ weight: num(c?.weight) ?? 0 })));
  return { sum, ok: sum === CRITERIA_WEIGHT_TOTAL };
}

/** The POST /api/competitions body. Fields that do not apply to the type are left out (categories, occupation). */
export function toCreateBody(v: CompetitionFormValues) {
  const skills = v.kind === 'skills';
  const provincialManaged = skills && v.provincialManaged;
  const awards: AwardSpec[] = v.awards.map((a) => ({ name: a.name.trim(), count: a.count, grantsLevel: provincialManaged && !!a.grantsLevel }));
  const criteria: Criterion[] = withCodes(v.criteria, 'c').map((c) => ({ code: c.code, name: c.name.trim(), weight: c.weight }));
  return {
    kind: v.kind,
    title: v.title.trim(),
    organiser: v.organiser.trim(),
    regionCode: v.regionCode,
    description: v.description.trim(),
    registrationDeadline: v.deadline.toISOString(),
    groups: withCodes(v.groups, 'g').map((g) => ({ code: g.code, name: g.name.trim(), rule: groupRule(g) })),
    categories: v.kind === 'innovation' ? withCodes(v.categories, 'cat').map((c) => ({ code: c.code, name: c.name.trim() })) : [],
    rounds: v.rounds.map((r, i) => ({ kind: r.kind, advanceCount: i < v.rounds.length - 1 ? (num(r.advanceCount) ?? null) : null })),
    criteria,
    aggregation: { method: v.aggregationMethod, trimMinJudges: v.trimMinJudges },
    awards,
    rules: {
      entrant: v.entrant,
      minMembers: v.minMembers,
      maxMembers: v.maxMembers,
      requireOrganisation: v.requireOrganisation,
      membersInRegion: v.membersInRegion,
    },
    occupationCode: skills ? (v.occupationCode ?? null) : null,
    levelCode: skills ? (v.levelCode ?? null) : null,
    provincialManaged,
  };
}
