/**
 * "Which policies apply to me": every published policy for the applicant's kind, with the verdict
 * (eligible / not yet / not eligible), each condition's result and explanation, and what would change it.
 * A policy about certificates or classes is judged per certificate or class; the best one is shown.
 */
import { and, eq } from 'drizzle-orm';
import type { EligibilityVerdict, Rule } from '../../../shared/policies.js';
import type { Actor, Ctx } from '../../context.js';
import { chinaDate } from '../../lib/workdays.js';
import { type ApplicantFacts, type Candidate, gatherOrganisationFacts, gatherPersonFacts, nameLookups } from './policies.facts.js';
import { type Evaluation, evaluate, type RuleNode } from './policies.rules.js';
import { type PolicyRow, policies } from './policies.tables.js';

export interface Judgement {
  verdict: EligibilityVerdict;
  candidate: Candidate | null;
  evaluation: Evaluation;
  applicant: ApplicantFacts;
}

const RANK: Record<EligibilityVerdict, number> = { eligible: 0, not_yet: 1, not_eligible: 2 };

/** The application window as a condition of its own (shown with the rule's conditions). */
function windowNode(policy: PolicyRow, today: string): RuleNode {
  const open = today >= policy.windowFrom && (!policy.windowTo || today <= policy.windowTo);
  const text = `在申请期内（${policy.windowFrom} 起${policy.windowTo ? `至 ${policy.windowTo}` : '，长期有效'}）`;
  const future = today < policy.windowFrom;
  return {
    kind: 'condition',
    text,
    passed: open,
    final: !open && !future,
    actual: `当前：${today}`,
    remedy: future ? `${policy.windowFrom} 起可申请` : null,
  };
}

export async function applicantFor(ctx: Ctx, actor: Actor, policy: PolicyRow): Promise<ApplicantFacts | null> {
  if (policy.applicantKind === 'person') return actor.role === 'talent' ? gatherPersonFacts(ctx, policy, actor.userId) : null;
  return actor.orgId ? gatherOrganisationFacts(ctx, policy, actor.orgId) : null;
}

/** Judges one applicant against one policy; `subjectRef` picks a certificate / class. */
export async function judge(ctx: Ctx, policy: PolicyRow, applicant: ApplicantFacts, subjectRef?: string | null): Promise<Judgement> {
  const today = chinaDate(ctx.now);
  const rule = policy.eligibility as Rule;
  const codes = [policy.regionCode, applicant.handlingRegion];
  for (const k of ['residenceCity', 'workplaceCity', 'hukouCity', 'org.city'] as const) {
    const v = applicant.base[k];
    if (typeof v === 'string') codes.push(v);
  }
  const names = await nameLookups(ctx.db, codes, applicant.candidates.map((c) => c.occupationCode).filter(Boolean));
  const env = { policyRegion: policy.regionCode, ...names };
  const win = windowNode(policy, today);
  const withWindow = (e: Evaluation): Evaluation => {
    const verdict: EligibilityVerdict =
      !win.passed && e.verdict === 'eligible' ? (win.final ? 'not_eligible' : 'not_yet') : !win.passed && win.final ? 'not_eligible' : e.verdict;
    return { ...e, verdict, conditions: [win, ...e.conditions], failing: win.passed ? e.failing : [win, ...e.failing] };
  };
  const pool = subjectRef ? applicant.candidates.filter((c) => c.subjectRef === subjectRef) : applicant.candidates;
  if (pool.length === 0) {
    // nothing to claim for yet: earlier claims cannot exist, the subject's facts are unknown
    const evaluation = withWindow(evaluate(rule, { ...applicant.base, previousClaims: 0 }, env));
    return { verdict: evaluation.verdict, candidate: null, evaluation, applicant };
  }
  let best: Judgement | null = null;
  for (const c of pool) {
    const evaluation = withWindow(evaluate(rule, c.facts, env));
    const j: Judgement = { verdict: evaluation.verdict, candidate: c, evaluation, applicant };
    if (
      !best ||
      RANK[j.verdict] < RANK[best.verdict] ||
      (RANK[j.verdict] === RANK[best.verdict] && j.evaluation.failing.length < best.evaluation.failing.length)
    )
      best = j;
  }
  return best as Judgement;
}

/** Every eligible candidate (免申即享 creates one claim for each). */
export async function eligibleCandidates(ctx: Ctx, policy: PolicyRow, applicant: ApplicantFacts): Promise<Judgement[]> {
  const out: Judgement[] = [];
  for (const c of applicant.candidates) {
    const j = await judge(ctx, policy, applicant, c.subjectRef);
    if (j.verdict === 'eligible') out.push(j);
  }
  return out;
}

function nodeView(n: RuleNode): Record<string, unknown> {
  return {
    kind: n.kind,
    text: n.text,
    passed: n.passed,
    final: n.final,
    actual: n.actual,
    remedy: n.remedy,
    ...(n.children ? { children: n.children.map(nodeView) } : {}),
  };
}

export function judgementView(policy: PolicyRow, j: Judgement) {
  return {
    policyId: policy.id,
    code: policy.code,
    name: policy.name,
    summary: policy.summary,
    applicantKind: policy.applicantKind,
    autoGrant: policy.autoGrant,
    verdict: j.verdict,
    subject: j.candidate
      ? {
          kind: j.candidate.subjectKind,
          ref: j.candidate.subjectRef,
          label: j.candidate.label,
          occupationCode: j.candidate.occupationCode,
          levelCode: j.candidate.levelCode,
        }
      : null,
    amountFen: j.candidate?.amountFen ?? null,
    handlingRegion: j.applicant.handlingRegion,
    conditions: j.evaluation.conditions.map(nodeView),
    failing: j.evaluation.failing.map((f) => ({ text: f.text, actual: f.actual, remedy: f.remedy, final: f.final })),
    tree: nodeView(j.evaluation.tree),
  };
}

/** GET /api/policies/eligibility/mine */
export async function myEligibility(ctx: Ctx & { actor: Actor }) {
  const rows = await ctx.db
    .select()
    .from(policies)
    .where(and(eq(policies.status, 'published'), eq(policies.applicantKind, ctx.actor.role === 'talent' ? 'person' : 'organisation')))
    .orderBy(policies.code);
  const items = [];
  for (const p of rows) {
    const applicant = await applicantFor(ctx, ctx.actor, p);
    if (!applicant) continue;
    items.push(judgementView(p, await judge(ctx, p, applicant)));
  }
  items.sort((a, b) => RANK[a.verdict] - RANK[b.verdict]);
  return { items, total: items.length };
}
