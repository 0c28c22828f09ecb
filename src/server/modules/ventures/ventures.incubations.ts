/**
 * 孵化载体 and 入驻孵化. Officials register carriers of their region and name the operating `host`
 * organisation (by 统一社会信用代码); the accounts of that organisation are the carrier's manager: they
 * accept or decline applications, start (within capacity) and graduate incubations and plan milestones.
 * The project owner applies, withdraws and reports milestones done with evidence. Officials oversee the
 * incubations of their region (the carrier's region). Every write is audited.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { CarrierInput, CarrierPatch } from '../../../shared/ventures.js';
import type { Ctx } from '../../context.js';
import { chinaDate } from '../../lib/workdays.js';
import { assertInRegion, regionContains, regionFilter, regionPrefix } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { getRegion } from '../catalog/index.js';
import { regions } from '../catalog/catalog.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { type ActorCtx, assertProjectOwner, inTransaction } from './ventures.projects.js';
import { type VentureCarrierRow, ventureCarriers, ventureIncubations, ventureMilestones, ventureProjects } from './ventures.tables.js';
import { incubationSummary, milestoneView } from './ventures.views.js';
import { incubationBinding, loadProject, managesCarrier, ownsProject } from './ventures.workflow.js';

export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; i < 4 && e; i++, e = (e as { cause?: unknown }).cause) if ((e as { code?: string }).code === '23505') return true;
  return false;
}

const occupied = sql<number>`(select count(*)::int from ${ventureIncubations} i where i.carrier_id = ${ventureCarriers.id} and i.status = 'incubating')`;

function carrierView(c: VentureCarrierRow, extra: { regionName: string | null; managerName: string | null; occupied: number }) {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    level: c.level,
    regionCode: c.regionCode,
    regionName: extra.regionName ?? c.regionCode,
    focusFields: c.focusFields,
    capacity: c.capacity,
    occupied: Number(extra.occupied),
    managerName: extra.managerName,
    address: c.address,
    description: c.description,
    active: c.active,
  };
}

function selectCarriers(ctx: Ctx) {
  return ctx.db
    .select({ c: ventureCarriers, regionName: regions.name, managerName: organisations.name, occupied })
    .from(ventureCarriers)
    .leftJoin(regions, eq(regions.code, ventureCarriers.regionCode))
    .leftJoin(organisations, eq(organisations.id, ventureCarriers.managerOrgId));
}

/** Public: active carriers (?kind, ?city) with their occupancy. */
export async function listCarriers(ctx: Ctx, q: { kind?: string | undefined; city?: string | undefined }) {
  const rows = await selectCarriers(ctx)
    .where(
      and(
        eq(ventureCarriers.active, true),
        q.kind ? eq(ventureCarriers.kind, q.kind) : undefined,
        q.city ? sql`${ventureCarriers.regionCode} like ${`${regionPrefix(q.city)}%`}` : undefined,
      ),
    )
    .orderBy(asc(ventureCarriers.regionCode), asc(ventureCarriers.name))
    .limit(200);
  return { items: rows.map((r) => carrierView(r.c, r)) };
}

/** Official: carriers of the region, inactive ones too. */
export async function manageCarriers(ctx: ActorCtx) {
  const rows = await selectCarriers(ctx).where(regionFilter(ctx.actor, ventureCarriers.regionCode)).orderBy(asc(ventureCarriers.name)).limit(500);
  return { items: rows.map((r) => carrierView(r.c, r)) };
}

async function managerOrg(ctx: Ctx, uscc: string): Promise<string> {
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.uscc, uscc.toUpperCase()));
  if (org?.kind !== 'host' || org.status !== 'verified')
    throw new AppError('VENTURES_CARRIER_MANAGER_INVALID', { status: 422, params: { field: 'managerUscc' } });
  return org.id;
}

