/** The talent's own registrations (with their ticket) and the employer's own participation. */
import { and, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { ACTIVE_REGISTRATION_STATUSES, formatTicketCode } from '../../../shared/events.js';
import type { Actor, Ctx } from '../../context.js';
import { regions } from '../catalog/catalog.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { type EventRegistrationRow, eventParticipants, eventRegistrations, recruitmentEvents } from './events.tables.js';
import { ticketQrDataUrl, ticketToken } from './events.tickets.js';
import { participantView } from './events.views.js';

type ActorCtx = Ctx & { actor: Actor };

async function waitlistPosition(ctx: Ctx, row: EventRegistrationRow): Promise<number> {
  const [ahead] = await ctx.db
    .select({ n: count() })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, row.eventId),
        eq(eventRegistrations.status, 'waitlisted'),
        or(
          lt(eventRegistrations.registeredAt, row.registeredAt),
          and(eq(eventRegistrations.registeredAt, row.registeredAt), lt(eventRegistrations.id, row.id)),
        ),
      ),
    );
  return (ahead?.n ?? 0) + 1;
}

/** A registration as its owner sees it: the ticket (QR and short code) only while it holds a seat. */
export async function registrationView(ctx: Ctx, row: EventRegistrationRow) {
  const seated = row.status === 'registered';
  const token = seated ? ticketToken(ctx.platform.keys, row.id, row.ticketNonce) : null;
  return {
    id: row.id,
    eventId: row.eventId,
    status: row.status,
    registeredAt: row.registeredAt.toISOString(),
    promotedAt: row.promotedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    waitlistPosition: row.status === 'waitlisted' ? await waitlistPosition(ctx, row) : null,
    ticket: token ? { token, code: formatTicketCode(row.ticketCode), qrDataUrl: await ticketQrDataUrl(token) } : null,
  };
}

/** The talent's active registration for one event (or null). */
export async function myRegistration(ctx: ActorCtx, eventId: string) {
  const [row] = await ctx.db
    .select()
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.talentId, ctx.actor.userId),
        inArray(eventRegistrations.status, [...ACTIVE_REGISTRATION_STATUSES]),
      ),
    );
  return row ? registrationView(ctx, row) : null;
}

export async function myParticipation(ctx: ActorCtx, eventId: string) {
  if (!ctx.actor.orgId) return null;
  const [found] = await ctx.db
    .select({ row: eventParticipants, orgName: organisations.name })
    .from(eventParticipants)
    .innerJoin(organisations, eq(organisations.id, eventParticipants.orgId))
    .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.orgId, ctx.actor.orgId)));
  return found ? participantView(found.row, found.orgName, [], ctx.actor) : null;
}

/** Talent: every registration (newest first, at most 100), each with its event and ticket. */
export async function listMyRegistrations(ctx: ActorCtx) {
  const rows = await ctx.db
    .select({ row: eventRegistrations, event: recruitmentEvents, regionName: regions.name })
    .from(eventRegistrations)
    .innerJoin(recruitmentEvents, eq(recruitmentEvents.id, eventRegistrations.eventId))
    .leftJoin(regions, eq(regions.code, recruitmentEvents.regionCode))
    .where(eq(eventRegistrations.talentId, ctx.actor.userId))
    .orderBy(
      sql`case when ${eventRegistrations.status} = 'cancelled' then 1 else 0 end`,
      desc(recruitmentEvents.startsAt),
      desc(eventRegistrations.registeredAt),
    )
    .limit(100);
  const items = [];
  for (const { row, event, regionName } of rows) {
    items.push({
      ...(await registrationView(ctx, row)),
      event: {
        id: event.id,
        title: event.title,
        kind: event.kind,
        status: event.status,
        organiser: event.organiser,
        regionName,
        venue: event.venue,
        onlineUrl: event.onlineUrl,
        startsAt: event.startsAt.toISOString(),
        endsAt: event.endsAt.toISOString(),
      },
    });
  }
  return { items };
}
