/**
 * Reads of 补贴申领: a claim as its applicant or a reviewer sees it (the payee account masked), the
 * applicant's own list, the officials' review queue of their region, one claim with its history, and the
 * public 公示 list (names masked). Anyone outside a claim's reach gets 404. Changes are in policies.claims.ts.
 */
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { maskName } from '../../../shared/identifiers.js';
import { type ClaimListQuery, type ClaimStatus, claimWorkflow } from '../../../shared/policies.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion, regionFilter } from '../access/region-scope.js';
import { users } from '../auth/auth.tables.js';
import { regions } from '../catalog/catalog.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { workflowHistory } from '../workflow/workflow.service.js';
import { type PolicyClaimRow, type PolicyRow, policies, policyClaims } from './policies.tables.js';

const APPLICANT_ROLES = ['talent', 'employer', 'provider', 'evaluator', 'agency', 'host'];

/** The claim is the actor's own (in person or through their organisation); else 404. */
export function ownerGuard(ctx: Ctx & { actor: Actor }, row: PolicyClaimRow) {
  const own = row.applicantUserId === ctx.actor.userId || (row.applicantOrgId !== null && row.applicantOrgId === ctx.actor.orgId);
  if (!own) throw new AppError('NOT_FOUND', { status: 404 });
}

type RegionNames = Map<string, string>;

async function regionNames(db: Db, codes: string[]): Promise<RegionNames> {
  if (!codes.length) return new Map();
  const rs = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, [...new Set(codes)]));
  return new Map(rs.map((r) => [r.code, r.name]));
}

/** A claim as its applicant or a reviewer sees it: the account masked, never the full number. */
export async function claimView(ctx: Ctx, row: PolicyClaimRow, names?: { applicant?: string; policy?: PolicyRow; regions?: RegionNames }) {
  const policy = names?.policy ?? (await ctx.db.select().from(policies).where(eq(policies.id, row.policyId)))[0];
  let applicantName = names?.applicant;
  if (applicantName === undefined) applicantName = await applicantNameOf(ctx.db, row);
  const rn = names?.regions ?? (await regionNames(ctx.db, [row.regionCode]));
  const actor = ctx.actor;
  return {
    id: row.id,
    policyId: row.policyId,
    policyName: policy?.name ?? '',
    policyCode: policy?.code ?? '',
    status: row.status,
    regionCode: row.regionCode,
    regionName: rn.get(row.regionCode) ?? row.regionCode,
    applicantName,
    applicantKind: row.applicantOrgId ? 'organisation' : 'person',
    subjectKind: row.subjectKind,
    occupationCode: row.occupationCode || null,
    levelCode: row.levelCode || null,
    amountFen: row.amountFen,
    prefilled: row.prefilled,
    flags: row.flags,
    payeeBank: row.payeeBank,
    payeeAccountMasked: row.payeeAccountMasked,
    assignedToMe: actor ? row.assignedTo === actor.userId : false,
    assigned: row.assignedTo !== null,
    noticeFrom: row.noticeFrom,
    noticeUntil: row.noticeUntil,
    batchId: row.batchId,
    lastReason: row.lastReason,
    evaluation: row.evaluation,
    createdAt: row.createdAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    paidAt: row.paidAt?.toISOString() ?? null,
    allowedActions: actor
      ? allowedActions(claimWorkflow, row.status as ClaimStatus, [actor.role]).filter((a) => !['add_to_batch', 'mark_paid', 'mark_failed', 'hold'].includes(a))
      : [],
  };
}

async function applicantNameOf(db: Db, row: PolicyClaimRow): Promise<string> {
  if (row.applicantOrgId) {
    const [o] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.applicantOrgId));
    return o?.name ?? '';
  }
  if (row.applicantUserId) {
    const [u] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.applicantUserId));
    return u?.name ?? '';
  }
  return '';
}