/** Official: register a carrier inside the own region. 201; 400; 403 FORBIDDEN_REGION; 422 VENTURES_CARRIER_MANAGER_INVALID. */
export async function createCarrier(ctx: ActorCtx, input: CarrierInput) {
  await getRegion(ctx, input.regionCode);
  if (!regionContains(ctx.actor.regionCode, input.regionCode)) throw new AppError('FORBIDDEN_REGION', { status: 403, params: { field: 'regionCode' } });
  const managerOrgId = await managerOrg(ctx, input.managerUscc);
  const { managerUscc: _, ...fields } = input;
  const id = await inTransaction(ctx, async (t) => {
    const [row] = await t.db
      .insert(ventureCarriers)
      .values({ ...fields, focusFields: [...new Set(input.focusFields)], managerOrgId, createdBy: ctx.actor.userId, createdAt: ctx.now, updatedAt: ctx.now })
      .returning({ id: ventureCarriers.id });
    if (!row) throw new AppError('INTERNAL', { status: 500 });
    await record(t, {
      action: 'venture_carrier.create',
      objectType: 'venture_carrier',
      objectId: row.id,
      regionCode: input.regionCode,
      detail: { managerOrgId },
    });
    return row.id;
  });
  return carrierById(ctx, id);
}

async function carrierById(ctx: Ctx, id: string) {
  const [r] = await selectCarriers(ctx).where(eq(ventureCarriers.id, id));
  if (!r) throw new AppError('NOT_FOUND', { status: 404 });
  return carrierView(r.c, r);
}

/** Official of the carrier's region: change details, the operator, capacity, or stop taking projects. 404 elsewhere. */
export async function updateCarrier(ctx: ActorCtx, id: string, patch: CarrierPatch) {
  const [c] = await ctx.db.select().from(ventureCarriers).where(eq(ventureCarriers.id, id));
  if (!c) throw new AppError('NOT_FOUND', { status: 404 });
  assertInRegion(ctx.actor, c.regionCode);
  if (patch.regionCode) {
    await getRegion(ctx, patch.regionCode);
    if (!regionContains(ctx.actor.regionCode, patch.regionCode)) throw new AppError('FORBIDDEN_REGION', { status: 403, params: { field: 'regionCode' } });
  }
  const { managerUscc, ...fields } = patch;
  const managerOrgId = managerUscc ? await managerOrg(ctx, managerUscc) : undefined;
  await inTransaction(ctx, async (t) => {
    await t.db
      .update(ventureCarriers)
      .set({ ...fields, ...(managerOrgId ? { managerOrgId } : {}), updatedAt: ctx.now })
      .where(eq(ventureCarriers.id, id));
    await record(t, {
      action: 'venture_carrier.update',
      objectType: 'venture_carrier',
      objectId: id,
      regionCode: patch.regionCode ?? c.regionCode,
      detail: { fields: Object.keys(patch) },
    });
  });
  return carrierById(ctx, id);
}

/** Owner: a published project applies to an active carrier. 201; 404; 409 VENTURES_PROJECT_NOT_PUBLISHED / _CARRIER_INACTIVE / _ALREADY_APPLIED. */
export async function applyToCarrier(ctx: ActorCtx, projectId: string, input: { carrierId: string; note: string }) {
  const p = await assertProjectOwner(ctx, projectId);
  if (p.status !== 'published') throw new AppError('VENTURES_PROJECT_NOT_PUBLISHED', { status: 409 });
  const [c] = await ctx.db.select().from(ventureCarriers).where(eq(ventureCarriers.id, input.carrierId));
  if (!c) throw new AppError('NOT_FOUND', { status: 404, params: { field: 'carrierId' } });
  if (!c.active) throw new AppError('VENTURES_CARRIER_INACTIVE', { status: 409 });
  try {
    const id = await inTransaction(ctx, async (t) => {
      const [row] = await t.db
        .insert(ventureIncubations)
        .values({ projectId, carrierId: c.id, regionCode: c.regionCode, status: 'applied', note: input.note, appliedAt: ctx.now, updatedAt: ctx.now })
        .returning({ id: ventureIncubations.id });
      if (!row) throw new AppError('INTERNAL', { status: 500 });
      await record(t, {
        action: 'venture_incubation.apply',
        objectType: 'venture_incubation',
        objectId: row.id,
        regionCode: c.regionCode,
        detail: { projectId },
      });
      return row.id;
    });
    return getIncubation(ctx, id);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('VENTURES_ALREADY_APPLIED', { status: 409 });
    throw err;
  }
}

