/**
 * 结业: when a class finishes (the provider's `finish`, or the daily task for classes whose last session
 * has ended) every seated enrolment is judged by the completion rule — attended share of sessions at
 * least the class's threshold, and a passed exam when the class has one — and becomes `completed` or
 * `not_completed` with the reason. People still waiting or offered a seat lapse (`expired`).
 */
import { and, asc, count, eq, inArray, lt } from 'drizzle-orm';
import { ACTIVE_ENROLMENT_STATUSES, enrolmentWorkflow, type NotCompletedReason, RUNNING_CLASS_STATUSES } from '../../../shared/training.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { record } from '../audit/audit.service.js';
import { recordMetric } from '../dashboard/dashboard.metrics.js';
import type { TaskHandler } from '../tasks/tasks.runner.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import {
  type TrainingClassRow,
  type TrainingEnrolmentRow,
  trainingAttendance,
  trainingClasses,
  trainingEnrolments,
  trainingSessions,
} from './training.tables.js';

type EnrolmentSystemAction = 'promote' | 'complete' | 'fail' | 'expire';

/** A system step on an enrolment (no role): status, workflow event and audit entry, in the caller's transaction. */
export async function enrolmentSystemStep(
  ctx: Ctx,
  row: TrainingEnrolmentRow,
  action: EnrolmentSystemAction,
  set: Partial<TrainingEnrolmentRow>,
  detail: Record<string, unknown> = {},
) {
  const to = enrolmentWorkflow.transitions[action].to;
  await ctx.db
    .update(trainingEnrolments)
    .set({ ...set, status: to, updatedAt: ctx.now })
    .where(eq(trainingEnrolments.id, row.id));
  await ctx.db.insert(workflowEvents).values({
    workflow: enrolmentWorkflow.name,
    entityId: row.id,
    action,
    fromState: row.status,
    toState: to,
    actorId: ctx.actor?.userId ?? null,
    actorRole: null,
    reason: typeof detail.reason === 'string' ? detail.reason : null,
    requestId: ctx.requestId,
    at: ctx.now,
  });
  await record(ctx, {
    action: `training_enrolment.${action}`,
    objectType: 'training_enrolment',
    objectId: row.id,
    regionCode: row.regionCode,
    detail: { classId: row.classId, ...detail },
  });
}

/** The completion rule, a pure function (the service and the tests share it). */
export function judge(
  c: Pick<TrainingClassRow, 'attendanceThreshold' | 'hasExam'>,
  e: { attended: number; total: number; examPassed: boolean | null },
): { completed: true } | { completed: false; reason: NotCompletedReason } {
  if (e.total === 0 || e.attended * 100 < c.attendanceThreshold * e.total) return { completed: false, reason: 'attendance_below_threshold' };
  if (c.hasExam && e.examPassed === null) return { completed: false, reason: 'exam_missing' };
  if (c.hasExam && e.examPassed === false) return { completed: false, reason: 'exam_failed' };
  return { completed: true };
}

