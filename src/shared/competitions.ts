/**
 * 竞赛: 中国创新创业大赛（江西赛区）, 数字职业技能大赛 and the 数据要素× 大赛江西分赛. States, workflows, the
 * competition configuration (groups/tracks, rounds, weighted criteria, aggregation, awards, eligibility
 * rules as data), the score arithmetic shared by the server and the web app, and the request schemas.
 */
import { z } from 'zod';
import { defineWorkflow } from './workflow.js';

export const CompetitionKind = z.enum(['innovation', 'skills', 'data_elements']);
export type CompetitionKind = z.infer<typeof CompetitionKind>;

export const CompetitionStatus = z.enum(['draft', 'published', 'registration_closed', 'judging', 'results_published', 'cancelled']);
export type CompetitionStatus = z.infer<typeof CompetitionStatus>;
export const PUBLIC_COMPETITION_STATUSES = ['published', 'registration_closed', 'judging', 'results_published'] as const satisfies readonly CompetitionStatus[];

/** Officials of the competition's region (or the province) run it; results are published after the last round closes. */
export const competitionWorkflow = defineWorkflow({
  name: 'competition',
  states: CompetitionStatus.options,
  initial: 'draft',
  transitions: {
    publish: { from: ['draft'], to: 'published', roles: ['official'] },
    close_registration: { from: ['published'], to: 'registration_closed', roles: ['official'] },
    start_judging: { from: ['registration_closed'], to: 'judging', roles: ['official'] },
    publish_results: { from: ['judging'], to: 'results_published', roles: ['official'] },
    cancel: { from: ['draft', 'published', 'registration_closed', 'judging'], to: 'cancelled', roles: ['official'], reason: 'required' },
  },
});
export type CompetitionAction = keyof typeof competitionWorkflow.transitions;

export const RoundKind = z.enum(['preliminary', 'semi_final', 'final']);
export type RoundKind = z.infer<typeof RoundKind>;
export const RoundStatus = z.enum(['pending', 'scoring', 'closed']);
export type RoundStatus = z.infer<typeof RoundStatus>;

/** A round opens for scoring, then closes: closing aggregates, ranks and advances the top N (server side effect). */
export const roundWorkflow = defineWorkflow({
  name: 'competition_round',
  states: RoundStatus.options,
  initial: 'pending',
  transitions: {
    open_scoring: { from: ['pending'], to: 'scoring', roles: ['official'] },
    close: { from: ['scoring'], to: 'closed', roles: ['official'] },
  },
});
export type RoundAction = keyof typeof roundWorkflow.transitions;

export const EntryStatus = z.enum(['registered', 'withdrawn', 'disqualified']);
export type EntryStatus = z.infer<typeof EntryStatus>;
export const entryWorkflow = defineWorkflow({
  name: 'competition_entry',
  states: EntryStatus.options,
  initial: 'registered',
  transitions: {
    withdraw: { from: ['registered'], to: 'withdrawn', roles: ['talent', 'employer'], reason: 'optional' },
    disqualify: { from: ['registered'], to: 'disqualified', roles: ['official'], reason: 'required' },
  },
});

const Code = z.string().regex(/^[a-z0-9_]{1,30}$/);
export const Criterion = z.object({ code: Code, name: z.string().trim().min(1).max(40), weight: z.number().int().min(1).max(100) });
export type Criterion = z.infer<typeof Criterion>;

/**
 * `mean`: the mean of the judges' weighted totals. `trimmed`: drop one highest and one lowest total when
 * at least `trimMinJudges` (≥ 3) judges scored, else the mean.
 */
export const Aggregation = z.object({ method: z.enum(['mean', 'trimmed']), trimMinJudges: z.number().int().min(3).max(50).default(5) });
export type Aggregation = z.infer<typeof Aggregation>;

