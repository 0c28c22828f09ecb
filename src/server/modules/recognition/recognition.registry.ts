/**
 * 柔性引才 records (科技副总, 产业教授, 人才飞地, part-time and 离岗创业 researchers) and the registry of
 * 博士后科研工作站 / 流动站 and 创新实践基地. Host organisations register their stations; officials of the
 * region confirm (approve), reject or revoke them through the workflow engine. The build subsidy is
 * claimed by the host through the policies module's claim flow (policy `postdoc-station-subsidy`).
 */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { type FlexRecordInput, type StationInput, type StationStatus, stationWorkflow } from '../../../shared/recognition.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { chinaDate } from '../../lib/workdays.js';
import { inRegion, regionFilter } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { recordMetric } from '../dashboard/index.js';
import { organisations } from '../organisations/organisations.tables.js';
import { applyTransition, type WorkflowBinding } from '../workflow/workflow.service.js';
import { type FlexibleIntroductionRow, flexibleIntroductions, type TalentStationRow, talentStations } from './recognition.tables.js';

type ActorCtx = Ctx & { actor: Actor };

/** The build subsidy policy of the policies module that approved digital-economy stations may claim. */
export const STATION_SUBSIDY_POLICY = 'postdoc-station-subsidy';

async function verifiedOrg(db: Db, orgId: string | null) {
  if (!orgId) throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'organisation' } });
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  if (org?.status !== 'verified') throw new AppError('RECOGNITION_ORG_NOT_VERIFIED', { status: 403 });
  return org;
}

function flexView(r: FlexibleIntroductionRow) {
  return {
    id: r.id,
    personName: r.personName,
    kind: r.kind,
    hostOrgId: r.hostOrgId,
    hostName: r.hostName,
    homeInstitution: r.homeInstitution,
    regionCode: r.regionCode,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Official (record in the own region) or employer / host (record of the own organisation). */
export async function createFlexRecord(ctx: ActorCtx, input: FlexRecordInput) {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    let hostOrgId = input.hostOrgId ?? null;
    let hostName = input.hostName;
    let regionCode = input.regionCode;
    if (ctx.actor.role === 'official') {
      if (!inRegion(ctx.actor, input.regionCode)) throw new AppError('FORBIDDEN_REGION', { status: 403 });
    } else {
      const org = await verifiedOrg(tx, ctx.actor.orgId);
      hostOrgId = org.id;
      hostName = org.name;
      regionCode = org.regionCode;
    }
    const [row] = await tx
      .insert(flexibleIntroductions)
      .values({
        personName: input.personName,
        kind: input.kind,
        hostOrgId,
        hostName,
        homeInstitution: input.homeInstitution,
        regionCode,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        note: input.note || null,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
      })
      .returning();
    if (!row) throw new Error('insert failed');
    await record(
      { ...ctx, db: tx },
      { action: 'flexible_introduction.create', objectType: 'flexible_introduction', objectId: row.id, regionCode, detail: { kind: row.kind } },
    );
    return flexView(row);
  });
}

export async function listFlexRecords(ctx: ActorCtx) {
  const where =
    ctx.actor.role === 'official'
      ? regionFilter(ctx.actor, flexibleIntroductions.regionCode)
      : eq(flexibleIntroductions.hostOrgId, ctx.actor.orgId ?? '00000000-0000-0000-0000-000000000000');
  const rows = await ctx.db.select().from(flexibleIntroductions).where(where).orderBy(desc(flexibleIntroductions.startsOn)).limit(500);
  return { items: rows.map(flexView), total: rows.length };
}

function stationView(actor: Actor, r: TalentStationRow, hostName: string | null) {
  return {
    id: r.id,
    hostOrgId: r.hostOrgId,
    hostName,
    kind: r.kind,
    name: r.name,
    field: r.field,
    digitalEconomy: r.digitalEconomy,
    approvalDocNo: r.approvalDocNo,
    approvedOn: r.approvedOn,
    regionCode: r.regionCode,
    status: r.status as StationStatus,
    createdAt: r.createdAt.toISOString(),
    /** The host may claim the build subsidy through the claim flow once the station is approved. */
    subsidyPolicyCode: r.status === 'approved' && r.digitalEconomy ? STATION_SUBSIDY_POLICY : null,
    allowedActions: actor.role === 'official' ? allowedActions(stationWorkflow, r.status as StationStatus, [actor.role]) : [],
  };
}

/** Host: register a station (or base) of the own verified organisation; officials of the region confirm it. */
export async function createStation(ctx: ActorCtx, input: StationInput) {
  try {
    return await ctx.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const org = await verifiedOrg(tx, ctx.actor.orgId);
      const [row] = await tx
        .insert(talentStations)
        .values({
          hostOrgId: org.id,
          kind: input.kind,
          name: input.name,
          field: input.field,
          digitalEconomy: input.digitalEconomy,
          approvalDocNo: input.approvalDocNo || null,
          approvedOn: input.approvedOn ?? null,
          regionCode: org.regionCode,
          status: stationWorkflow.initial,
          createdBy: ctx.actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning();
      if (!row) throw new Error('insert failed');
      await record(
        { ...ctx, db: tx },
        { action: 'talent_station.register', objectType: 'talent_station', objectId: row.id, regionCode: row.regionCode, detail: { kind: row.kind } },
      );
      return stationView(ctx.actor, row, org.name);
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505' || String((err as { cause?: { code?: string } }).cause?.code) === '23505')
      throw new AppError('RECOGNITION_STATION_EXISTS', { status: 409 });
    throw err;
  }
}

/** Official: the region's stations; host / employer: the own organisation's. */
export async function listStations(ctx: ActorCtx, q: { status?: StationStatus | undefined }) {
  const scope =
    ctx.actor.role === 'official'
      ? regionFilter(ctx.actor, talentStations.regionCode)
      : eq(talentStations.hostOrgId, ctx.actor.orgId ?? '00000000-0000-0000-0000-000000000000');
  const rows = await ctx.db
    .select({ s: talentStations, hostName: organisations.name })
    .from(talentStations)
    .innerJoin(organisations, eq(organisations.id, talentStations.hostOrgId))
    .where(and(scope, q.status ? eq(talentStations.status, q.status) : undefined) as SQL)
    .orderBy(desc(talentStations.createdAt))
    .limit(500);
  return { items: rows.map(({ s, hostName }) => stationView(ctx.actor, s, hostName)), total: rows.length };
}

const stationBinding: WorkflowBinding<StationStatus, keyof typeof stationWorkflow.transitions, TalentStationRow> = {
  workflow: stationWorkflow,
  table: talentStations,
  guard(ctx) {
    if (ctx.actor.department !== 'hrss') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'department' } });
  },
  async after(ctx, row, action) {
    if (action !== 'approve') return;
    if (!row.approvedOn)
      await ctx.db
        .update(talentStations)
        .set({ approvedOn: chinaDate(ctx.now) })
        .where(eq(talentStations.id, row.id));
    await recordMetric(ctx.db, {
      metric: 'station.registered',
      subjectId: row.id,
      regionCode: row.regionCode,
      occurredAt: ctx.now,
      dimension: row.kind,
      digital: row.digitalEconomy,
    });
  },
  extraSet(ctx) {
    return { updatedAt: ctx.now };
  },
};

export async function transitionStation(ctx: ActorCtx, id: string, action: string, input: { reason?: string | undefined }) {
  const row = await applyTransition(ctx, stationBinding, id, action, { reason: input.reason });
  const [org] = await ctx.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.hostOrgId));
  return stationView(ctx.actor, row, org?.name ?? null);
}
