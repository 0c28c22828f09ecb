/**
 * Providers and bodies: the category of a provider / evaluator / host organisation, accreditation
 * applications (资质申报) reviewed by officials (人社) of the organisation's region through the workflow
 * engine, expiry, suspension and reinstatement. Every decision is audited.
 */
import { and, asc, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import {
  ACCREDITATION_DEFAULT_YEARS,
  type AccreditationAction,
  type AccreditationItem,
  type AccreditationPurpose,
  type AccreditationStatus,
  type AccreditationTransitionBody,
  type ApplyBody,
  accreditationWorkflow,
  PROVIDER_ORG_KINDS,
  type ProviderCategory,
} from '../../../shared/providers.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { inRegion, regionFilter } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { occupations, regions } from '../catalog/catalog.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { chinaDate } from '../skillcatalog/skillcatalog.lookup.js';
import { applyTransition, type WorkflowBinding, workflowHistory } from '../workflow/workflow.service.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import { type AccreditationRow, accreditationItems, accreditations, providerProfiles } from './providers.tables.js';

type ActorCtx = Ctx & { actor: Actor };

function inTx<T>(ctx: Ctx, fn: (t: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** The acting organisation of a provider, evaluator or host account (403 otherwise). */
async function ownOrganisation(ctx: ActorCtx) {
  const orgId = ctx.actor.orgId;
  if (!orgId) throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, orgId));
  if (!org) throw new AppError('NOT_FOUND', { status: 404 });
  if (!(PROVIDER_ORG_KINDS as readonly string[]).includes(org.kind)) throw new AppError('PROVIDERS_ORG_NOT_ELIGIBLE', { status: 403 });
  return org;
}

/** Own organisation with its category and accreditations in force today. */
export async function myOrganisation(ctx: ActorCtx) {
  const org = await ownOrganisation(ctx);
  const [profile] = await ctx.db.select().from(providerProfiles).where(eq(providerProfiles.orgId, org.id));
  const [region] = await ctx.db.select({ name: regions.name }).from(regions).where(eq(regions.code, org.regionCode));
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    status: org.status,
    regionCode: org.regionCode,
    regionName: region?.name ?? org.regionCode,
    category: (profile?.category ?? null) as ProviderCategory | null,
    description: profile?.description ?? null,
  };
}

/** The organisation's category (培训机构, 职业院校, …): set by its own account. Audited. */
export async function setProfile(ctx: ActorCtx, input: { category: ProviderCategory; description?: string | null | undefined }) {
  const org = await ownOrganisation(ctx);
  await inTx(ctx, async (t) => {
    await t.db
      .insert(providerProfiles)
      .values({
        orgId: org.id,
        category: input.category,
        regionCode: org.regionCode,
        description: input.description ?? null,
        updatedBy: ctx.actor.userId,
        updatedAt: ctx.now,
      })
      .onConflictDoUpdate({
        target: providerProfiles.orgId,
        set: { category: input.category, description: input.description ?? null, regionCode: org.regionCode, updatedBy: ctx.actor.userId, updatedAt: ctx.now },
      });
    await record(t, {
      action: 'provider.profile',
      objectType: 'organisation',
      objectId: org.id,
      regionCode: org.regionCode,
      detail: { category: input.category },
    });
  });
  return myOrganisation(ctx);
}

/** Distinct, existing 细类 codes; 400 CATALOG_UNKNOWN_CODE otherwise. */
async function checkItems(db: Db, items: AccreditationItem[]): Promise<AccreditationItem[]> {
  const unique = [...new Map(items.map((i) => [`${i.occupationCode}|${i.levelCode}`, i])).values()];
  const codes = [...new Set(unique.map((i) => i.occupationCode))];
  const found = await db
    .select({ code: occupations.code })
    .from(occupations)
    .where(and(inArray(occupations.code, codes), eq(occupations.level, 4)));
  if (found.length !== codes.length) throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: 'items' } });
  return unique;
}

/** Provider / evaluator / host of a verified organisation: 申报. 201. */
export async function apply(ctx: ActorCtx, input: ApplyBody) {
  const org = await ownOrganisation(ctx);
  if (org.status !== 'verified') throw new AppError('PROVIDERS_ORG_NOT_VERIFIED', { status: 403 });
  const id = await inTx(ctx, async (t) => {
    const items = await checkItems(t.db, input.items);
    const [row] = await t.db
      .insert(accreditations)
      .values({
        orgId: org.id,
        regionCode: org.regionCode,
        purpose: input.purpose,
        status: 'submitted',
        statement: input.statement,
        submittedBy: ctx.actor.userId,
        submittedAt: ctx.now,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: accreditations.id });
    const newId = (row as { id: string }).id;
    await t.db.insert(accreditationItems).values(items.map((i) => ({ accreditationId: newId, ...i })));
    // like an organisation's registration, the submission itself is audited, not a workflow step
    await record(t, {
      action: 'accreditation.submit',
      objectType: 'accreditation',
      objectId: newId,
      regionCode: org.regionCode,
      detail: { purpose: input.purpose, items: items.map((i) => `${i.occupationCode}/${i.levelCode}`) },
    });
    return newId;
  });
  return getAccreditation(ctx, id);
}

