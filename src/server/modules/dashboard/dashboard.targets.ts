/**
 * Targets per indicator, year and region. An official sets targets for their own region and the regions
 * inside it; province targets only the province official sets. Every change is audited.
 */
import { and, eq, like } from 'drizzle-orm';
import { DEFAULT_PROVINCE_TARGETS, INDICATORS, type IndicatorKey, type TargetInput, type TargetRow } from '../../../shared/dashboard.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { PROVINCE_CODE, regionFilter } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { regions } from '../catalog/catalog.tables.js';
import { getRegion } from '../catalog/regions.service.js';
import { assertMayRead } from './dashboard.service.js';
import { dashboardTargets } from './dashboard.tables.js';

type ActorCtx = Ctx & { actor: Actor };

/** Targets of one year in the actor's region (the province's defaults from the notice included when not set). */
export async function listTargets(ctx: ActorCtx, year: number): Promise<TargetRow[]> {
  assertMayRead(ctx.actor, ctx.actor.role === 'admin' ? PROVINCE_CODE : ctx.actor.regionCode);
  const rows = await ctx.db
    .select({ t: dashboardTargets, regionName: regions.name })
    .from(dashboardTargets)
    .innerJoin(regions, eq(regions.code, dashboardTargets.regionCode))
    .where(and(eq(dashboardTargets.year, year), regionFilter(ctx.actor, dashboardTargets.regionCode)))
    .orderBy(dashboardTargets.regionCode, dashboardTargets.indicator);
  const out: TargetRow[] = rows.map(({ t, regionName }) => ({
    indicator: t.indicator as IndicatorKey,
    year: t.year,
    regionCode: t.regionCode,
    regionName,
    value: Number(t.value),
    updatedAt: t.updatedAt.toISOString(),
  }));
  for (const [indicator, value] of Object.entries(DEFAULT_PROVINCE_TARGETS) as Array<[IndicatorKey, number]>) {
    if (!out.some((r) => r.indicator === indicator && r.regionCode === PROVINCE_CODE)) {
      out.unshift({ indicator, year, regionCode: PROVINCE_CODE, regionName: '江西省', value, updatedAt: '' });
    }
  }
  return out;
}

/** Sets (or replaces) one target. 400 when the indicator takes no target; 403 for a province target by a non-province official. */
export async function setTarget(ctx: ActorCtx, input: TargetInput): Promise<TargetRow> {
  if (ctx.actor.role !== 'official') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
  if (!INDICATORS[input.indicator].targeted) throw new AppError('VALIDATION_FAILED', { status: 400, params: { field: 'indicator' } });
  if (input.regionCode === PROVINCE_CODE && ctx.actor.regionCode !== PROVINCE_CODE) {
    throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'province_target' } });
  }
  assertMayRead(ctx.actor, input.regionCode);
  const region = await getRegion(ctx, input.regionCode);
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [before] = await tx
      .select({ value: dashboardTargets.value })
      .from(dashboardTargets)
      .where(and(eq(dashboardTargets.indicator, input.indicator), eq(dashboardTargets.year, input.year), eq(dashboardTargets.regionCode, input.regionCode)));
    await tx
      .insert(dashboardTargets)
      .values({ ...input, updatedBy: ctx.actor.userId, updatedAt: ctx.now })
      .onConflictDoUpdate({
        target: [dashboardTargets.indicator, dashboardTargets.year, dashboardTargets.regionCode],
        set: { value: input.value, updatedBy: ctx.actor.userId, updatedAt: ctx.now },
      });
    await record(
      { ...ctx, db: tx },
      {
        action: 'dashboard.target_set',
        objectType: 'dashboard_target',
        objectId: `${input.indicator}:${input.year}:${input.regionCode}`,
        regionCode: input.regionCode,
        detail: { indicator: input.indicator, year: input.year, from: before ? Number(before.value) : null, to: input.value },
      },
    );
    return { ...input, regionName: region.name, updatedAt: ctx.now.toISOString() };
  });
}

/** Regions an official may pick on the dashboard: their own and those below it. */
export async function visibleRegions(ctx: ActorCtx) {
  const own = ctx.actor.role === 'admin' ? PROVINCE_CODE : ctx.actor.regionCode;
  assertMayRead(ctx.actor, own);
  const where = own === PROVINCE_CODE ? undefined : like(regions.code, own.endsWith('00') ? `${own.slice(0, 4)}%` : own);
  const rows = await ctx.db
    .select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode })
    .from(regions)
    .where(where)
    .orderBy(regions.code);
  return { home: own, regions: rows };
}