/** accept / decline (reason) / start / graduate (the carrier's manager), withdraw (the owner). */
export async function transitionIncubation(ctx: ActorCtx, id: string, action: string, reason?: string) {
  await applyTransition(ctx, incubationBinding(action), id, action, { reason });
  return getIncubation(ctx, id);
}

type Party = 'owner' | 'manager' | 'official';

async function loadIncubation(ctx: ActorCtx, id: string) {
  const [i] = await ctx.db.select().from(ventureIncubations).where(eq(ventureIncubations.id, id));
  if (!i) throw new AppError('NOT_FOUND', { status: 404 });
  const project = await loadProject(ctx.db, i.projectId);
  let party: Party | null = null;
  if (ctx.actor.role === 'official') {
    assertInRegion(ctx.actor, i.regionCode);
    party = 'official';
  } else if (ownsProject(ctx.actor, project)) party = 'owner';
  else if (await managesCarrier(ctx.db, ctx.actor, i.carrierId)) party = 'manager';
  if (!party) throw new AppError('NOT_FOUND', { status: 404 });
  return { i, project, party };
}

/** Before a body is validated: only the owner or the manager of the incubation (of the milestone) gets further (others 403/404, never 400). */
export async function assertIncubationParty(ctx: ActorCtx, id: string, kind: 'incubation' | 'milestone') {
  let incubationId = id;
  if (kind === 'milestone') {
    const [m] = await ctx.db.select({ incubationId: ventureMilestones.incubationId }).from(ventureMilestones).where(eq(ventureMilestones.id, id));
    if (!m) throw new AppError('NOT_FOUND', { status: 404 });
    incubationId = m.incubationId;
  }
  const { party } = await loadIncubation(ctx, incubationId);
  if (party === 'official') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
}

/** The owner, the carrier's manager and officials of the carrier's region: the incubation with its milestones. 404 to others. */
export async function getIncubation(ctx: ActorCtx, id: string) {
  const { i, project, party } = await loadIncubation(ctx, id);
  const [c] = await ctx.db.select({ name: ventureCarriers.name }).from(ventureCarriers).where(eq(ventureCarriers.id, i.carrierId));
  const milestones = await ctx.db.select().from(ventureMilestones).where(eq(ventureMilestones.incubationId, id)).orderBy(asc(ventureMilestones.plannedOn));
  const today = chinaDate(ctx.now);
  const summary = incubationSummary(i, c?.name ?? '', ctx.actor, party === 'owner');
  return {
    ...summary,
    allowedActions: party === 'official' ? [] : summary.allowedActions,
    project: { id: project.id, name: project.name, stage: project.stage, digitalField: project.digitalField, regionCode: project.regionCode },
    milestones: milestones.map((m) => milestoneView(m, today)),
    canRecordMilestones: party !== 'official' && (i.status === 'accepted' || i.status === 'incubating'),
  };
}