type Row = { a: AccreditationRow; orgName: string; orgKind: string; regionName: string | null; category: string | null };

async function itemsOf(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, Array<{ occupationCode: string; occupationName: string; levelCode: string; digital: boolean }>>();
  const rows = await db
    .select({
      id: accreditationItems.accreditationId,
      occupationCode: accreditationItems.occupationCode,
      levelCode: accreditationItems.levelCode,
      name: occupations.name,
      digital: occupations.isDigital,
    })
    .from(accreditationItems)
    .leftJoin(occupations, eq(occupations.code, accreditationItems.occupationCode))
    .where(inArray(accreditationItems.accreditationId, ids))
    .orderBy(asc(accreditationItems.occupationCode), desc(accreditationItems.levelCode));
  const out = new Map<string, Array<{ occupationCode: string; occupationName: string; levelCode: string; digital: boolean }>>();
  for (const r of rows) {
    const list = out.get(r.id) ?? [];
    list.push({ occupationCode: r.occupationCode, occupationName: r.name ?? r.occupationCode, levelCode: r.levelCode, digital: r.digital ?? false });
    out.set(r.id, list);
  }
  return out;
}

function mayAct(actor: Actor | null, a: AccreditationRow): boolean {
  if (!actor) return false;
  if (actor.role === 'official') return actor.department === 'hrss' && inRegion(actor, a.regionCode);
  return actor.orgId === a.orgId;
}

async function views(ctx: Ctx, rows: Row[]) {
  const items = await itemsOf(
    ctx.db,
    rows.map((r) => r.a.id),
  );
  const today = chinaDate(ctx.now);
  return rows.map(({ a, orgName, orgKind, regionName, category }) => ({
    id: a.id,
    orgId: a.orgId,
    orgName,
    orgKind,
    category,
    regionCode: a.regionCode,
    regionName: regionName ?? a.regionCode,
    purpose: a.purpose as AccreditationPurpose,
    status: a.status as AccreditationStatus,
    statement: a.statement,
    validUntil: a.validUntil,
    /** approved and not past valid_until today */
    inForce: a.status === 'approved' && a.validUntil !== null && a.validUntil >= today,
    submittedAt: a.submittedAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    items: items.get(a.id) ?? [],
    allowedActions: ctx.actor && mayAct(ctx.actor, a) ? allowedActions(accreditationWorkflow, a.status as AccreditationStatus, [ctx.actor.role]) : [],
  }));
}

function baseQuery(db: Db) {
  return db
    .select({ a: accreditations, orgName: organisations.name, orgKind: organisations.kind, regionName: regions.name, category: providerProfiles.category })
    .from(accreditations)
    .innerJoin(organisations, eq(organisations.id, accreditations.orgId))
    .leftJoin(regions, eq(regions.code, accreditations.regionCode))
    .leftJoin(providerProfiles, eq(providerProfiles.orgId, accreditations.orgId));
}

/** Own organisation's applications and accreditations, newest first. */
export async function listMine(ctx: ActorCtx) {
  const org = await ownOrganisation(ctx);
  const rows = await baseQuery(ctx.db).where(eq(accreditations.orgId, org.id)).orderBy(desc(accreditations.submittedAt));
  return { items: await views(ctx, rows) };
}

