/**
 * 签到 per session: the provider scans the trainee's QR ticket (or types its short code) for the session
 * under way. Idempotent: a second scan answers `already_checked_in`. Refused, and audited as denied:
 * forged or unknown tickets, tickets of another class, enrolments without a seat, sessions not running.
 * Exam results are recorded by the provider while the class runs; finishing the class reads them.
 */
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import { AppError, type ErrorCode } from '../../../shared/errors.js';
import { normaliseTicketCode } from '../../../shared/events.js';
import { maskName } from '../../../shared/identifiers.js';
import { type ExamResultsBody, RUNNING_CLASS_STATUSES, SESSION_CHECK_IN_OPENS_BEFORE_MS, type SessionCheckInBody } from '../../../shared/training.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { record, recordAlone } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { type TrainingEnrolmentRow, trainingAttendance, trainingClasses, trainingEnrolments, trainingSessions } from './training.tables.js';
import { parseTicketToken, ticketSignatureValid } from './training.tickets.js';
import { managesClass } from './training.views.js';

type ActorCtx = Ctx & { actor: Actor };

function refuse(code: ErrorCode, status = 409): never {
  throw new AppError(code, { status });
}

async function resolveTicket(t: Ctx, classId: string, body: SessionCheckInBody): Promise<TrainingEnrolmentRow> {
  if (body.token) {
    const parsed = parseTicketToken(body.token);
    if (!parsed) refuse('TRAINING_TICKET_INVALID', 422);
    const [row] = await t.db.select().from(trainingEnrolments).where(eq(trainingEnrolments.id, parsed.enrolmentId));
    if (!row || !ticketSignatureValid(t.platform.keys, row.id, row.ticketNonce, parsed.sig)) refuse('TRAINING_TICKET_INVALID', 422);
    if (row.classId !== classId) refuse('TRAINING_TICKET_OTHER_CLASS');
    return row;
  }
  const code = normaliseTicketCode(body.code ?? '');
  const [row] = await t.db
    .select()
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.ticketCode, code)));
  if (row) return row;
  const [elsewhere] = await t.db
    .select({ id: trainingEnrolments.id })
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.ticketCode, code), ne(trainingEnrolments.classId, classId)))
    .limit(1);
  return elsewhere ? refuse('TRAINING_TICKET_OTHER_CLASS') : refuse('TRAINING_TICKET_INVALID', 422);
}

async function ownedClass(ctx: ActorCtx, classId: string) {
  const [cls] = await ctx.db.select().from(trainingClasses).where(eq(trainingClasses.id, classId));
  if (!cls || !managesClass(ctx.actor, cls)) throw new AppError('NOT_FOUND', { status: 404 });
  return cls;
}

