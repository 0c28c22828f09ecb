/**
 * Figures: the officials' counts of training person-times (参训人次 and 结业人次) by year, city,
 * programme type and occupation, region-scoped; and a provider's public page with its completion rate,
 * later-employment rate (completers hired within six months) and ratings.
 */
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { ENTREPRENEUR_PROGRAMMES, TECHNICIAN_PROGRAMMES } from '../../../shared/dashboard.js';
import { AppError } from '../../../shared/errors.js';
import { EMPLOYMENT_WINDOW_DAYS, PUBLIC_CLASS_STATUSES, TRAINING_TARGETS, type TrainingStatsQuery } from '../../../shared/training.js';
import type { Actor, Ctx } from '../../context.js';
import { regionFilter } from '../access/region-scope.js';
import { jobApplications } from '../applications/index.js';
import { occupations, regions } from '../catalog/catalog.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { trainingClasses, trainingEnrolments } from './training.tables.js';
import { chinaDay } from './training.views.js';

type ActorCtx = Ctx & { actor: Actor };

/** Enrolments that took part: seated now or judged at the end. */
const TOOK_PART = ['enrolled', 'completed', 'not_completed'];

/** Official: person-times by year, city, programme type and occupation in the official's region. */
export async function trainingStats(ctx: ActorCtx, q: TrainingStatsQuery) {
  const year = q.year ?? Number(chinaDay(ctx.now).slice(0, 4));
  const city = sql<string>`case when ${trainingEnrolments.regionCode} = '369900' then '369900' else substr(${trainingEnrolments.regionCode}, 1, 4) || '00' end`;
  const where = and(
    regionFilter(ctx.actor, trainingEnrolments.regionCode),
    inArray(trainingEnrolments.status, TOOK_PART),
    sql`substr(${trainingClasses.startsOn}, 1, 4) = ${String(year)}`,
  );
  const rows = await ctx.db
    .select({
      city,
      programmeType: trainingClasses.programmeType,
      occupationCode: trainingClasses.occupationCode,
      digital: trainingClasses.digital,
      enrolled: sql<number>`count(*)::int`,
      completed: sql<number>`(count(*) filter (where ${trainingEnrolments.status} = 'completed'))::int`,
    })
    .from(trainingEnrolments)
    .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
    .where(where)
    .groupBy(city, trainingClasses.programmeType, trainingClasses.occupationCode, trainingClasses.digital);
  const cityCodes = [...new Set(rows.map((r) => r.city))];
  const occCodes = [...new Set(rows.map((r) => r.occupationCode).filter((c): c is string => c !== null))];
  const [cityNames, occNames] = await Promise.all([
    cityCodes.length ? ctx.db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, cityCodes)) : [],
    occCodes.length ? ctx.db.select({ code: occupations.code, name: occupations.name }).from(occupations).where(inArray(occupations.code, occCodes)) : [],
  ]);
  const cityName = new Map(cityNames.map((r) => [r.code, r.name]));
  const occName = new Map(occNames.map((r) => [r.code, r.name]));
  const items = rows
    .map((r) => ({
      ...r,
      enrolled: Number(r.enrolled),
      completed: Number(r.completed),
      cityName: cityName.get(r.city) ?? null,
      occupationName: r.occupationCode ? (occName.get(r.occupationCode) ?? null) : null,
    }))
    .sort((a, b) => b.enrolled - a.enrolled || a.city.localeCompare(b.city));
  const sum = (pred: (r: (typeof items)[number]) => boolean, k: 'enrolled' | 'completed') => items.filter(pred).reduce((n, r) => n + r[k], 0);
  const group = (key: (r: (typeof items)[number]) => string, label: (r: (typeof items)[number]) => string | null) => {
    const m = new Map<string, { key: string; label: string | null; enrolled: number; completed: number }>();
    for (const r of items) {
      const k = key(r);
      const g = m.get(k) ?? { key: k, label: label(r), enrolled: 0, completed: 0 };
      g.enrolled += r.enrolled;
      g.completed += r.completed;
      m.set(k, g);
    }
    return [...m.values()].sort((a, b) => b.enrolled - a.enrolled);
  };
  const technician = (r: { programmeType: string }) => (TECHNICIAN_PROGRAMMES as readonly string[]).includes(r.programmeType);
  const entrepreneur = (r: { programmeType: string }) => (ENTREPRENEUR_PROGRAMMES as readonly string[]).includes(r.programmeType);
  return {
    year,
    regionCode: ctx.actor.regionCode,
    totals: { enrolled: sum(() => true, 'enrolled'), completed: sum(() => true, 'completed') },
    targets: {
      digitalTechnicians: { target: TRAINING_TARGETS.digitalTechnicians, completed: sum(technician, 'completed'), enrolled: sum(technician, 'enrolled') },
      entrepreneurs: { target: TRAINING_TARGETS.entrepreneurs, completed: sum(entrepreneur, 'completed'), enrolled: sum(entrepreneur, 'enrolled') },
    },
    byProgramme: group(
      (r) => r.programmeType,
      () => null,
    ),
    byCity: group(
      (r) => r.city,
      (r) => r.cityName,
    ),
    byOccupation: group(
      (r) => r.occupationCode ?? '',
      (r) => r.occupationName,
    ),
    items,
  };
}

