/**
 * 报名 with capacity. Registering and cancelling lock the event row, so however many people register at
 * once, no more than `capacity` hold a seat; the rest wait, and the oldest waiting person is promoted
 * when a seat frees up. Registering twice returns the same registration.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import { ACTIVE_REGISTRATION_STATUSES, RegistrationStatus, registrationWorkflow } from '../../../shared/events.js';
import { AppError } from '../../../shared/errors.js';
import { maskName } from '../../../shared/identifiers.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion } from '../access/region-scope.js';
import { maskedPhone } from '../account/pi.js';
import { record, recordAlone } from '../audit/audit.service.js';
import { recordFactsFor } from '../dashboard/dashboard.sources.js';
import { users } from '../auth/auth.tables.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import { registrationView } from './events.mine.js';
import { eventRegistrations, type RecruitmentEventRow, recruitmentEvents } from './events.tables.js';
import { newTicketNonce, ticketCode } from './events.tickets.js';
import { registrationOpen } from './events.views.js';
import { registrationCancelBinding } from './events.workflow.js';

type ActorCtx = Ctx & { actor: Actor };

function inTransaction<T>(ctx: ActorCtx, fn: (t: ActorCtx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

/** Locks the event row: every change to its seats serialises here. Drafts and cancelled events are 404 to talents. */
export async function lockEvent(ctx: Ctx, eventId: string): Promise<RecruitmentEventRow> {
  const [event] = await ctx.db.select().from(recruitmentEvents).where(eq(recruitmentEvents.id, eventId)).for('update');
  if (!event || event.status === 'draft') throw new AppError('NOT_FOUND', { status: 404 });
  return event;
}

async function seatsTaken(ctx: Ctx, eventId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, RegistrationStatus.enum.registered)));
  return row?.n ?? 0;
}

/** A nonce whose short code is not yet used in this event (collisions are rare; retried). */
async function freshTicket(ctx: Ctx, eventId: string, id: string) {
  for (let i = 0; i < 8; i++) {
    const nonce = newTicketNonce();
    const code = ticketCode(ctx.platform.keys, id, nonce);
    const [clash] = await ctx.db
      .select({ id: eventRegistrations.id })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.ticketCode, code)));
    if (!clash) return { nonce, code };
  }
  throw new AppError('INTERNAL', { status: 500 });
}

/**
 * Talent: register (a seat while any are left, else the waitlist). Idempotent: an active registration
 * is returned as it is. 404 (no such public event); 409 EVENTS_REGISTRATION_CLOSED.
 */