/** Officials: applications and accreditations of providers in their region (the review queue: status=submitted). */
export async function listForReview(
  ctx: ActorCtx,
  q: { status?: AccreditationStatus | undefined; purpose?: AccreditationPurpose | undefined; page: number; pageSize: number },
) {
  const conds: (SQL | undefined)[] = [regionFilter(ctx.actor, accreditations.regionCode)];
  if (q.status) conds.push(eq(accreditations.status, q.status));
  if (q.purpose) conds.push(eq(accreditations.purpose, q.purpose));
  const where = and(...conds);
  const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(accreditations).where(where);
  const rows = await baseQuery(ctx.db)
    .where(where)
    .orderBy(asc(accreditations.submittedAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total: Number(count?.n ?? 0), items: await views(ctx, rows) };
}

/** One application: to officials of its region and to its own organisation. 404. */
export async function getAccreditation(ctx: Ctx, id: string) {
  const [row] = await baseQuery(ctx.db).where(eq(accreditations.id, id));
  const actor = ctx.actor;
  const allowed = row && actor && ((actor.role === 'official' && inRegion(actor, row.a.regionCode)) || (actor.orgId !== null && actor.orgId === row.a.orgId));
  if (!row || !allowed) throw new AppError('NOT_FOUND', { status: 404 });
  const [view] = await views(ctx, [row]);
  return { ...(view as NonNullable<typeof view>), history: await workflowHistory(ctx, accreditationWorkflow.name, id) };
}

function binding(input: AccreditationTransitionBody, validUntil: string | null): WorkflowBinding<AccreditationStatus, AccreditationAction, AccreditationRow> {
  return {
    workflow: accreditationWorkflow,
    table: accreditations,
    guard(ctx, row) {
      if (ctx.actor.role === 'official') {
        if (ctx.actor.department !== 'hrss') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'department' } });
      } else if (ctx.actor.orgId !== row.orgId) {
        throw new AppError('NOT_FOUND', { status: 404 });
      }
    },
    extraSet(ctx) {
      return { updatedAt: ctx.now };
    },
    async after(ctx, row, action) {
      if (action === 'approve' || action === 'return' || action === 'reject') {
        await ctx.db
          .update(accreditations)
          .set({ decidedBy: ctx.actor.userId, decidedAt: ctx.now, ...(action === 'approve' ? { validUntil } : {}) })
          .where(eq(accreditations.id, row.id));
        if (action === 'approve') {
          await record(ctx, {
            action: 'accreditation.valid_until',
            objectType: 'accreditation',
            objectId: row.id,
            regionCode: row.regionCode,
            detail: { validUntil },
          });
        }
      }
      if (action === 'resubmit') {
        const set: Partial<AccreditationRow> = { submittedAt: ctx.now, submittedBy: ctx.actor.userId };
        if (input.statement) set.statement = input.statement;
        await ctx.db.update(accreditations).set(set).where(eq(accreditations.id, row.id));
        if (input.items) {
          const items = await checkItems(ctx.db, input.items);
          await ctx.db.delete(accreditationItems).where(eq(accreditationItems.accreditationId, row.id));
          await ctx.db.insert(accreditationItems).values(items.map((i) => ({ accreditationId: row.id, ...i })));
          await record(ctx, {
            action: 'accreditation.items',
            objectType: 'accreditation',
            objectId: row.id,
            regionCode: row.regionCode,
            detail: { items: items.map((i) => `${i.occupationCode}/${i.levelCode}`) },
          });
        }
      }
    },
  };
}

/**
 * approve (validUntil, default three years) / return / reject / suspend / reinstate (officials of the region,
 * 人社) and resubmit (corrected items and statement) / withdraw (own organisation). 400; 403; 404; 409.
 */
export async function transitionAccreditation(ctx: ActorCtx, id: string, action: string, input: AccreditationTransitionBody) {
  const today = chinaDate(ctx.now);
  let validUntil: string | null = null;
  if (action === 'approve') {
    validUntil = input.validUntil ?? addYears(today, ACCREDITATION_DEFAULT_YEARS);
    if (validUntil <= today || validUntil > addYears(today, 5))
      throw new AppError('PROVIDERS_VALID_UNTIL_INVALID', { status: 400, params: { field: 'validUntil' } });
  }
  await applyTransition(ctx, binding(input, validUntil), id, action, { reason: input.reason });
  return getAccreditation(ctx, id);
}

/** Daily: approved or suspended accreditations past valid_until become expired (workflow event + audit). */
export async function expireAccreditations(ctx: Ctx): Promise<number> {
  const today = chinaDate(ctx.now);
  return inTx(ctx, async (t) => {
    const rows = await t.db
      .select({ id: accreditations.id, status: accreditations.status, regionCode: accreditations.regionCode })
      .from(accreditations)
      .where(and(inArray(accreditations.status, ['approved', 'suspended']), lt(accreditations.validUntil, today)))
      .for('update');
    if (rows.length === 0) return 0;
    await t.db
      .update(accreditations)
      .set({ status: 'expired', updatedAt: ctx.now })
      .where(
        inArray(
          accreditations.id,
          rows.map((r) => r.id),
        ),
      );
    await t.db.insert(workflowEvents).values(
      rows.map((r) => ({
        workflow: accreditationWorkflow.name,
        entityId: r.id,
        action: 'expire',
        fromState: r.status,
        toState: 'expired',
        actorId: null,
        actorRole: null,
        reason: null,
        requestId: ctx.requestId,
        at: ctx.now,
      })),
    );
    await record(t, { action: 'accreditation.expire', objectType: 'accreditation', detail: { count: rows.length, ids: rows.slice(0, 100).map((r) => r.id) } });
    return rows.length;
  });
}

/** Officials: provider, evaluator and host organisations of the region with their category. */
export async function listProviders(ctx: ActorCtx) {
  const rows = await ctx.db
    .select({ org: organisations, category: providerProfiles.category, regionName: regions.name })
    .from(organisations)
    .leftJoin(providerProfiles, eq(providerProfiles.orgId, organisations.id))
    .leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(inArray(organisations.kind, [...PROVIDER_ORG_KINDS]), regionFilter(ctx.actor, organisations.regionCode)))
    .orderBy(asc(organisations.regionCode), asc(organisations.name));
  return {
    items: rows.map(({ org, category, regionName }) => ({
      id: org.id,
      name: org.name,
      kind: org.kind,
      status: org.status,
      regionCode: org.regionCode,
      regionName: regionName ?? org.regionCode,
      category: category as ProviderCategory | null,
    })),
  };
}