/** Per-group eligibility as declared by the entrant (e.g. 初创组: company founded ≤ 5 years ago, revenue ≤ 2 000 万). */
export const GroupRule = z.object({
  maxCompanyAgeYears: z.number().int().min(0).max(100).optional(),
  minCompanyAgeYears: z.number().int().min(0).max(100).optional(),
  maxRevenueFen: z.number().int().min(0).optional(),
  minRevenueFen: z.number().int().min(0).optional(),
});
export const Group = z.object({ code: Code, name: z.string().trim().min(1).max(40), rule: GroupRule.default({}) });
export type Group = z.infer<typeof Group>;

export const Rules = z.object({
  entrant: z.enum(['team', 'individual', 'either']).default('either'),
  minMembers: z.number().int().min(1).max(20).default(1),
  maxMembers: z.number().int().min(1).max(20).default(5),
  requireOrganisation: z.boolean().default(false),
  /** Members must live in the competition's region (talent 常住地). */
  membersInRegion: z.boolean().default(false),
});
export type Rules = z.infer<typeof Rules>;

export const RoundSpec = z.object({ kind: RoundKind, advanceCount: z.number().int().min(1).max(1000).nullable().default(null) });
export const AwardSpec = z.object({
  name: z.string().trim().min(1).max(30),
  count: z.number().int().min(1).max(100),
  /** Skills contests included in provincial management: winners are granted a level (or 晋升 one level up). */
  grantsLevel: z.boolean().default(false),
});
export type AwardSpec = z.infer<typeof AwardSpec>;

/** The criteria's weights are percentages: they must add up to exactly 100. */
export const CRITERIA_WEIGHT_TOTAL = 100;
export function criteriaWeightSum(criteria: readonly Pick<Criterion, 'weight'>[]): number {
  return criteria.reduce((s, c) => s + c.weight, 0);
}

const RegionCode = z.string().regex(/^\d{6}$/);
const Instant = z.iso.datetime({ offset: true });

export const CreateCompetition = z
  .object({
    kind: CompetitionKind,
    title: z.string().trim().min(4).max(80),
    organiser: z.string().trim().min(2).max(80),
    regionCode: RegionCode,
    description: z.string().trim().min(10).max(5000),
    registrationDeadline: Instant,
    groups: z.array(Group).min(1).max(20),
    categories: z
      .array(z.object({ code: Code, name: z.string().trim().min(1).max(40) }))
      .max(30)
      .default([]),
    rounds: z.array(RoundSpec).min(1).max(3),
    criteria: z.array(Criterion).min(1).max(10),
    aggregation: Aggregation,
    awards: z.array(AwardSpec).min(1).max(10),
    rules: Rules.default({ entrant: 'either', minMembers: 1, maxMembers: 5, requireOrganisation: false, membersInRegion: false }),
    occupationCode: z
      .string()
      .regex(/^\d-\d{2}-\d{2}-\d{2}$/)
      .nullable()
      .default(null),
    levelCode: z.enum(['1', '2', '3', '4', '5']).nullable().default(null),
    provincialManaged: z.boolean().default(false),
  })
  .superRefine((c, ctx) => {
    const kinds = c.rounds.map((r) => r.kind);
    const order = RoundKind.options;
    if (new Set(kinds).size !== kinds.length || kinds.some((k, i) => i > 0 && order.indexOf(k) <= order.indexOf(kinds[i - 1] as RoundKind)))
      ctx.addIssue({ code: 'custom', path: ['rounds'], message: 'order' });
    if (new Set(c.criteria.map((x) => x.code)).size !== c.criteria.length) ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'duplicate' });
    if (criteriaWeightSum(c.criteria) !== CRITERIA_WEIGHT_TOTAL) ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'weights_sum' });
    if (new Set(c.categories.map((x) => x.code)).size !== c.categories.length) ctx.addIssue({ code: 'custom', path: ['categories'], message: 'duplicate' });
    if (new Set(c.groups.map((x) => x.code)).size !== c.groups.length) ctx.addIssue({ code: 'custom', path: ['groups'], message: 'duplicate' });
    if (c.kind === 'skills' && (!c.occupationCode || !c.levelCode)) ctx.addIssue({ code: 'custom', path: ['occupationCode'], message: 'required' });
    if (c.awards.some((a) => a.grantsLevel) && !(c.kind === 'skills' && c.provincialManaged))
      ctx.addIssue({ code: 'custom', path: ['awards'], message: 'grants_level_needs_provincial_skills' });
    if (c.rules.minMembers > c.rules.maxMembers) ctx.addIssue({ code: 'custom', path: ['rules', 'minMembers'], message: 'range' });
  });
