/**
 * 创业项目展示: a talent (创客) or a verified employer creates a project, submits it; an official of the
 * project's region publishes or returns it (reason). Anyone reads published projects — never the owner's
 * name or contact: that reaches an investor only through a consented introduction (ventures.finance.ts).
 */
import { and, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { OPEN_INCUBATION_STATUSES, type ProjectInput, type ProjectListQuery, type ProjectPatch, projectWorkflow } from '../../../shared/ventures.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion, inRegion, regionFilter, regionPrefix } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { checkIndustryCode, getRegion } from '../catalog/index.js';
import { industries, regions } from '../catalog/catalog.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { applyTransition, workflowHistory } from '../workflow/workflow.service.js';
import { type VentureProjectRow, ventureCarriers, ventureIncubations, ventureProjects } from './ventures.tables.js';
import { incubationSummary } from './ventures.views.js';
import { loadProject, ownsProject, projectBinding } from './ventures.workflow.js';

export type ActorCtx = Ctx & { actor: Actor };

export function inTransaction<T>(ctx: ActorCtx, fn: (t: ActorCtx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Columns every project view reads: the row, its region and industry names, the owning organisation's name. */
const VIEW_COLUMNS = {
  p: ventureProjects,
  regionName: regions.name,
  industryName: industries.name,
  orgName: organisations.name,
  incubatingAt: sql<string | null>`(select c.name from ${ventureIncubations} i join ${ventureCarriers} c on c.id = i.carrier_id
    where i.project_id = ${ventureProjects.id} and i.status = 'incubating' limit 1)`,
};

function selectViews(db: Db) {
  return db
    .select(VIEW_COLUMNS)
    .from(ventureProjects)
    .leftJoin(regions, eq(regions.code, ventureProjects.regionCode))
    .leftJoin(industries, eq(industries.code, ventureProjects.industryCode))
    .leftJoin(organisations, eq(organisations.id, ventureProjects.ownerOrgId));
}
type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['where']>>[number];

/** What anyone may read: no owner name, no contact; an organisation-owned project shows the enterprise's name. */
export function publicView(r: ViewRow) {
  const p = r.p;
  return {
    id: p.id,
    name: p.name,
    stage: p.stage,
    industryCode: p.industryCode,
    industryName: r.industryName ?? null,
    digitalField: p.digitalField,
    regionCode: p.regionCode,
    regionName: r.regionName ?? p.regionCode,
    summary: p.summary,
    teamSize: p.teamSize,
    fundingSoughtFen: p.fundingSoughtFen,
    needs: p.needs,
    ownerKind: p.ownerOrgId ? ('organisation' as const) : ('talent' as const),
    orgName: p.ownerOrgId ? (r.orgName ?? null) : null,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    incubatingAt: r.incubatingAt ?? null,
  };
}

/** The owner's and the reviewing official's view: status, return reason and the buttons they may press. */
function fullView(r: ViewRow, actor: Actor | null) {
  const p = r.p;
  const mayAct = actor && (actor.role === 'official' ? inRegion(actor, p.regionCode) : ownsProject(actor, p));
  return {
    ...publicView(r),
    status: p.status,
    returnReason: p.returnReason,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    allowedActions: mayAct && actor ? allowedActions(projectWorkflow, p.status as never, [actor.role]) : [],
  };
}

async function viewOf(db: Db, id: string): Promise<ViewRow> {
  const [r] = await selectViews(db).where(eq(ventureProjects.id, id));
  if (!r) throw new AppError('NOT_FOUND', { status: 404 });
  return r;
}

async function checkInput(ctx: ActorCtx, input: ProjectPatch) {
  if (input.regionCode) await getRegion(ctx, input.regionCode);
  if (input.industryCode) await checkIndustryCode(ctx, input.industryCode);
}

/** Owner: a new draft. Employers act for their organisation, which must be verified. 201; 400; 403 VENTURES_ORG_NOT_VERIFIED. */
export async function createProject(ctx: ActorCtx, input: ProjectInput) {
  let ownerOrgId: string | null = null;
  if (ctx.actor.role === 'employer') {
    const [org] = ctx.actor.orgId ? await ctx.db.select({ status: organisations.status }).from(organisations).where(eq(organisations.id, ctx.actor.orgId)) : [];
    if (org?.status !== 'verified') throw new AppError('VENTURES_ORG_NOT_VERIFIED', { status: 403 });
    ownerOrgId = ctx.actor.orgId;
  }
  await checkInput(ctx, input);
  const id = await inTransaction(ctx, async (t) => {
    const [row] = await t.db
      .insert(ventureProjects)
      .values({
        ...input,
        needs: [...new Set(input.needs)],
        ownerUserId: ctx.actor.userId,
        ownerOrgId,
        status: projectWorkflow.initial,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: ventureProjects.id });
    if (!row) throw new AppError('INTERNAL', { status: 500 });
    await record(t, {
      action: 'venture_project.create',
      objectType: 'venture_project',
      objectId: row.id,
      regionCode: input.regionCode,
      detail: { field: input.digitalField, stage: input.stage, fundingSoughtFen: input.fundingSoughtFen },
    });
    return row.id;
  });
  return fullView(await viewOf(ctx.db, id), ctx.actor);
}

/** Owner: edit a draft or returned project. 404 (not the owner); 409 VENTURES_NOT_EDITABLE. */
export async function updateProject(ctx: ActorCtx, id: string, patch: ProjectPatch) {
  const p = await loadProject(ctx.db, id);
  if (!ownsProject(ctx.actor, p)) throw new AppError('NOT_FOUND', { status: 404 });
  if (p.status !== 'draft' && p.status !== 'returned') throw new AppError('VENTURES_NOT_EDITABLE', { status: 409, params: { status: p.status } });
  await checkInput(ctx, patch);
  await inTransaction(ctx, async (t) => {
    const set = { ...patch, ...(patch.needs ? { needs: [...new Set(patch.needs)] } : {}), updatedAt: ctx.now };
    await t.db.update(ventureProjects).set(set).where(eq(ventureProjects.id, id));
    await record(t, {
      action: 'venture_project.update',
      objectType: 'venture_project',
      objectId: id,
      regionCode: patch.regionCode ?? p.regionCode,
      detail: { fields: Object.keys(patch) },
    });
  });
  return fullView(await viewOf(ctx.db, id), ctx.actor);
}

/** submit / archive (owner), publish / return / take_down (official of the region, reasons where required). */
export async function transitionProject(ctx: ActorCtx, id: string, action: string, reason?: string) {
  await applyTransition(ctx, projectBinding(action, reason?.trim() || undefined), id, action, { reason });
  return getProject(ctx, id);
}

/** Published: anyone (the public view). Any other status: the owner and officials of the region; others 404. */
export async function getProject(ctx: Ctx, id: string) {
  const r = await viewOf(ctx.db, id);
  const actor = ctx.actor;
  const owner = actor ? ownsProject(actor, r.p) : false;
  const official = actor?.role === 'official' && inRegion(actor, r.p.regionCode);
  if (!owner && !official) {
    if (r.p.status !== 'published') throw new AppError('NOT_FOUND', { status: 404 });
    return { ...publicView(r), status: r.p.status, allowedActions: [] as string[] };
  }
  return { ...fullView(r, actor), history: await workflowHistory(ctx, projectWorkflow.name, id) };
}

/** Public: published projects, newest first, with filters and pages. */
export async function listPublicProjects(ctx: Ctx, q: ProjectListQuery) {
  const conds: (SQL | undefined)[] = [
    eq(ventureProjects.status, 'published'),
    q.field ? eq(ventureProjects.digitalField, q.field) : undefined,
    q.stage ? eq(ventureProjects.stage, q.stage) : undefined,
    q.city ? sql`${ventureProjects.regionCode} like ${`${regionPrefix(q.city)}%`}` : undefined,
    q.q ? or(ilike(ventureProjects.name, `%${escapeLike(q.q)}%`), ilike(ventureProjects.summary, `%${escapeLike(q.q)}%`)) : undefined,
  ];
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    selectViews(ctx.db)
      .where(where)
      .orderBy(desc(ventureProjects.publishedAt), desc(ventureProjects.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(ventureProjects).where(where),
  ]);
  return { items: rows.map(publicView), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** The projects the actor owns: a talent's own, or every project of the employer's organisation. */
export function ownedBy(actor: Actor): SQL | undefined {
  return actor.role === 'employer' && actor.orgId
    ? eq(ventureProjects.ownerOrgId, actor.orgId)
    : and(eq(ventureProjects.ownerUserId, actor.userId), isNull(ventureProjects.ownerOrgId));
}

/** Owner: my projects with their incubation applications (carrier, status, the owner's buttons). */
export async function myProjects(ctx: ActorCtx) {
  const rows = await selectViews(ctx.db).where(ownedBy(ctx.actor)).orderBy(desc(ventureProjects.updatedAt)).limit(100);
  const ids = rows.map((r) => r.p.id);
  const incubations = ids.length
    ? await ctx.db
        .select({ i: ventureIncubations, carrierName: ventureCarriers.name })
        .from(ventureIncubations)
        .innerJoin(ventureCarriers, eq(ventureCarriers.id, ventureIncubations.carrierId))
        .where(inArray(ventureIncubations.projectId, ids))
        .orderBy(desc(ventureIncubations.appliedAt))
    : [];
  return {
    items: rows.map((r) => ({
      ...fullView(r, ctx.actor),
      incubations: incubations.filter((x) => x.i.projectId === r.p.id).map((x) => incubationSummary(x.i, x.carrierName, ctx.actor, true)),
      openIncubation: incubations.some((x) => x.i.projectId === r.p.id && (OPEN_INCUBATION_STATUSES as readonly string[]).includes(x.i.status)),
    })),
  };
}

/** Official: projects of the region (?status), the queue of submitted ones first. */
export async function manageProjects(ctx: ActorCtx, q: { status?: string | undefined }) {
  const rows = await selectViews(ctx.db)
    .where(and(regionFilter(ctx.actor, ventureProjects.regionCode), q.status ? eq(ventureProjects.status, q.status) : undefined))
    .orderBy(sql`${ventureProjects.status} = 'submitted' desc`, desc(ventureProjects.updatedAt))
    .limit(200);
  return { items: rows.map((r) => fullView(r, ctx.actor)) };
}

/** For routes that act on a project first: 404 unless owner (or an official of the region). */
export async function assertProjectOwner(ctx: ActorCtx, id: string): Promise<VentureProjectRow> {
  const p = await loadProject(ctx.db, id);
  if (ctx.actor.role === 'official') assertInRegion(ctx.actor, p.regionCode);
  if (!ownsProject(ctx.actor, p)) throw new AppError('NOT_FOUND', { status: 404 });
  return p;
}
