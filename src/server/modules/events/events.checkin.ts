/**
 * 签到: staff scan the ticket's QR code (or type its short code). Idempotent: a second scan answers
 * `already_checked_in` with the time of the first. Refused, and audited as denied: forged or unknown
 * tickets, tickets of another event, cancelled or waitlisted registrations, events not running.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import {
  type AttendanceQuery,
  CHECK_IN_OPENS_BEFORE_MS,
  type CheckInBody,
  EVENT_CATEGORY_KINDS,
  normaliseTicketCode,
  RUNNING_EVENT_STATUSES,
} from '../../../shared/events.js';
import { AppError } from '../../../shared/errors.js';
import { maskName } from '../../../shared/identifiers.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion, regionFilter } from '../access/region-scope.js';
import { record, recordAlone } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { eventCounts } from './events.service.js';
import { type EventRegistrationRow, eventRegistrations, type RecruitmentEventRow, recruitmentEvents } from './events.tables.js';
import { parseTicketToken, ticketSignatureValid } from './events.tickets.js';

type ActorCtx = Ctx & { actor: Actor };

function refuse(code: 'EVENTS_TICKET_INVALID' | 'EVENTS_TICKET_OTHER_EVENT' | 'EVENTS_TICKET_CANCELLED' | 'EVENTS_TICKET_WAITLISTED', status = 409): never {
  throw new AppError(code, { status });
}

/** The registration a token or typed code points to, locked; refusals for forged or foreign tickets. */
async function resolveTicket(t: Ctx, eventId: string, body: CheckInBody): Promise<EventRegistrationRow> {
  if (body.token) {
    const parsed = parseTicketToken(body.token);
    if (!parsed) refuse('EVENTS_TICKET_INVALID', 422);
    const [row] = await t.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, parsed.registrationId)).for('update');
    if (!row || !ticketSignatureValid(t.platform.keys, row.id, row.ticketNonce, parsed.sig)) refuse('EVENTS_TICKET_INVALID', 422);
    if (row.eventId !== eventId) refuse('EVENTS_TICKET_OTHER_EVENT');
    return row;
  }
  const code = normaliseTicketCode(body.code ?? '');
  const [row] = await t.db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.ticketCode, code)))
    .for('update');
  if (row) return row;
  const [elsewhere] = await t.db
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.ticketCode, code), ne(eventRegistrations.eventId, eventId)))
    .limit(1);
  return elsewhere ? refuse('EVENTS_TICKET_OTHER_EVENT') : refuse('EVENTS_TICKET_INVALID', 422);
}

function assertRunning(event: RecruitmentEventRow, now: Date) {
  const opens = new Date(event.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS);
  const running = (RUNNING_EVENT_STATUSES as readonly string[]).includes(event.status) && now >= opens && now <= event.endsAt;
  if (!running)
    throw new AppError('EVENTS_NOT_RUNNING', {
      status: 409,
      params: { status: event.status, opensAt: opens.toISOString(), endsAt: event.endsAt.toISOString() },
    });
}

/** Official of the event's region: check a ticket in. 200 {result: checked_in | already_checked_in, …}. */
export async function checkIn(ctx: ActorCtx, eventId: string, body: CheckInBody) {
  const [event] = await ctx.db.select().from(recruitmentEvents).where(eq(recruitmentEvents.id, eventId));
  if (!event) throw new AppError('NOT_FOUND', { status: 404 });
  assertInRegion(ctx.actor, event.regionCode);
  if (!body.token && !body.code) throw new AppError('VALIDATION_FAILED', { status: 400, params: { fields: ['code'] } });
  const method = body.token ? 'qr' : 'code';
  try {
    const result = await ctx.db.transaction(async (tx) => {
      const t = { ...ctx, db: tx as unknown as Db };
      const row = await resolveTicket(t, eventId, body);
      if (row.status === 'cancelled') refuse('EVENTS_TICKET_CANCELLED');
      if (row.status === 'waitlisted') refuse('EVENTS_TICKET_WAITLISTED');
      assertRunning(event, ctx.now);
      if (row.checkedInAt) return { result: 'already_checked_in' as const, row, checkedInAt: row.checkedInAt };
      await t.db
        .update(eventRegistrations)
        .set({ checkedInAt: ctx.now, checkedInBy: ctx.actor.userId, updatedAt: ctx.now })
        .where(eq(eventRegistrations.id, row.id));
      await record(t, {
        action: 'event_registration.check_in',
        objectType: 'event_registration',
        objectId: row.id,
        regionCode: event.regionCode,
        detail: { eventId, method },
      });
      return { result: 'checked_in' as const, row, checkedInAt: ctx.now };
    });
    const [who] = await ctx.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, result.row.talentId));
    const counts = (await eventCounts(ctx, [eventId])).get(eventId);
    return {
      result: result.result,
      registrationId: result.row.id,
      checkedInAt: result.checkedInAt.toISOString(),
      attendee: { nameMasked: maskName(who?.displayName ?? '') },
      counts,
    };
  } catch (err) {
    if (err instanceof AppError && err.code.startsWith('EVENTS_')) {
      await recordAlone(ctx, {
        action: 'event_registration.check_in',
        objectType: 'event',
        objectId: eventId,
        regionCode: event.regionCode,
        result: 'denied',
        detail: { method, code: err.code },
      });
    }
    throw err;
  }
}

/**
 * Official: registration and attendance counts of the region's public events, newest first (the dashboard
 * reads this); `?category=literacy` for the digital-literacy activities. `attended` = checked in + walk-ins.
 */
export async function eventAttendance(ctx: ActorCtx, q: AttendanceQuery = {}) {
  const rows = await ctx.db
    .select({
      id: recruitmentEvents.id,
      title: recruitmentEvents.title,
      kind: recruitmentEvents.kind,
      status: recruitmentEvents.status,
      regionCode: recruitmentEvents.regionCode,
      startsAt: recruitmentEvents.startsAt,
      capacity: recruitmentEvents.capacity,
      walkIn: recruitmentEvents.walkInCount,
    })
    .from(recruitmentEvents)
    .where(
      and(
        regionFilter(ctx.actor, recruitmentEvents.regionCode),
        inArray(recruitmentEvents.status, ['published', 'registration_closed', 'finished']),
        q.category ? inArray(recruitmentEvents.kind, [...EVENT_CATEGORY_KINDS[q.category]]) : undefined,
      ),
    )
    .orderBy(recruitmentEvents.startsAt)
    .limit(500);
  const counts = await eventCounts(
    ctx,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => {
    const c = counts.get(r.id) ?? { registered: 0, waitlisted: 0, checkedIn: 0 };
    return { ...r, startsAt: r.startsAt.toISOString(), ...c, attended: c.checkedIn + r.walkIn };
  });
  const totals = items.reduce(
    (a, i) => ({
      events: a.events + 1,
      registered: a.registered + i.registered,
      checkedIn: a.checkedIn + i.checkedIn,
      walkIn: a.walkIn + i.walkIn,
      attended: a.attended + i.attended,
    }),
    { events: 0, registered: 0, checkedIn: 0, walkIn: 0, attended: 0 },
  );
  return { items, totals };
}
