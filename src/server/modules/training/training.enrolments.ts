/**
 * 报名 with capacity. Enrolling, accepting an offer and withdrawing lock the class row, so however many
 * people enrol at once no more than `capacity` hold a seat; the rest wait and the oldest is promoted
 * when a seat frees up. Enrolling twice returns the same enrolment.
 *
 * Employer sponsorship (单位委托培训): a verified employer names its employee by the mobile number the
 * employee registered with; the talent gets an offer in 我的培训 and accepts (then a seat or the waitlist)
 * or declines. The employer learns only the masked name and the answer; the fee is the employer's.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { maskName } from '../../../shared/identifiers.js';
import { ACTIVE_ENROLMENT_STATUSES, type SponsorBody } from '../../../shared/training.js';
import type { Actor, Ctx } from '../../context.js';
import { maskedPhone, phoneIndex } from '../account/pi.js';
import { record, recordAlone } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { recordMetric } from '../dashboard/dashboard.metrics.js';
import { organisations } from '../organisations/organisations.tables.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { enrolmentView } from './training.mine.js';
import { enrolmentSystemStep } from './training.outcomes.js';
import { inTransaction } from './training.service.js';
import { type TrainingClassRow, trainingAttendance, trainingClasses, trainingEnrolments, trainingSessions } from './training.tables.js';
import { newTicketNonce, ticketCode } from './training.tickets.js';
import { enrolmentOpen, managesClass } from './training.views.js';
import { enrolmentBinding } from './training.workflow.js';

type ActorCtx = Ctx & { actor: Actor };

/** Locks the class row: every change to its seats serialises here. Drafts are 404 to everyone but the provider. */
export async function lockClass(ctx: Ctx, classId: string): Promise<TrainingClassRow> {
  const [row] = await ctx.db.select().from(trainingClasses).where(eq(trainingClasses.id, classId)).for('update');
  if (!row || row.status === 'draft' || row.status === 'cancelled') throw new AppError('NOT_FOUND', { status: 404 });
  return row;
}

async function seatsTaken(ctx: Ctx, classId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.status, 'enrolled')));
  return row?.n ?? 0;
}

async function activeEnrolment(ctx: Ctx, classId: string, talentId: string) {
  const [row] = await ctx.db
    .select()
    .from(trainingEnrolments)
    .where(
      and(
        eq(trainingEnrolments.classId, classId),
        eq(trainingEnrolments.talentId, talentId),
        inArray(trainingEnrolments.status, [...ACTIVE_ENROLMENT_STATUSES]),
      ),
    )
    .for('update');
  return row ?? null;
}

async function freshTicket(ctx: Ctx, classId: string, id: string) {
  for (let i = 0; i < 8; i++) {
    const nonce = newTicketNonce();
    const code = ticketCode(ctx.platform.keys, id, nonce);
    const [clash] = await ctx.db
      .select({ id: trainingEnrolments.id })
      .from(trainingEnrolments)
      .where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.ticketCode, code)));
    if (!clash) return { nonce, code };
  }
  throw new AppError('INTERNAL', { status: 500 });
}

/** 参训人次: counted once per enrolment, the moment it takes a seat. */
async function countEnrolled(ctx: Ctx, cls: TrainingClassRow, enrolmentId: string) {
  await recordMetric(ctx.db, {
    metric: 'training.enrolled',
    subjectId: enrolmentId,
    regionCode: cls.regionCode,
    occurredAt: ctx.now,
    occupationCode: cls.occupationCode,
    dimension: cls.programmeType,
    digital: cls.digital,
  });
}

function assertOpen(cls: TrainingClassRow, now: Date) {
  if (!enrolmentOpen(cls, now)) throw new AppError('TRAINING_ENROLMENT_CLOSED', { status: 409, params: { status: cls.status } });
}

/**
 * Talent: enrol (a seat while any are left, else the waitlist). An active enrolment (or an employer's
 * offer) is returned as it is. 404; 409 TRAINING_ENROLMENT_CLOSED.
 */
export async function enrol(ctx: ActorCtx, classId: string) {
  const row = await inTransaction(ctx, async (t) => {
    const cls = await lockClass(t, classId);
    const existing = await activeEnrolment(t, classId, ctx.actor.userId);
    if (existing) return existing;
    assertOpen(cls, ctx.now);
    const seated = (await seatsTaken(t, classId)) < cls.capacity;
    const id = randomUUID();
    const ticket = await freshTicket(t, classId, id);
    const [inserted] = await t.db
      .insert(trainingEnrolments)
      .values({
        id,
        classId,
        talentId: ctx.actor.userId,
        regionCode: cls.regionCode,
        status: seated ? 'enrolled' : 'waitlisted',
        ticketNonce: ticket.nonce,
        ticketCode: ticket.code,
        enrolledAt: ctx.now,
        seatedAt: seated ? ctx.now : null,
        updatedAt: ctx.now,
      })
      .returning();
    if (!inserted) throw new AppError('INTERNAL', { status: 500 });
    await record(t, {
      action: 'training_enrolment.enrol',
      objectType: 'training_enrolment',
      objectId: id,
      regionCode: cls.regionCode,
      detail: { classId, status: inserted.status },
    });
    if (seated) await countEnrolled(t, cls, id);
    return inserted;
  });
  return enrolmentView(ctx, row);
}