/** Provider: check a ticket in for one session. 200 {result: checked_in | already_checked_in, …}. */
export async function checkInSession(ctx: ActorCtx, classId: string, body: SessionCheckInBody) {
  const cls = await ownedClass(ctx, classId);
  if (!body.token && !body.code) throw new AppError('VALIDATION_FAILED', { status: 400, params: { fields: ['code'] } });
  const [session] = await ctx.db
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.id, body.sessionId), eq(trainingSessions.classId, classId)));
  if (!session) throw new AppError('NOT_FOUND', { status: 404 });
  const method = body.token ? 'qr' : 'code';
  try {
    const result = await ctx.db.transaction(async (tx) => {
      const t = { ...ctx, db: tx as unknown as Db };
      const row = await resolveTicket(t, classId, body);
      if (row.status === 'waitlisted' || row.status === 'offered') refuse('TRAINING_TICKET_NO_SEAT');
      if (row.status !== 'enrolled') refuse('TRAINING_TICKET_CANCELLED');
      const opens = new Date(session.startsAt.getTime() - SESSION_CHECK_IN_OPENS_BEFORE_MS);
      const running = (RUNNING_CLASS_STATUSES as readonly string[]).includes(cls.status) && ctx.now >= opens && ctx.now <= session.endsAt;
      if (!running)
        throw new AppError('TRAINING_SESSION_NOT_RUNNING', {
          status: 409,
          params: { status: cls.status, opensAt: opens.toISOString(), endsAt: session.endsAt.toISOString() },
        });
      const inserted = await t.db
        .insert(trainingAttendance)
        .values({ enrolmentId: row.id, sessionId: session.id, checkedInAt: ctx.now, checkedInBy: ctx.actor.userId, method })
        .onConflictDoNothing()
        .returning({ at: trainingAttendance.checkedInAt });
      if (inserted.length === 0) {
        const [first] = await t.db
          .select({ at: trainingAttendance.checkedInAt })
          .from(trainingAttendance)
          .where(and(eq(trainingAttendance.enrolmentId, row.id), eq(trainingAttendance.sessionId, session.id)));
        return { result: 'already_checked_in' as const, row, checkedInAt: first?.at ?? ctx.now };
      }
      await record(t, {
        action: 'training_enrolment.check_in',
        objectType: 'training_enrolment',
        objectId: row.id,
        regionCode: cls.regionCode,
        detail: { classId, sessionId: session.id, method },
      });
      return { result: 'checked_in' as const, row, checkedInAt: ctx.now };
    });
    const [who] = await ctx.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, result.row.talentId));
    const [present] = await ctx.db.select({ n: count() }).from(trainingAttendance).where(eq(trainingAttendance.sessionId, session.id));
    return {
      result: result.result,
      enrolmentId: result.row.id,
      sessionId: session.id,
      checkedInAt: result.checkedInAt.toISOString(),
      trainee: { nameMasked: maskName(who?.displayName ?? '') },
      present: present?.n ?? 0,
    };
  } catch (err) {
    if (err instanceof AppError && err.code.startsWith('TRAINING_')) {
      await recordAlone(ctx, {
        action: 'training_enrolment.check_in',
        objectType: 'training_class',
        objectId: classId,
        regionCode: cls.regionCode,
        result: 'denied',
        detail: { method, sessionId: session.id, code: err.code },
      });
    }
    throw err;
  }
}

/** Provider: record exam results (pass/fail, optional score) of seated trainees while the class runs. 409 TRAINING_NO_EXAM / TRAINING_NOT_RUNNING. */
export async function recordExamResults(ctx: ActorCtx, classId: string, body: ExamResultsBody) {
  const cls = await ownedClass(ctx, classId);
  if (!cls.hasExam) throw new AppError('TRAINING_NO_EXAM', { status: 409 });
  if (!(RUNNING_CLASS_STATUSES as readonly string[]).includes(cls.status))
    throw new AppError('TRAINING_NOT_RUNNING', { status: 409, params: { status: cls.status } });
  const ids = body.results.map((r) => r.enrolmentId);
  await ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx as unknown as Db };
    const rows = await t.db
      .select({ id: trainingEnrolments.id })
      .from(trainingEnrolments)
      .where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.status, 'enrolled'), inArray(trainingEnrolments.id, ids)))
      .for('update');
    const seated = new Set(rows.map((r) => r.id));
    const stray = ids.find((id) => !seated.has(id));
    if (stray) throw new AppError('VALIDATION_FAILED', { status: 400, params: { fields: ['results'], enrolmentId: stray } });
    for (const r of body.results)
      await t.db
        .update(trainingEnrolments)
        .set({ examPassed: r.passed, examScore: r.score ?? null, updatedAt: ctx.now })
        .where(eq(trainingEnrolments.id, r.enrolmentId));
    await record(t, {
      action: 'training_class.exam_results',
      objectType: 'training_class',
      objectId: classId,
      regionCode: cls.regionCode,
      detail: { count: body.results.length, passed: body.results.filter((r) => r.passed).length },
    });
  });
  return { recorded: body.results.length };
}
