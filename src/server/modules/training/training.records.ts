/**
 * What other modules read from training (contract H2 in notes/contracts.md): a person's completed
 * enrolments (subsidy claims, certificates, profile) and open classes covering skills or occupations
 * (matching's skill-gap panel).
 */
import { and, arrayOverlaps, asc, desc, eq, gte, inArray, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { cityOf } from '../access/region-scope.js';
import { organisations } from '../organisations/organisations.tables.js';
import { trainingClasses, trainingEnrolments } from './training.tables.js';

export interface CompletedEnrolment {
  enrolmentId: string;
  classId: string;
  className: string;
  programmeType: string;
  occupationCode: string | null;
  levelCode: string | null;
  providerOrgId: string;
  regionCode: string;
  classEndsOn: string;
  completedAt: Date;
  feeFen: number;
  subsidyEligible: boolean;
  subsidyFen: number | null;
}

export async function completedEnrolmentsOf(db: Db, userId: string): Promise<CompletedEnrolment[]> {
  const rows = await db
    .select({ e: trainingEnrolments, c: trainingClasses })
    .from(trainingEnrolments)
    .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
    .where(and(eq(trainingEnrolments.talentId, userId), eq(trainingEnrolments.status, 'completed')))
    .orderBy(desc(trainingEnrolments.completedAt));
  return rows.map(({ e, c }) => ({
    enrolmentId: e.id,
    classId: c.id,
    className: c.name,
    programmeType: c.programmeType,
    occupationCode: c.occupationCode,
    levelCode: c.levelCode,
    providerOrgId: c.providerOrgId,
    regionCode: c.regionCode,
    classEndsOn: c.endsOn,
    completedAt: e.completedAt ?? e.updatedAt,
    feeFen: c.feeFen,
    subsidyEligible: c.subsidyEligible,
    subsidyFen: c.subsidyFen,
  }));
}

/**
 * Open (published, enrollable, not ended) classes that teach any of the skills or target any of the
 * occupations, nearest region first (same county, same city, then the rest of the province), then soonest.
 * `on` is a China date: classes whose last day is before it are left out.
 */
export async function classesCovering(
  db: Db,
  q: { skillIds: string[]; occupationCodes: string[]; regionCode: string; on: string; limit: number },
): Promise<
  Array<{
    classId: string;
    name: string;
    providerName: string;
    regionCode: string;
    startsOn: string;
    feeFen: number;
    subsidyFen: number | null;
    skillIds: string[];
    occupationCode: string | null;
  }>
> {
  if ((q.skillIds.length === 0 && q.occupationCodes.length === 0) || q.limit <= 0) return [];
  const city = cityOf(q.regionCode) ?? q.regionCode;
  const nearness = sql`case when ${trainingClasses.regionCode} = ${q.regionCode} then 0
    when ${trainingClasses.regionCode} like ${`${city.slice(0, 4)}%`} then 1 else 2 end`;
  const rows = await db
    .select({
      classId: trainingClasses.id,
      name: trainingClasses.name,
      providerName: organisations.name,
      regionCode: trainingClasses.regionCode,
      startsOn: trainingClasses.startsOn,
      feeFen: trainingClasses.feeFen,
      subsidyFen: trainingClasses.subsidyFen,
      skillIds: trainingClasses.skillIds,
      occupationCode: trainingClasses.occupationCode,
    })
    .from(trainingClasses)
    .innerJoin(organisations, eq(organisations.id, trainingClasses.providerOrgId))
    .where(
      and(
        eq(trainingClasses.status, 'published'),
        gte(trainingClasses.endsOn, q.on),
        or(
          q.skillIds.length ? arrayOverlaps(trainingClasses.skillIds, q.skillIds) : undefined,
          q.occupationCodes.length ? inArray(trainingClasses.occupationCode, q.occupationCodes) : undefined,
        ),
      ),
    )
    .orderBy(nearness, asc(trainingClasses.startsAt), asc(trainingClasses.id))
    .limit(q.limit);
  return rows;
}

/** The trainees who completed a class (for 免申即享 right after it is finished). */
export async function completedTrainees(ctx: Pick<Ctx, 'db'>, classId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: trainingEnrolments.talentId })
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.status, 'completed')));
  return rows.map((r) => r.id);
}