export async function register(ctx: ActorCtx, eventId: string) {
  const row = await inTransaction(ctx, async (t) => {
    const event = await lockEvent(t, eventId);
    if (event.status === 'cancelled') throw new AppError('NOT_FOUND', { status: 404 });
    const [existing] = await t.db
      .select()
      .from(eventRegistrations)
      .where(
        and(
          eq(eventRegistrations.eventId, eventId),
          eq(eventRegistrations.talentId, ctx.actor.userId),
          inArray(eventRegistrations.status, [...ACTIVE_REGISTRATION_STATUSES]),
        ),
      );
    if (existing) return existing;
    if (!registrationOpen(event, ctx.now)) throw new AppError('EVENTS_REGISTRATION_CLOSED', { status: 409, params: { status: event.status } });
    const status = (await seatsTaken(t, eventId)) < event.capacity ? RegistrationStatus.enum.registered : RegistrationStatus.enum.waitlisted;
    const id = randomUUID();
    const ticket = await freshTicket(t, eventId, id);
    const [inserted] = await t.db
      .insert(eventRegistrations)
      .values({
        id,
        eventId,
        talentId: ctx.actor.userId,
        regionCode: event.regionCode,
        status,
        ticketNonce: ticket.nonce,
        ticketCode: ticket.code,
        registeredAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    if (!inserted) throw new AppError('INTERNAL', { status: 500 });
    await record(t, {
      action: 'event_registration.register',
      objectType: 'event_registration',
      objectId: id,
      regionCode: event.regionCode,
      detail: { eventId, status },
    });
    await recordFactsFor(t.db, 'event.registered', id);
    return inserted;
  });
  return registrationView(ctx, row);
}

/** Moves the oldest waiting registrations onto free seats (system step `promote`, audited). Returns how many. */
export async function promoteWaitlisted(ctx: Ctx, event: RecruitmentEventRow): Promise<number> {
  if (!['published', 'registration_closed'].includes(event.status) || ctx.now >= event.endsAt) return 0;
  const free = event.capacity - (await seatsTaken(ctx, event.id));
  if (free <= 0) return 0;
  const spec = registrationWorkflow.transitions.promote;
  const waiting = await ctx.db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, event.id), inArray(eventRegistrations.status, [...spec.from])))
    .orderBy(asc(eventRegistrations.registeredAt), asc(eventRegistrations.id))
    .limit(free)
    .for('update');
  for (const w of waiting) {
    await ctx.db.update(eventRegistrations).set({ status: spec.to, promotedAt: ctx.now, updatedAt: ctx.now }).where(eq(eventRegistrations.id, w.id));
    await ctx.db.insert(workflowEvents).values({
      workflow: registrationWorkflow.name,
      entityId: w.id,
      action: 'promote',
      fromState: w.status,
      toState: spec.to,
      actorId: ctx.actor?.userId ?? null,
      actorRole: null,
      reason: null,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    await record(ctx, {
      action: 'event_registration.promote',
      objectType: 'event_registration',
      objectId: w.id,
      regionCode: event.regionCode,
      detail: { eventId: event.id },
    });
  }
  return waiting.length;
}

/** Talent: cancel the active registration; a freed seat goes to the first on the waitlist. 404 without one. */
export async function cancelRegistration(ctx: ActorCtx, eventId: string) {
  const id = await inTransaction(ctx, async (t) => {
    const event = await lockEvent(t, eventId);
    const [mine] = await t.db
      .select({ id: eventRegistrations.id })
      .from(eventRegistrations)
      .where(
        and(
          eq(eventRegistrations.eventId, eventId),
          eq(eventRegistrations.talentId, ctx.actor.userId),
          inArray(eventRegistrations.status, [...ACTIVE_REGISTRATION_STATUSES]),
        ),
      );
    if (!mine) throw new AppError('NOT_FOUND', { status: 404 });
    await applyTransition(t, registrationCancelBinding, mine.id, 'cancel');
    await promoteWaitlisted(t, event);
    return mine.id;
  });
  const [row] = await ctx.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, id));
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  return registrationView(ctx, row);
}

export interface RegistrationListQuery {
  status?: RegistrationStatus | undefined;
  page: number;
  pageSize: number;
}

/** Official of the region: registrations of an event, names and phones masked; the read is audited. */
export async function listRegistrations(ctx: ActorCtx, eventId: string, q: RegistrationListQuery) {
  const [event] = await ctx.db.select().from(recruitmentEvents).where(eq(recruitmentEvents.id, eventId));
  if (!event) throw new AppError('NOT_FOUND', { status: 404 });
  assertInRegion(ctx.actor, event.regionCode);
  const where: SQL | undefined = and(eq(eventRegistrations.eventId, eventId), q.status ? eq(eventRegistrations.status, q.status) : undefined);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ row: eventRegistrations, displayName: users.displayName, phoneEnc: users.phoneEnc })
      .from(eventRegistrations)
      .innerJoin(users, eq(users.id, eventRegistrations.talentId))
      .where(where)
      .orderBy(asc(eventRegistrations.registeredAt), asc(eventRegistrations.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(eventRegistrations).where(where),
  ]);
  await recordAlone(ctx, { action: 'event.registrations.read', objectType: 'event', objectId: eventId, regionCode: event.regionCode });
  return {
    items: rows.map(({ row, displayName, phoneEnc }) => ({
      id: row.id,
      status: row.status,
      nameMasked: maskName(displayName),
      phoneMasked: maskedPhone(ctx.platform.keys, phoneEnc),
      registeredAt: row.registeredAt.toISOString(),
      promotedAt: row.promotedAt?.toISOString() ?? null,
      cancelledAt: row.cancelledAt?.toISOString() ?? null,
      checkedInAt: row.checkedInAt?.toISOString() ?? null,
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