/** Host: incubations at the carriers my organisation operates (applications first). Official: those of the region. */
export async function listIncubations(ctx: ActorCtx) {
  if (ctx.actor.role !== 'official' && !ctx.actor.orgId) return { items: [] };
  const scope =
    ctx.actor.role === 'official'
      ? regionFilter(ctx.actor, ventureIncubations.regionCode)
      : inArray(
          ventureIncubations.carrierId,
          ctx.db
            .select({ id: ventureCarriers.id })
            .from(ventureCarriers)
            .where(eq(ventureCarriers.managerOrgId, ctx.actor.orgId ?? '')),
        );
  const rows = await ctx.db
    .select({ i: ventureIncubations, carrierName: ventureCarriers.name, p: ventureProjects })
    .from(ventureIncubations)
    .innerJoin(ventureCarriers, eq(ventureCarriers.id, ventureIncubations.carrierId))
    .innerJoin(ventureProjects, eq(ventureProjects.id, ventureIncubations.projectId))
    .where(scope)
    .orderBy(sql`${ventureIncubations.status} = 'applied' desc`, desc(ventureIncubations.updatedAt))
    .limit(300);
  const ids = rows.map((r) => r.i.id);
  const today = chinaDate(ctx.now);
  const ms = ids.length
    ? await ctx.db.select().from(ventureMilestones).where(inArray(ventureMilestones.incubationId, ids)).orderBy(asc(ventureMilestones.plannedOn))
    : [];
  return {
    items: rows.map((r) => {
      const s = incubationSummary(r.i, r.carrierName, ctx.actor, false);
      return {
        ...s,
        allowedActions: ctx.actor.role === 'official' ? [] : s.allowedActions,
        project: {
          id: r.p.id,
          name: r.p.name,
          stage: r.p.stage,
          digitalField: r.p.digitalField,
          regionCode: r.p.regionCode,
          summary: r.p.summary,
          teamSize: r.p.teamSize,
        },
        milestones: ms.filter((m) => m.incubationId === r.i.id).map((m) => milestoneView(m, today)),
        canRecordMilestones: ctx.actor.role !== 'official' && (r.i.status === 'accepted' || r.i.status === 'incubating'),
      };
    }),
  };
}

/** Owner or manager: plan a milestone while the incubation is accepted or running. 201; 404; 409 VENTURES_MILESTONE_CLOSED. */
export async function addMilestone(ctx: ActorCtx, incubationId: string, input: { title: string; plannedOn: string }) {
  const { i, party } = await loadIncubation(ctx, incubationId);
  if (party === 'official') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
  if (i.status !== 'accepted' && i.status !== 'incubating') throw new AppError('VENTURES_MILESTONE_CLOSED', { status: 409 });
  await inTransaction(ctx, async (t) => {
    const [row] = await t.db
      .insert(ventureMilestones)
      .values({
        incubationId,
        regionCode: i.regionCode,
        title: input.title,
        plannedOn: input.plannedOn,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: ventureMilestones.id });
    await record(t, {
      action: 'venture_milestone.create',
      objectType: 'venture_milestone',
      objectId: row?.id,
      regionCode: i.regionCode,
      detail: { incubationId, plannedOn: input.plannedOn },
    });
  });
  return getIncubation(ctx, incubationId);
}

/** Owner or manager: a milestone is done (date and evidence note). 404; 409 VENTURES_MILESTONE_CLOSED. */
export async function completeMilestone(ctx: ActorCtx, milestoneId: string, input: { doneOn: string; evidence: string }) {
  const [m] = await ctx.db.select().from(ventureMilestones).where(eq(ventureMilestones.id, milestoneId));
  if (!m) throw new AppError('NOT_FOUND', { status: 404 });
  const { i, party } = await loadIncubation(ctx, m.incubationId);
  if (party === 'official') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
  if (i.status !== 'accepted' && i.status !== 'incubating') throw new AppError('VENTURES_MILESTONE_CLOSED', { status: 409 });
  await inTransaction(ctx, async (t) => {
    await t.db
      .update(ventureMilestones)
      .set({ doneOn: input.doneOn, evidence: input.evidence, updatedAt: ctx.now })
      .where(eq(ventureMilestones.id, milestoneId));
    await record(t, {
      action: 'venture_milestone.done',
      objectType: 'venture_milestone',
      objectId: milestoneId,
      regionCode: m.regionCode,
      detail: { doneOn: input.doneOn },
    });
  });
  return getIncubation(ctx, m.incubationId);
}
