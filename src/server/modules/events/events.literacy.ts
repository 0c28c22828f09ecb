/**
 * 数字素养活动 (measures 五/六): 全民数字素养与技能提升月, rural and cadre activities are events of the
 * literacy kinds, with the same registration, tickets and check-in. What they add: the organiser records
 * the number of walk-in attendees counted on site (现场登记人数, audited), and attendance is
 * checked-in registrations + walk-ins. When the activity is finished its attendance is final and becomes
 * dashboard facts (`literacy.attended`, see events.workflow.ts and dashboard.sources.ts).
 */
import { eq } from 'drizzle-orm';
import { CHECK_IN_OPENS_BEFORE_MS, eventCategory, type HeadcountBody } from '../../../shared/events.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { eventCounts } from './events.service.js';
import { type RecruitmentEventRow, recruitmentEvents } from './events.tables.js';
import { headcountOpen, type LiteracyAttendance, literacyAttendance } from './events.views.js';

type ActorCtx = Ctx & { actor: Actor };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Runs before the body is validated: only officials of the event's region get further (others 403 / 404). */
export async function assertManagesEvent(ctx: ActorCtx, eventId: string): Promise<void> {
  if (!UUID.test(eventId)) throw new AppError('NOT_FOUND', { status: 404 });
  const [event] = await ctx.db.select({ regionCode: recruitmentEvents.regionCode }).from(recruitmentEvents).where(eq(recruitmentEvents.id, eventId));
  if (!event) throw new AppError('NOT_FOUND', { status: 404 });
  assertInRegion(ctx.actor, event.regionCode);
}

/**
 * Official of the activity's region: record the walk-in headcount (the total so far, replacing the previous
 * figure; audited with both). 404 outside the region; 409 EVENTS_HEADCOUNT_NOT_APPLICABLE (not a literacy
 * activity); 409 EVENTS_HEADCOUNT_CLOSED {status, opensAt} (before check-in opens, or finished / cancelled).
 */
export async function recordHeadcount(ctx: ActorCtx, eventId: string, body: HeadcountBody): Promise<LiteracyAttendance> {
  const row = await ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx as unknown as Db };
    // the same lock as finishing: a headcount never lands after the attendance became final
    const [event] = await t.db.select().from(recruitmentEvents).where(eq(recruitmentEvents.id, eventId)).for('update');
    if (!event) throw new AppError('NOT_FOUND', { status: 404 });
    assertInRegion(ctx.actor, event.regionCode);
    if (eventCategory(event.kind) !== 'literacy') throw new AppError('EVENTS_HEADCOUNT_NOT_APPLICABLE', { status: 409, params: { kind: event.kind } });
    if (!headcountOpen(event, ctx.now))
      throw new AppError('EVENTS_HEADCOUNT_CLOSED', {
        status: 409,
        params: { status: event.status, opensAt: new Date(event.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS).toISOString() },
      });
    const [updated] = await t.db
      .update(recruitmentEvents)
      .set({ walkInCount: body.walkInCount, walkInRecordedAt: ctx.now, walkInRecordedBy: ctx.actor.userId, updatedAt: ctx.now })
      .where(eq(recruitmentEvents.id, eventId))
      .returning();
    await record(t, {
      action: 'event.headcount',
      objectType: 'event',
      objectId: eventId,
      regionCode: event.regionCode,
      detail: { from: event.walkInCount, to: body.walkInCount, ...(body.note ? { note: body.note } : {}) },
    });
    return updated as RecruitmentEventRow;
  });
  const counts = (await eventCounts(ctx, [eventId])).get(eventId);
  return literacyAttendance(row, counts?.checkedIn ?? 0, ctx.now);
}