/** Moves the oldest waiting enrolments onto free seats (system step `promote`, audited). Returns how many. */
export async function promoteWaitlisted(ctx: Ctx, cls: TrainingClassRow): Promise<number> {
  if (!['published', 'closed'].includes(cls.status) || ctx.now >= cls.endsAt) return 0;
  const free = cls.capacity - (await seatsTaken(ctx, cls.id));
  if (free <= 0) return 0;
  const waiting = await ctx.db
    .select()
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.classId, cls.id), eq(trainingEnrolments.status, 'waitlisted')))
    .orderBy(asc(trainingEnrolments.enrolledAt), asc(trainingEnrolments.id))
    .limit(free)
    .for('update');
  for (const w of waiting) {
    await enrolmentSystemStep(ctx, w, 'promote', { seatedAt: ctx.now });
    await countEnrolled(ctx, cls, w.id);
  }
  return waiting.length;
}

async function ownEnrolment(ctx: ActorCtx, classId: string, statuses: readonly string[]) {
  const [mine] = await ctx.db
    .select()
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.talentId, ctx.actor.userId), inArray(trainingEnrolments.status, [...statuses])));
  if (!mine) throw new AppError('NOT_FOUND', { status: 404 });
  return mine;
}

async function reload(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, id));
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  return row;
}

/** Talent: withdraw; a freed seat goes to the first on the waitlist. 404 without an enrolment. */
export async function withdraw(ctx: ActorCtx, classId: string, reason?: string) {
  const id = await inTransaction(ctx, async (t) => {
    const cls = await lockClass(t, classId);
    const mine = await ownEnrolment(t, classId, ['enrolled', 'waitlisted']);
    await applyTransition(t, enrolmentBinding({ withdrawnAt: ctx.now }), mine.id, 'withdraw', { reason });
    await promoteWaitlisted(t, cls);
    return mine.id;
  });
  return enrolmentView(ctx, await reload(ctx, id));
}

/** Talent: accept an employer's offer (a seat if one is left, else the waitlist) or decline it. */
export async function answerOffer(ctx: ActorCtx, classId: string, accept: boolean, reason?: string) {
  const id = await inTransaction(ctx, async (t) => {
    const cls = await lockClass(t, classId);
    const offer = await ownEnrolment(t, classId, ['offered']);
    if (!accept) {
      await applyTransition(t, enrolmentBinding(), offer.id, 'decline', { reason });
      return offer.id;
    }
    assertOpen(cls, ctx.now);
    const seated = (await seatsTaken(t, classId)) < cls.capacity;
    await applyTransition(
      t,
      enrolmentBinding({ enrolledAt: ctx.now, ...(seated ? { seatedAt: ctx.now } : {}) }),
      offer.id,
      seated ? 'accept' : 'accept_waitlist',
    );
    if (seated) await countEnrolled(t, cls, offer.id);
    return offer.id;
  });
  return enrolmentView(ctx, await reload(ctx, id));
}

/**
 * Employer: offer a sponsored place to an employee found by the registered mobile number.
 * 201 {id, nameMasked, status}; 403 TRAINING_ORG_NOT_VERIFIED; 404 TRAINING_SPONSEE_NOT_FOUND;
 * 409 TRAINING_ENROLMENT_CLOSED / TRAINING_ALREADY_ENROLLED.
 */
