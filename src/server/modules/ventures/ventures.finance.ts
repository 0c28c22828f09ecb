/**
 * 产融对接. Investors (verified employer organisations in 金融业 or 投资与资产管理: banks, VC firms, guarantee
 * companies) state interests; published projects that seek funding are matched by one pure scorer whose
 * reasons are true of the data (src/shared/ventures.ts `matchProject`). An investor requests an introduction;
 * only the project owner consents or declines; only after consent may that investor read the owner's contact,
 * and every reading is audited (`venture_introduction.contact_reveal`). Nothing before consent carries it.
 */
import { and, count, desc, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { type InterestInput, introductionWorkflow, isInvestorIndustry, matchProject, type RequestIntroduction } from '../../../shared/ventures.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Ctx } from '../../context.js';
import { openValue } from '../account/pi.js';
import { record } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { industries, regions } from '../catalog/catalog.tables.js';
import { type OrganisationRow, organisations } from '../organisations/organisations.tables.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { isUniqueViolation } from './ventures.incubations.js';
import { type ActorCtx, inTransaction, ownedBy, publicView } from './ventures.projects.js';
import { type VentureInterestRow, type VentureIntroductionRow, ventureInterests, ventureIntroductions, ventureProjects } from './ventures.tables.js';
import { introductionBinding, loadProject } from './ventures.workflow.js';

/** Introduction requests one investor organisation may send per day (against fishing for contacts). */
export const DAILY_INTRODUCTION_LIMIT = 20;

/** The actor's organisation when it is a verified investor, else 403 VENTURES_NOT_INVESTOR. */
export async function assertInvestor(ctx: ActorCtx): Promise<OrganisationRow> {
  const [org] = ctx.actor.role === 'employer' && ctx.actor.orgId ? await ctx.db.select().from(organisations).where(eq(organisations.id, ctx.actor.orgId)) : [];
  if (org?.status !== 'verified' || !isInvestorIndustry(org.industryCode)) throw new AppError('VENTURES_NOT_INVESTOR', { status: 403 });
  return org;
}

function interestView(r: VentureInterestRow) {
  return {
    id: r.id,
    title: r.title,
    investorKind: r.investorKind,
    fields: r.fields,
    stages: r.stages,
    ticketMinFen: r.ticketMinFen,
    ticketMaxFen: r.ticketMaxFen,
    regions: r.regions,
    note: r.note,
    active: r.active,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Investor: my organisation's interests. */
export async function myInterests(ctx: ActorCtx) {
  const org = await assertInvestor(ctx);
  const rows = await ctx.db.select().from(ventureInterests).where(eq(ventureInterests.orgId, org.id)).orderBy(desc(ventureInterests.updatedAt));
  return { organisation: { name: org.name }, items: rows.map(interestView) };
}

async function assertRegions(ctx: Ctx, codes: readonly string[]) {
  const found = await ctx.db
    .select({ code: regions.code })
    .from(regions)
    .where(inArray(regions.code, [...new Set(codes)]));
  const known = new Set(found.map((r) => r.code));
  const unknown = codes.find((c) => !known.has(c));
  if (unknown) throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: 'regions', code: unknown } });
}