async function views(ctx: Ctx, rows: PolicyClaimRow[]) {
  const pol = rows.length
    ? await ctx.db
        .select()
        .from(policies)
        .where(inArray(policies.id, [...new Set(rows.map((r) => r.policyId))]))
    : [];
  const pm = new Map(pol.map((p) => [p.id, p]));
  const userIds = rows.map((r) => r.applicantUserId).filter((x): x is string => Boolean(x));
  const orgIds = rows.map((r) => r.applicantOrgId).filter((x): x is string => Boolean(x));
  const us = userIds.length ? await ctx.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)) : [];
  const os = orgIds.length
    ? await ctx.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, orgIds))
    : [];
  const nm = new Map([...us, ...os].map((x) => [x.id, x.name]));
  const rn = await regionNames(
    ctx.db,
    rows.map((r) => r.regionCode),
  );
  return Promise.all(
    rows.map((r) =>
      claimView(ctx, r, {
        applicant: nm.get(r.applicantUserId ?? r.applicantOrgId ?? '') ?? '',
        ...(pm.get(r.policyId) ? { policy: pm.get(r.policyId) as PolicyRow } : {}),
        regions: rn,
      }),
    ),
  );
}

/** GET /api/policies/claims/mine */
export async function myClaims(ctx: Ctx & { actor: Actor }) {
  const key = ctx.actor.role === 'talent' ? ctx.actor.userId : ctx.actor.orgId;
  if (!key) return { items: [], total: 0 };
  const rows = await ctx.db.select().from(policyClaims).where(eq(policyClaims.applicantKey, key)).orderBy(desc(policyClaims.createdAt));
  const items = await views(ctx, rows);
  return { items, total: items.length };
}

/** GET /api/policies/claims (officials): the review queue of the region (not prefilled ones). */
export async function reviewQueue(ctx: Ctx & { actor: Actor }, q: ClaimListQuery) {
  const where: SQL[] = [sql`${policyClaims.status} <> 'prefilled'`];
  const scope = regionFilter(ctx.actor, policyClaims.regionCode);
  if (scope) where.push(scope);
  if (q.status) where.push(eq(policyClaims.status, q.status));
  if (q.policyId) where.push(eq(policyClaims.policyId, q.policyId));
  const cond = and(...where);
  const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(policyClaims).where(cond);
  const rows = await ctx.db
    .select()
    .from(policyClaims)
    .where(cond)
    .orderBy(policyClaims.submittedAt, policyClaims.createdAt)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await views(ctx, rows), total: count?.n ?? 0 };
}

/**
 * Who may touch a claim at all: its applicant, or an official of its region (404 to anyone else, even
 * before the request body is validated, so a claim's existence never shows).
 */
export async function assertClaimVisible(ctx: Ctx & { actor: Actor }, id: string): Promise<void> {
  const [row] = /^[0-9a-f-]{36}$/i.test(id)
    ? await ctx.db
        .select({ regionCode: policyClaims.regionCode, applicantUserId: policyClaims.applicantUserId, applicantOrgId: policyClaims.applicantOrgId })
        .from(policyClaims)
        .where(eq(policyClaims.id, id))
    : [];
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  if (ctx.actor.role === 'official') assertInRegion(ctx.actor, row.regionCode);
  else if (!(row.applicantUserId === ctx.actor.userId || (row.applicantOrgId !== null && row.applicantOrgId === ctx.actor.orgId)))
    throw new AppError('NOT_FOUND', { status: 404 });
}

/** GET /api/policies/claims/:id: the applicant or an official of the region; with the history. */
export async function getClaim(ctx: Ctx & { actor: Actor }, id: string) {
  const [row] = await ctx.db.select().from(policyClaims).where(eq(policyClaims.id, id));
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  if (ctx.actor.role === 'official') assertInRegion(ctx.actor, row.regionCode);
  else if (APPLICANT_ROLES.includes(ctx.actor.role)) ownerGuard(ctx, row);
  else throw new AppError('NOT_FOUND', { status: 404 });
  const [view] = await views(ctx, [row]);
  return { ...view, history: await workflowHistory(ctx, claimWorkflow.name, id) };
}

/** GET /api/policies/notices: public 公示 list, names masked (organisations by name). */
export async function publicNotices(ctx: Ctx) {
  const rows = await ctx.db.select().from(policyClaims).where(eq(policyClaims.status, 'public_notice')).orderBy(desc(policyClaims.noticeFrom)).limit(500);
  const v = await views({ ...ctx, actor: null }, rows);
  const items = v.map((c) => ({
    id: c.id,
    policyName: c.policyName,
    regionName: c.regionName,
    applicantName: c.applicantKind === 'organisation' ? c.applicantName : maskName(c.applicantName),
    occupationCode: c.occupationCode,
    levelCode: c.levelCode,
    amountFen: c.amountFen,
    noticeFrom: c.noticeFrom,
    noticeUntil: c.noticeUntil,
  }));
  return { items, total: items.length };
}
