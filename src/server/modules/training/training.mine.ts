/** The talent's own enrolments (with the ticket while a seat is held), and rating a completed class. */
import { and, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { formatTicketCode } from '../../../shared/events.js';
import { ACTIVE_ENROLMENT_STATUSES, type RatingBody } from '../../../shared/training.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { record } from '../audit/audit.service.js';
import { regions } from '../catalog/catalog.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { type TrainingEnrolmentRow, trainingAttendance, trainingClasses, trainingEnrolments } from './training.tables.js';
import { ticketQrDataUrl, ticketToken } from './training.tickets.js';

type ActorCtx = Ctx & { actor: Actor };

async function waitlistPosition(ctx: Ctx, row: TrainingEnrolmentRow): Promise<number> {
  const [ahead] = await ctx.db
    .select({ n: count() })
    .from(trainingEnrolments)
    .where(
      and(
        eq(trainingEnrolments.classId, row.classId),
        eq(trainingEnrolments.status, 'waitlisted'),
        or(lt(trainingEnrolments.enrolledAt, row.enrolledAt), and(eq(trainingEnrolments.enrolledAt, row.enrolledAt), lt(trainingEnrolments.id, row.id))),
      ),
    );
  return (ahead?.n ?? 0) + 1;
}

/** An enrolment as its owner sees it: the ticket (QR and short code) only while it holds a seat. */
export async function enrolmentView(ctx: Ctx, row: TrainingEnrolmentRow) {
  const seated = row.status === 'enrolled';
  const token = seated ? ticketToken(ctx.platform.keys, row.id, row.ticketNonce) : null;
  const [attended] = await ctx.db.select({ n: count() }).from(trainingAttendance).where(eq(trainingAttendance.enrolmentId, row.id));
  return {
    id: row.id,
    classId: row.classId,
    status: row.status,
    sponsored: row.sponsorOrgId !== null,
    enrolledAt: row.enrolledAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    waitlistPosition: row.status === 'waitlisted' ? await waitlistPosition(ctx, row) : null,
    attendedSessions: attended?.n ?? 0,
    examPassed: row.examPassed,
    outcomeReason: row.outcomeReason,
    completedAt: row.completedAt?.toISOString() ?? null,
    rating: row.ratingStars ? { stars: row.ratingStars, comment: row.ratingComment, ratedAt: row.ratedAt?.toISOString() ?? null } : null,
    canRate: row.status === 'completed' && row.ratingStars === null,
    ticket: token ? { token, code: formatTicketCode(row.ticketCode), qrDataUrl: await ticketQrDataUrl(token) } : null,
  };
}

/** The talent's current enrolment in a class: the active one, else the latest finished one (or null). */
export async function myEnrolment(ctx: ActorCtx, classId: string) {
  const [row] = await ctx.db
    .select()
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.talentId, ctx.actor.userId)))
    .orderBy(sql`case when ${trainingEnrolments.status} in ('offered', 'enrolled', 'waitlisted') then 0 else 1 end`, desc(trainingEnrolments.enrolledAt))
    .limit(1);
  return row ? enrolmentView(ctx, row) : null;
}

/** Talent: every enrolment (active first, then newest), each with its class and ticket. */
export async function listMyEnrolments(ctx: ActorCtx) {
  const rows = await ctx.db
    .select({ row: trainingEnrolments, cls: trainingClasses, regionName: regions.name, providerName: organisations.name })
    .from(trainingEnrolments)
    .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
    .leftJoin(regions, eq(regions.code, trainingClasses.regionCode))
    .leftJoin(organisations, eq(organisations.id, trainingClasses.providerOrgId))
    .where(eq(trainingEnrolments.talentId, ctx.actor.userId))
    .orderBy(
      sql`case when ${inArray(trainingEnrolments.status, [...ACTIVE_ENROLMENT_STATUSES])} then 0 else 1 end`,
      desc(trainingClasses.startsAt),
      desc(trainingEnrolments.enrolledAt),
    )
    .limit(100);
  const items = [];
  for (const { row, cls, regionName, providerName } of rows) {
    items.push({
      ...(await enrolmentView(ctx, row)),
      class: {
        id: cls.id,
        name: cls.name,
        programmeType: cls.programmeType,
        status: cls.status,
        providerName,
        regionName,
        mode: cls.mode,
        venue: cls.venue,
        onlineUrl: cls.onlineUrl,
        startsAt: cls.startsAt.toISOString(),
        endsAt: cls.endsAt.toISOString(),
        feeFen: cls.feeFen,
        subsidyFen: cls.subsidyFen,
      },
    });
  }
  return { items };
}

/** Talent: rate a completed class once (1–5 stars and a comment). 404; 409 TRAINING_RATING_NOT_ALLOWED. */
export async function rateClass(ctx: ActorCtx, classId: string, body: RatingBody) {
  const id = await ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx as unknown as Db };
    const [row] = await t.db
      .select()
      .from(trainingEnrolments)
      .where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.talentId, ctx.actor.userId), eq(trainingEnrolments.status, 'completed')))
      .for('update');
    if (!row) {
      const [any] = await t.db
        .select({ id: trainingEnrolments.id })
        .from(trainingEnrolments)
        .where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.talentId, ctx.actor.userId)))
        .limit(1);
      if (!any) throw new AppError('NOT_FOUND', { status: 404 });
      throw new AppError('TRAINING_RATING_NOT_ALLOWED', { status: 409, params: { reason: 'not_completed' } });
    }
    if (row.ratingStars !== null) throw new AppError('TRAINING_RATING_NOT_ALLOWED', { status: 409, params: { reason: 'already_rated' } });
    await t.db
      .update(trainingEnrolments)
      .set({ ratingStars: body.stars, ratingComment: body.comment?.trim() || null, ratedAt: ctx.now, updatedAt: ctx.now })
      .where(eq(trainingEnrolments.id, row.id));
    await record(t, {
      action: 'training_enrolment.rate',
      objectType: 'training_enrolment',
      objectId: row.id,
      regionCode: row.regionCode,
      detail: { classId, stars: body.stars },
    });
    return row.id;
  });
  const [row] = await ctx.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, id));
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  return enrolmentView(ctx, row);
}