/** Judges every seated enrolment of a finished class and lets the rest lapse. Returns the tallies. */
export async function evaluateClass(ctx: Ctx, classId: string) {
  const [cls] = await ctx.db.select().from(trainingClasses).where(eq(trainingClasses.id, classId));
  if (!cls) return { completed: 0, notCompleted: 0, expired: 0 };
  const [sessions] = await ctx.db.select({ n: count() }).from(trainingSessions).where(eq(trainingSessions.classId, classId));
  const total = sessions?.n ?? 0;
  const attended = await ctx.db
    .select({ enrolmentId: trainingAttendance.enrolmentId, n: count() })
    .from(trainingAttendance)
    .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingAttendance.enrolmentId))
    .where(eq(trainingEnrolments.classId, classId))
    .groupBy(trainingAttendance.enrolmentId);
  const attendedBy = new Map(attended.map((a) => [a.enrolmentId, a.n]));
  const open = await ctx.db
    .select()
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.classId, classId), inArray(trainingEnrolments.status, [...ACTIVE_ENROLMENT_STATUSES])))
    .orderBy(asc(trainingEnrolments.enrolledAt))
    .for('update');
  const tally = { completed: 0, notCompleted: 0, expired: 0 };
  for (const e of open) {
    if (e.status !== 'enrolled') {
      await enrolmentSystemStep(ctx, e, 'expire', {}, { reason: 'class_finished' });
      tally.expired++;
      continue;
    }
    const n = attendedBy.get(e.id) ?? 0;
    const verdict = judge(cls, { attended: n, total, examPassed: e.examPassed });
    const common = { attendedSessions: n, totalSessions: total, completedAt: ctx.now };
    if (verdict.completed) {
      await enrolmentSystemStep(ctx, e, 'complete', { ...common, outcomeReason: null }, { attended: n, total });
      await recordMetric(ctx.db, {
        metric: 'training.completed',
        subjectId: e.id,
        regionCode: cls.regionCode,
        occurredAt: ctx.now,
        occupationCode: cls.occupationCode,
        dimension: cls.programmeType,
        digital: cls.digital,
        amountFen: cls.subsidyFen,
      });
      tally.completed++;
    } else {
      await enrolmentSystemStep(ctx, e, 'fail', { ...common, outcomeReason: verdict.reason }, { attended: n, total, reason: verdict.reason });
      tally.notCompleted++;
    }
  }
  await record(ctx, {
    action: 'training_class.evaluate',
    objectType: 'training_class',
    objectId: classId,
    regionCode: cls.regionCode,
    detail: { ...tally, sessions: total },
  });
  return tally;
}

/** A cancelled class: every active enrolment lapses. */
export async function closeOutClass(ctx: Ctx, classId: string) {
  const open = await ctx.db
    .select()
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.classId, classId), inArray(trainingEnrolments.status, [...ACTIVE_ENROLMENT_STATUSES])))
    .for('update');
  for (const e of open) await enrolmentSystemStep(ctx, e, 'expire', {}, { reason: 'class_cancelled' });
}

/**
 * Daily: classes still running whose last session ended more than a day ago are finished by the system
 * (`auto_finish`) and evaluated, each in its own transaction. Returns how many.
 */
export async function finishEndedClasses(ctx: Ctx): Promise<number> {
  const cutoff = new Date(ctx.now.getTime() - 86_400_000);
  const due = await ctx.db
    .select({ id: trainingClasses.id })
    .from(trainingClasses)
    .where(and(inArray(trainingClasses.status, [...RUNNING_CLASS_STATUSES]), lt(trainingClasses.endsAt, cutoff)))
    .limit(500);
  let finished = 0;
  for (const { id } of due) {
    const done = await ctx.db.transaction(async (tx) => {
      const t = { ...ctx, db: tx as unknown as Db };
      const [row] = await t.db.select().from(trainingClasses).where(eq(trainingClasses.id, id)).for('update');
      if (!row || !(RUNNING_CLASS_STATUSES as readonly string[]).includes(row.status)) return false;
      await t.db.update(trainingClasses).set({ status: 'finished', finishedAt: ctx.now, updatedAt: ctx.now }).where(eq(trainingClasses.id, id));
      await t.db.insert(workflowEvents).values({
        workflow: 'training_class',
        entityId: id,
        action: 'auto_finish',
        fromState: row.status,
        toState: 'finished',
        actorId: null,
        actorRole: null,
        reason: null,
        requestId: ctx.requestId,
        at: ctx.now,
      });
      await record(t, {
        action: 'training_class.auto_finish',
        objectType: 'training_class',
        objectId: id,
        regionCode: row.regionCode,
        detail: { from: row.status },
      });
      await evaluateClass(t, id);
      return true;
    });
    if (done) finished++;
  }
  return finished;
}

export const TRAINING_FINISH_TASK = 'training.finish-ended';

export const finishEndedClassesTask: TaskHandler = async (ctx, _params, report) => {
  const finished = await finishEndedClasses(ctx);
  await report(1, 1, `finished ${finished}`);
  return { finished };
};