/** Public: a provider's page — classes, completion and later-employment rates, ratings (anonymous). */
export async function providerPage(ctx: Ctx, orgId: string) {
  const [org] = await ctx.db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      status: organisations.status,
      regionCode: organisations.regionCode,
      regionName: regions.name,
    })
    .from(organisations)
    .leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(eq(organisations.id, orgId));
  if (org?.kind !== 'provider' || org.status !== 'verified') throw new AppError('NOT_FOUND', { status: 404 });
  const hiredWithin = sql<number>`(count(*) filter (where ${trainingEnrolments.status} = 'completed' and exists (
      select 1 from ${jobApplications} where ${jobApplications.talentId} = ${trainingEnrolments.talentId}
        and ${jobApplications.status} = 'hired' and ${jobApplications.hiredAt} >= ${trainingEnrolments.completedAt}
        and ${jobApplications.hiredAt} < ${trainingEnrolments.completedAt} + make_interval(days => ${EMPLOYMENT_WINDOW_DAYS}))))::int`;
  const [figures] = await ctx.db
    .select({
      completed: sql<number>`(count(*) filter (where ${trainingEnrolments.status} = 'completed'))::int`,
      notCompleted: sql<number>`(count(*) filter (where ${trainingEnrolments.status} = 'not_completed'))::int`,
      hired: hiredWithin,
      ratings: sql<number>`count(${trainingEnrolments.ratingStars})::int`,
      ratingAvg: sql<number | null>`round(avg(${trainingEnrolments.ratingStars}), 2)::float8`,
    })
    .from(trainingEnrolments)
    .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
    .where(eq(trainingClasses.providerOrgId, orgId));
  const completed = Number(figures?.completed ?? 0);
  const judged = completed + Number(figures?.notCompleted ?? 0);
  const [classes, comments] = await Promise.all([
    ctx.db
      .select({
        id: trainingClasses.id,
        name: trainingClasses.name,
        programmeType: trainingClasses.programmeType,
        status: trainingClasses.status,
        startsOn: trainingClasses.startsOn,
        endsOn: trainingClasses.endsOn,
        regionCode: trainingClasses.regionCode,
        feeFen: trainingClasses.feeFen,
        subsidyFen: trainingClasses.subsidyFen,
      })
      .from(trainingClasses)
      .where(and(eq(trainingClasses.providerOrgId, orgId), inArray(trainingClasses.status, [...PUBLIC_CLASS_STATUSES])))
      .orderBy(desc(trainingClasses.startsAt))
      .limit(50),
    ctx.db
      .select({
        stars: trainingEnrolments.ratingStars,
        comment: trainingEnrolments.ratingComment,
        ratedAt: trainingEnrolments.ratedAt,
        className: trainingClasses.name,
      })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .where(and(eq(trainingClasses.providerOrgId, orgId), isNotNull(trainingEnrolments.ratingStars)))
      .orderBy(desc(trainingEnrolments.ratedAt))
      .limit(20),
  ]);
  return {
    provider: { id: org.id, name: org.name, regionCode: org.regionCode, regionName: org.regionName },
    figures: {
      completed,
      judged,
      completionRate: judged ? completed / judged : null,
      hiredWithinWindow: Number(figures?.hired ?? 0),
      employmentRate: completed ? Number(figures?.hired ?? 0) / completed : null,
      employmentWindowDays: EMPLOYMENT_WINDOW_DAYS,
      ratings: Number(figures?.ratings ?? 0),
      ratingAvg: figures?.ratingAvg ?? null,
    },
    classes,
    comments: comments.map((c) => ({ stars: c.stars, comment: c.comment, ratedAt: c.ratedAt?.toISOString() ?? null, className: c.className })),
  };
}