export type CreateCompetition = z.infer<typeof CreateCompetition>;

export const RegisterEntry = z.object({
  name: z.string().trim().min(2).max(60),
  groupCode: Code,
  categoryCode: Code.nullable().default(null),
  /** Usernames of the other members (platform users with a talent account); the registrant is the leader. */
  memberUsernames: z.array(z.string().trim().min(3).max(40)).max(19).default([]),
  orgId: z.uuid().nullable().default(null),
  /** As declared by the entrant, for group eligibility. */
  companyFoundedOn: z.iso.date().nullable().default(null),
  annualRevenueFen: z.number().int().min(0).nullable().default(null),
  summary: z.string().trim().max(5000).default(''),
});
export type RegisterEntry = z.infer<typeof RegisterEntry>;

export const AssignJudges = z.object({
  judges: z
    .array(z.object({ username: z.string().trim().min(3).max(40), affiliationOrgId: z.uuid().nullable().default(null) }))
    .min(1)
    .max(30),
});
export const ScoreBody = z.object({ scores: z.record(z.string(), z.number().int().min(0).max(100)) });
export type ScoreBody = z.infer<typeof ScoreBody>;

export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;
export const MATERIAL_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** A judge's weighted total, in hundredths of a point: round(Σ score·weight · 100 / Σ weight). */
export function weightedTotal(criteria: readonly Criterion[], scores: Record<string, number>): number {
  const sumW = criteria.reduce((s, c) => s + c.weight, 0);
  const sum = criteria.reduce((s, c) => s + (scores[c.code] ?? 0) * c.weight, 0);
  return Math.round((sum * 100) / sumW);
}

/**
 * The aggregate of judges' totals (hundredths), with the configured outlier handling: `trimmed` drops one
 * highest and one lowest when at least trimMinJudges totals exist. Half-up rounding to whole hundredths.
 */
export function aggregate(rule: Aggregation, totals: readonly number[]): { value: number; trimmed: boolean } {
  if (totals.length === 0) return { value: 0, trimmed: false };
  const sorted = [...totals].sort((a, b) => a - b);
  const trim = rule.method === 'trimmed' && sorted.length >= rule.trimMinJudges;
  const kept = trim ? sorted.slice(1, -1) : sorted;
  return { value: Math.round(kept.reduce((s, v) => s + v, 0) / kept.length), trimmed: trim };
}

/**
 * Ranking (documented in docs/architecture.md): aggregate descending; ties broken by the plain mean of all
 * totals descending, then by the entry code ascending (codes are given in registration order, so the earlier
 * entry wins). Positions are distinct; `tied` marks entries whose aggregate equals a neighbour's.
 */
export function rankEntries<T extends { code: string; aggregate: number; mean: number }>(rows: readonly T[]): (T & { rank: number; tied: boolean })[] {
  const sorted = [...rows].sort((a, b) => b.aggregate - a.aggregate || b.mean - a.mean || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return sorted.map((r, i) => ({
    ...r,
    rank: i + 1,
    tied: sorted[i - 1]?.aggregate === r.aggregate || sorted[i + 1]?.aggregate === r.aggregate,
  }));
}

/** 123456 hundredths → "1234.56". */
export function formatPoints(hundredths: number): string {
  return (hundredths / 100).toFixed(2);
}