export async function sponsor(ctx: ActorCtx, classId: string, body: SponsorBody) {
  if (!ctx.actor.orgId) throw new AppError('FORBIDDEN', { status: 403 });
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, ctx.actor.orgId));
  if (org?.kind !== 'employer' || org.status !== 'verified') throw new AppError('TRAINING_ORG_NOT_VERIFIED', { status: 403 });
  const bidx = phoneIndex(ctx.platform.keys, body.phone);
  const [person] = bidx
    ? await ctx.db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(and(eq(users.phoneBidx, bidx), eq(users.role, 'talent'), eq(users.status, 'active')))
    : [];
  if (!person) {
    await recordAlone(ctx, {
      action: 'training_enrolment.sponsor',
      objectType: 'training_class',
      objectId: classId,
      result: 'denied',
      detail: { code: 'TRAINING_SPONSEE_NOT_FOUND' },
    });
    throw new AppError('TRAINING_SPONSEE_NOT_FOUND', { status: 404 });
  }
  const row = await inTransaction(ctx, async (t) => {
    const cls = await lockClass(t, classId);
    assertOpen(cls, ctx.now);
    if (await activeEnrolment(t, classId, person.id)) throw new AppError('TRAINING_ALREADY_ENROLLED', { status: 409 });
    const id = randomUUID();
    const ticket = await freshTicket(t, classId, id);
    const [inserted] = await t.db
      .insert(trainingEnrolments)
      .values({
        id,
        classId,
        talentId: person.id,
        regionCode: cls.regionCode,
        status: 'offered',
        sponsorOrgId: org.id,
        sponsorNote: body.note ?? null,
        ticketNonce: ticket.nonce,
        ticketCode: ticket.code,
        enrolledAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    if (!inserted) throw new AppError('INTERNAL', { status: 500 });
    await record(t, {
      action: 'training_enrolment.sponsor',
      objectType: 'training_enrolment',
      objectId: id,
      regionCode: cls.regionCode,
      detail: { classId, sponsorOrgId: org.id },
    });
    return inserted;
  });
  return { id: row.id, classId, status: row.status, nameMasked: maskName(person.displayName) };
}

/** Employer: the places it sponsored, newest first, names masked. */
export async function listSponsored(ctx: ActorCtx) {
  if (!ctx.actor.orgId) return { items: [] };
  const rows = await ctx.db
    .select({ row: trainingEnrolments, displayName: users.displayName, className: trainingClasses.name, startsOn: trainingClasses.startsOn })
    .from(trainingEnrolments)
    .innerJoin(users, eq(users.id, trainingEnrolments.talentId))
    .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
    .where(eq(trainingEnrolments.sponsorOrgId, ctx.actor.orgId))
    .orderBy(desc(trainingEnrolments.enrolledAt))
    .limit(200);
  return {
    items: rows.map(({ row, displayName, className, startsOn }) => ({
      id: row.id,
      classId: row.classId,
      className,
      startsOn,
      status: row.status,
      nameMasked: maskName(displayName),
      completedAt: row.completedAt?.toISOString() ?? null,
    })),
  };
}

/** Provider: the class roster with attendance per session and exam results; names and phones masked, read audited. */
export async function roster(ctx: ActorCtx, classId: string) {
  const [cls] = await ctx.db.select().from(trainingClasses).where(eq(trainingClasses.id, classId));
  if (!cls || !managesClass(ctx.actor, cls)) throw new AppError('NOT_FOUND', { status: 404 });
  const [rows, sessions, attendance] = await Promise.all([
    ctx.db
      .select({ row: trainingEnrolments, displayName: users.displayName, phoneEnc: users.phoneEnc, sponsorName: organisations.name })
      .from(trainingEnrolments)
      .innerJoin(users, eq(users.id, trainingEnrolments.talentId))
      .leftJoin(organisations, eq(organisations.id, trainingEnrolments.sponsorOrgId))
      .where(eq(trainingEnrolments.classId, classId))
      .orderBy(asc(trainingEnrolments.enrolledAt), asc(trainingEnrolments.id)),
    ctx.db.select().from(trainingSessions).where(eq(trainingSessions.classId, classId)).orderBy(asc(trainingSessions.seq)),
    ctx.db
      .select({ enrolmentId: trainingAttendance.enrolmentId, sessionId: trainingAttendance.sessionId })
      .from(trainingAttendance)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
      .where(eq(trainingSessions.classId, classId)),
  ]);
  await recordAlone(ctx, { action: 'training_class.roster.read', objectType: 'training_class', objectId: classId, regionCode: cls.regionCode });
  const attendedBy = new Map<string, string[]>();
  for (const a of attendance) attendedBy.set(a.enrolmentId, [...(attendedBy.get(a.enrolmentId) ?? []), a.sessionId]);
  return {
    sessions: sessions.map((s) => ({ id: s.id, seq: s.seq, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), topic: s.topic })),
    items: rows.map(({ row, displayName, phoneEnc, sponsorName }) => ({
      id: row.id,
      status: row.status,
      nameMasked: maskName(displayName),
      phoneMasked: maskedPhone(ctx.platform.keys, phoneEnc),
      sponsorName,
      enrolledAt: row.enrolledAt.toISOString(),
      attendedSessionIds: attendedBy.get(row.id) ?? [],
      examPassed: row.examPassed,
      examScore: row.examScore,
      outcomeReason: row.outcomeReason,
      completedAt: row.completedAt?.toISOString() ?? null,
    })),
  };
}
