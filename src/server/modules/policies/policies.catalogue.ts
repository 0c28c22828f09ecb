/**
 * The public policy catalogue (政策目录: legal basis, 通俗化解读, Q&A, materials, amounts, budgets,
 * window) and the applicant's self-declared facts (户籍地, 就业地, 失业保险缴费月数; unverified).
 */
import { and, eq, ilike, or, type SQL } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { MyFacts, Rule } from '../../../shared/policies.js';
import type { Actor, Ctx } from '../../context.js';
import { record } from '../audit/audit.service.js';
import { getRegion } from '../catalog/regions.service.js';
import { nameLookups } from './policies.facts.js';
import { evaluate, type RuleNode } from './policies.rules.js';
import { type PolicyRow, policies, policyBudgets, policyPersonFacts } from './policies.tables.js';

export function policyView(p: PolicyRow, regionName?: string) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    applicantKind: p.applicantKind,
    subjectKind: p.subjectKind,
    regionCode: p.regionCode,
    regionName: regionName ?? p.regionCode,
    department: p.department,
    summary: p.summary,
    autoGrant: p.autoGrant,
    windowFrom: p.windowFrom,
    windowTo: p.windowTo,
    amountRule: p.amountRule,
  };
}

/** GET /api/policies (public): `{ items, total }`. */
export async function listPolicies(ctx: Ctx, q: { applicantKind?: 'person' | 'organisation' | undefined; q?: string | undefined }) {
  const where: (SQL | undefined)[] = [eq(policies.status, 'published')];
  if (q.applicantKind) where.push(eq(policies.applicantKind, q.applicantKind));
  if (q.q) where.push(or(ilike(policies.name, `%${q.q}%`), ilike(policies.summary, `%${q.q}%`)));
  const rows = await ctx.db
    .select()
    .from(policies)
    .where(and(...where))
    .orderBy(policies.code);
  const names = new Map<string, string>();
  for (const code of new Set(rows.map((r) => r.regionCode))) names.set(code, (await getRegion(ctx, code)).name);
  const items = rows.map((p) => policyView(p, names.get(p.regionCode)));
  return { items, total: items.length };
}

/** GET /api/policies/:id (public): the whole policy, with this year's budgets. */
export async function getPolicy(ctx: Ctx, id: string) {
  const [p] = await ctx.db.select().from(policies).where(eq(policies.id, id));
  if (p?.status !== 'published') throw new AppError('NOT_FOUND', { status: 404 });
  const budgets = await ctx.db.select().from(policyBudgets).where(eq(policyBudgets.policyId, id)).orderBy(policyBudgets.year, policyBudgets.regionCode);
  const regionNames = new Map<string, string>();
  for (const code of new Set([p.regionCode, ...budgets.map((b) => b.regionCode)])) regionNames.set(code, (await getRegion(ctx, code)).name);
  return {
    ...policyView(p, regionNames.get(p.regionCode)),
    explanation: p.explanation,
    legalBasis: p.legalBasis,
    qa: p.qa,
    materials: p.materials,
    noticeWorkingDays: p.noticeWorkingDays,
    eligibility: p.eligibility,
    conditions: await conditionSentences(ctx, p),
    budgets: budgets.map((b) => ({
      regionCode: b.regionCode,
      regionName: regionNames.get(b.regionCode) ?? b.regionCode,
      year: b.year,
      totalFen: b.totalFen,
      committedFen: b.committedFen,
      paidFen: b.paidFen,
    })),
  };
}

interface Sentence {
  text: string;
  children?: Sentence[];
}

/** The rule as Chinese sentences (the engine's own wording, judged against no facts). */
async function conditionSentences(ctx: Ctx, p: PolicyRow): Promise<Sentence> {
  const names = await nameLookups(ctx.db, [p.regionCode], []);
  const { tree } = evaluate(p.eligibility as Rule, {}, { policyRegion: p.regionCode, ...names });
  const walk = (n: RuleNode): Sentence => (n.children && n.kind !== 'not' ? { text: n.text, children: n.children.map(walk) } : { text: n.text });
  return walk(tree);
}

/** GET /api/policies/facts/me */
export async function getMyFacts(ctx: Ctx & { actor: Actor }) {
  const [f] = await ctx.db.select().from(policyPersonFacts).where(eq(policyPersonFacts.userId, ctx.actor.userId));
  return {
    residenceRegionCode: ctx.actor.regionCode,
    hukouRegionCode: f?.hukouRegionCode ?? null,
    workplaceRegionCode: f?.workplaceRegionCode ?? null,
    insuredMonths: f?.insuredMonths ?? null,
    verified: f?.verified ?? false,
    updatedAt: f?.updatedAt.toISOString() ?? null,
  };
}

/** PUT /api/policies/facts/me: self-declared, so `verified` goes back to false. */
export async function putMyFacts(ctx: Ctx & { actor: Actor }, input: MyFacts) {
  for (const [field, code] of [
    ['hukouRegionCode', input.hukouRegionCode],
    ['workplaceRegionCode', input.workplaceRegionCode],
  ] as const)
    if (code) await getRegion(ctx, code, field);
  await ctx.db.transaction(async (tx) => {
    const values = { ...input, verified: false, updatedAt: ctx.now };
    await tx
      .insert(policyPersonFacts)
      .values({ userId: ctx.actor.userId, ...values })
      .onConflictDoUpdate({ target: policyPersonFacts.userId, set: values });
    await record(
      { ...ctx, db: tx as never },
      { action: 'policy_facts.declare', objectType: 'user', objectId: ctx.actor.userId, regionCode: ctx.actor.regionCode },
    );
  });
  return getMyFacts(ctx);
}