/** Investor: a new interest. 201; 400; 403 VENTURES_NOT_INVESTOR. */
export async function createInterest(ctx: ActorCtx, input: InterestInput) {
  const org = await assertInvestor(ctx);
  await assertRegions(ctx, input.regions);
  return inTransaction(ctx, async (t) => {
    const [row] = await t.db
      .insert(ventureInterests)
      .values({ ...input, orgId: org.id, regionCode: org.regionCode, createdBy: ctx.actor.userId, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    if (!row) throw new AppError('INTERNAL', { status: 500 });
    await record(t, {
      action: 'venture_interest.create',
      objectType: 'venture_interest',
      objectId: row.id,
      regionCode: org.regionCode,
      detail: { fields: input.fields },
    });
    return interestView(row);
  });
}

/** The interest when it belongs to the actor's investor organisation, else 403 / 404 (also run before a body is validated). */
export async function ownInterest(ctx: ActorCtx, id: string): Promise<VentureInterestRow> {
  const org = await assertInvestor(ctx);
  const [row] = await ctx.db.select().from(ventureInterests).where(eq(ventureInterests.id, id));
  if (!row || row.orgId !== org.id) throw new AppError('NOT_FOUND', { status: 404 });
  return row;
}

/** Investor: replace an interest of my organisation. 404 for others' interests. */
export async function updateInterest(ctx: ActorCtx, id: string, input: InterestInput) {
  const row = await ownInterest(ctx, id);
  await assertRegions(ctx, input.regions);
  return inTransaction(ctx, async (t) => {
    const [updated] = await t.db
      .update(ventureInterests)
      .set({ ...input, updatedAt: ctx.now })
      .where(eq(ventureInterests.id, id))
      .returning();
    await record(t, {
      action: 'venture_interest.update',
      objectType: 'venture_interest',
      objectId: id,
      regionCode: row.regionCode,
      detail: { active: input.active },
    });
    return interestView(updated ?? row);
  });
}

/**
 * Investor: published projects that seek funding, scored against one interest (highest first, score > 0),
 * each with its reasons and any introduction already requested. The organisation's own projects are left out.
 */
export async function interestMatches(ctx: ActorCtx, id: string) {
  const interest = await ownInterest(ctx, id);
  const rows = await ctx.db
    .select({
      p: ventureProjects,
      regionName: regions.name,
      industryName: industries.name,
      orgName: organisations.name,
      incubatingAt: sql<string | null>`null`,
    })
    .from(ventureProjects)
    .leftJoin(regions, eq(regions.code, ventureProjects.regionCode))
    .leftJoin(industries, eq(industries.code, ventureProjects.industryCode))
    .leftJoin(organisations, eq(organisations.id, ventureProjects.ownerOrgId))
    .where(
      and(
        eq(ventureProjects.status, 'published'),
        sql`${ventureProjects.needs} ? 'funding'`,
        sql`${ventureProjects.ownerOrgId} is distinct from ${interest.orgId}::uuid`,
      ),
    )
    .orderBy(desc(ventureProjects.publishedAt))
    .limit(1000);
  const intros = await ctx.db
    .select({ id: ventureIntroductions.id, projectId: ventureIntroductions.projectId, status: ventureIntroductions.status })
    .from(ventureIntroductions)
    .where(and(eq(ventureIntroductions.investorOrgId, interest.orgId), inArray(ventureIntroductions.status, ['requested', 'consented'])));
  const items = rows
    .map((r) => ({ project: publicView(r), ...matchProject(interest, r.p), introduction: intros.find((x) => x.projectId === r.p.id) ?? null }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score) // stable: newest first among equal scores
    .slice(0, 100);
  return { interest: interestView(interest), items };
}

/** Investor: ask to be introduced to a published project. 201; 403; 404; 409 _NOT_PUBLISHED / _INTRODUCTION_EXISTS; 422 _OWN_PROJECT; 429. */
export async function requestIntroduction(ctx: ActorCtx, input: RequestIntroduction) {
  const org = await assertInvestor(ctx);
  const p = await loadProject(ctx.db, input.projectId);
  if (p.status !== 'published') throw new AppError('VENTURES_PROJECT_NOT_PUBLISHED', { status: 409 });
  if (p.ownerOrgId === org.id) throw new AppError('VENTURES_OWN_PROJECT', { status: 422 });
  if (input.interestId) await ownInterest(ctx, input.interestId);
  const dayAgo = new Date(ctx.now.getTime() - 86_400_000);
  const [sent] = await ctx.db
    .select({ n: count() })
    .from(ventureIntroductions)
    .where(and(eq(ventureIntroductions.investorOrgId, org.id), gte(ventureIntroductions.createdAt, dayAgo)));
  if ((sent?.n ?? 0) >= DAILY_INTRODUCTION_LIMIT) throw new AppError('VENTURES_DAILY_LIMIT', { status: 429, params: { limit: DAILY_INTRODUCTION_LIMIT } });
  try {
    const id = await inTransaction(ctx, async (t) => {
      const [row] = await t.db
        .insert(ventureIntroductions)
        .values({
          projectId: p.id,
          interestId: input.interestId,
          investorOrgId: org.id,
          regionCode: p.regionCode,
          message: input.message,
          status: introductionWorkflow.initial,
          requestedBy: ctx.actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: ventureIntroductions.id });
      if (!row) throw new AppError('INTERNAL', { status: 500 });
      await record(t, {
        action: 'venture_introduction.request',
        objectType: 'venture_introduction',
        objectId: row.id,
        regionCode: p.regionCode,
        detail: { projectId: p.id, orgId: org.id },
      });
      return row.id;
    });
    return introductionById(ctx, id, 'investor');
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('VENTURES_INTRODUCTION_EXISTS', { status: 409 });
    throw err;
  }
}

type Side = 'investor' | 'owner';

function introductionView(r: VentureIntroductionRow, extra: { projectName: string; orgName: string; investorKind: string | null }, ctx: ActorCtx, side: Side) {
  const actions = allowedActions(introductionWorkflow, r.status as never, [ctx.actor.role]).filter((a) =>
    side === 'investor' ? a === 'withdraw' : a !== 'withdraw',
  );
  return {
    id: r.id,
    projectId: r.projectId,
    projectName: extra.projectName,
    investorName: extra.orgName,
    investorKind: extra.investorKind,
    message: r.message,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    contactAvailable: side === 'investor' && r.status === 'consented',
    allowedActions: actions,
  };
}

function selectIntroductions(ctx: Ctx) {
  return ctx.db
    .select({ r: ventureIntroductions, projectName: ventureProjects.name, orgName: organisations.name, investorKind: ventureInterests.investorKind })
    .from(ventureIntroductions)
    .innerJoin(ventureProjects, eq(ventureProjects.id, ventureIntroductions.projectId))
    .innerJoin(organisations, eq(organisations.id, ventureIntroductions.investorOrgId))
    .leftJoin(ventureInterests, eq(ventureInterests.id, ventureIntroductions.interestId));
}

async function introductionById(ctx: ActorCtx, id: string, side: Side) {
  const [x] = await selectIntroductions(ctx).where(eq(ventureIntroductions.id, id));
  if (!x) throw new AppError('NOT_FOUND', { status: 404 });
  return introductionView(x.r, x, ctx, side);
}

/** Investor: my organisation's requests (no contact here; `contactAvailable` once consented). */
export async function sentIntroductions(ctx: ActorCtx) {
  const org = await assertInvestor(ctx);
  const rows = await selectIntroductions(ctx).where(eq(ventureIntroductions.investorOrgId, org.id)).orderBy(desc(ventureIntroductions.createdAt)).limit(200);
  return { items: rows.map((x) => introductionView(x.r, x, ctx, 'investor')) };
}

/** Owner: requests for my projects, pending first. */
export async function receivedIntroductions(ctx: ActorCtx) {
  const rows = await selectIntroductions(ctx)
    .where(and(ownedBy(ctx.actor), ne(ventureIntroductions.status, 'withdrawn')))
    .orderBy(sql`${ventureIntroductions.status} = 'requested' desc`, desc(ventureIntroductions.createdAt))
    .limit(200);
  return { items: rows.map((x) => introductionView(x.r, x, ctx, 'owner')) };
}

/** consent / decline (the project owner), withdraw (the requesting investor). */
export async function transitionIntroduction(ctx: ActorCtx, id: string, action: string, reason?: string) {
  await applyTransition(ctx, introductionBinding(), id, action, { reason });
  return introductionById(ctx, id, action === 'withdraw' ? 'investor' : 'owner');
}

/**
 * Investor: the owner's contact, after consent only (409 VENTURES_CONTACT_LOCKED before), to the requesting
 * organisation only (404 to anyone else). A talent's name and mobile, or the enterprise's contact person and
 * phone. Each reading is audited.
 */
export async function revealContact(ctx: ActorCtx, id: string) {
  if (ctx.actor.role !== 'employer') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
  const [r] = await ctx.db.select().from(ventureIntroductions).where(eq(ventureIntroductions.id, id));
  if (!r || r.investorOrgId !== ctx.actor.orgId) throw new AppError('NOT_FOUND', { status: 404 });
  if (r.status !== 'consented') throw new AppError('VENTURES_CONTACT_LOCKED', { status: 409, params: { status: r.status } });
  const p = await loadProject(ctx.db, r.projectId);
  let contact: { name: string | null; phone: string | null; orgName: string | null };
  if (p.ownerOrgId) {
    const [o] = await ctx.db.select().from(organisations).where(eq(organisations.id, p.ownerOrgId));
    contact = { name: o?.contactName ?? null, phone: openValue(ctx.platform.keys, o?.contactPhoneEnc ?? null), orgName: o?.name ?? null };
  } else {
    const [u] = await ctx.db.select({ name: users.displayName, phoneEnc: users.phoneEnc, status: users.status }).from(users).where(eq(users.id, p.ownerUserId));
    if (u?.status !== 'active') throw new AppError('NOT_FOUND', { status: 404 });
    contact = { name: u.name, phone: openValue(ctx.platform.keys, u.phoneEnc), orgName: null };
  }
  await inTransaction(ctx, (t) =>
    record(t, {
      action: 'venture_introduction.contact_reveal',
      objectType: p.ownerOrgId ? 'organisation' : 'user',
      objectId: p.ownerOrgId ?? p.ownerUserId,
      regionCode: r.regionCode,
      detail: { introductionId: id, orgId: r.investorOrgId, fields: ['name', 'phone'] },
    }),
  );
  return contact;
}
