/**
 * 招聘活动: officials create and run events of their region; anyone reads published ones.
 * Every write runs in one transaction with its audit record; status changes go through applyTransition.
 */
import { and, asc, count, desc, eq, gte, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import {
  CreateEvent,
  EVENT_CATEGORY_KINDS,
  type EventListQuery,
  eventWorkflow,
  type ManageListQuery,
  PUBLIC_EVENT_STATUSES,
  type TransitionBody,
  type UpdateEvent,
} from '../../../shared/events.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion, regionContains, regionFilter, regionPrefix } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { regions } from '../catalog/catalog.tables.js';
import { getRegion } from '../catalog/index.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { eventParticipantsFor } from './events.participants.js';
import { promoteWaitlisted } from './events.registrations.js';
import { myParticipation, myRegistration } from './events.mine.js';
import { type EventCounts, eventView, managesEvent } from './events.views.js';
import { eventRegistrations, type RecruitmentEventRow, recruitmentEvents } from './events.tables.js';
import { eventBinding } from './events.workflow.js';

type ActorCtx = Ctx & { actor: Actor };

const EDITABLE = ['draft', 'published', 'registration_closed'];

/** Registered, waitlisted and checked-in counts of several events. */
export async function eventCounts(ctx: Ctx, ids: string[]): Promise<Map<string, EventCounts>> {
  const out = new Map<string, EventCounts>();
  for (const id of ids) out.set(id, { registered: 0, waitlisted: 0, checkedIn: 0 });
  if (ids.length === 0) return out;
  const rows = await ctx.db
    .select({
      eventId: eventRegistrations.eventId,
      registered: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'registered')::int`,
      waitlisted: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'waitlisted')::int`,
      checkedIn: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'registered' and ${eventRegistrations.checkedInAt} is not null)::int`,
    })
    .from(eventRegistrations)
    .where(inArray(eventRegistrations.eventId, ids))
    .groupBy(eventRegistrations.eventId);
  for (const r of rows) out.set(r.eventId, { registered: Number(r.registered), waitlisted: Number(r.waitlisted), checkedIn: Number(r.checkedIn) });
  return out;
}

async function viewsOf(ctx: Ctx, rows: { row: RecruitmentEventRow; regionName: string | null }[]) {
  const counts = await eventCounts(
    ctx,
    rows.map((r) => r.row.id),
  );
  return rows.map(({ row, regionName }) =>
    eventView(row, { regionName, counts: counts.get(row.id) ?? { registered: 0, waitlisted: 0, checkedIn: 0 } }, ctx.actor, ctx.now),
  );
}

function listConditions(q: EventListQuery, now: Date): (SQL | undefined)[] {
  return [
    q.city ? sql`${recruitmentEvents.regionCode} like ${`${regionPrefix(q.city)}%`}` : undefined,
    q.kind ? eq(recruitmentEvents.kind, q.kind) : undefined,
    q.category ? inArray(recruitmentEvents.kind, [...EVENT_CATEGORY_KINDS[q.category]]) : undefined,
    q.upcoming ? gte(recruitmentEvents.endsAt, now) : undefined,
    q.q ? ilike(recruitmentEvents.title, `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
  ];
}

async function listWhere(ctx: Ctx, where: SQL | undefined, q: EventListQuery, order: SQL[]) {
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ row: recruitmentEvents, regionName: regions.name })
      .from(recruitmentEvents)
      .leftJoin(regions, eq(regions.code, recruitmentEvents.regionCode))
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(recruitmentEvents).where(where),
  ]);
  return { items: await viewsOf(ctx, rows), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Public: published, registration-closed and finished events; upcoming ones first. */
export async function listPublicEvents(ctx: Ctx, q: EventListQuery) {
  const where = and(inArray(recruitmentEvents.status, [...PUBLIC_EVENT_STATUSES]), ...listConditions(q, ctx.now));
  const upcomingFirst = sql`case when ${recruitmentEvents.endsAt} >= ${ctx.now.toISOString()} then 0 else 1 end`;
  return listWhere(ctx, where, q, [upcomingFirst, asc(recruitmentEvents.startsAt), asc(recruitmentEvents.id)]);
}

/** Officials: every event of their region, any status, newest start first. */
export async function listManagedEvents(ctx: ActorCtx, q: ManageListQuery) {
  const where = and(
    regionFilter(ctx.actor, recruitmentEvents.regionCode),
    q.status ? eq(recruitmentEvents.status, q.status) : undefined,
    ...listConditions(q, ctx.now),
  );
  return listWhere(ctx, where, q, [desc(recruitmentEvents.startsAt), asc(recruitmentEvents.id)]);
}

async function loadEvent(ctx: Ctx, id: string) {
  const [found] = await ctx.db
    .select({ row: recruitmentEvents, regionName: regions.name })
    .from(recruitmentEvents)
    .leftJoin(regions, eq(regions.code, recruitmentEvents.regionCode))
    .where(eq(recruitmentEvents.id, id));
  if (!found) throw new AppError('NOT_FOUND', { status: 404 });
  return found;
}

/** Public events to anyone; drafts and cancelled ones only to officials of the region (404 otherwise). */
export async function getEvent(ctx: Ctx, id: string) {
  const found = await loadEvent(ctx, id);
  const isPublic = (PUBLIC_EVENT_STATUSES as readonly string[]).includes(found.row.status);
  if (!isPublic) {
    if (ctx.actor?.role !== 'official') throw new AppError('NOT_FOUND', { status: 404 });
    assertInRegion(ctx.actor, found.row.regionCode);
  }
  const [view] = await viewsOf(ctx, [found]);
  const manages = managesEvent(ctx.actor, found.row);
  return {
    ...(view as NonNullable<typeof view>),
    participants: await eventParticipantsFor(ctx, id, manages),
    myRegistration: ctx.actor?.role === 'talent' ? await myRegistration(ctx as ActorCtx, id) : null,
    myParticipation: ctx.actor?.role === 'employer' ? await myParticipation(ctx as ActorCtx, id) : null,
  };
}

async function assertEventRegion(ctx: ActorCtx, regionCode: string) {
  await getRegion(ctx, regionCode);
  if (!regionContains(ctx.actor.regionCode, regionCode)) throw new AppError('FORBIDDEN_REGION', { status: 403, params: { field: 'regionCode' } });
}

function fields(input: CreateEvent) {
  return {
    title: input.title,
    kind: input.kind,
    organiser: input.organiser,
    regionCode: input.regionCode,
    venue: input.venue?.trim() || null,
    onlineUrl: input.onlineUrl ?? null,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    registrationDeadline: new Date(input.registrationDeadline),
    capacity: input.capacity,
    description: input.description,
  };
}

/** The stored event with the patch applied, checked like a new event (400 VALIDATION_FAILED {fields}). */
function mergeEvent(row: RecruitmentEventRow, patch: UpdateEvent): CreateEvent {
  const merged = CreateEvent.safeParse({
    title: row.title,
    kind: row.kind,
    organiser: row.organiser,
    regionCode: row.regionCode,
    venue: row.venue,
    onlineUrl: row.onlineUrl,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    registrationDeadline: row.registrationDeadline.toISOString(),
    capacity: row.capacity,
    description: row.description,
    ...patch,
  });
  if (!merged.success) throw new AppError('VALIDATION_FAILED', { status: 400, params: { fields: merged.error.issues.map((i) => i.path.join('.')) } });
  return merged.data;
}

function asText(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v ?? '');
}

function inTransaction<T>(ctx: ActorCtx, fn: (t: ActorCtx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

/** Official: a new draft in their region. 201; 400 CATALOG_UNKNOWN_CODE; 403 FORBIDDEN_REGION. */
export async function createEvent(ctx: ActorCtx, input: CreateEvent) {
  await assertEventRegion(ctx, input.regionCode);
  const id = await inTransaction(ctx, async (t) => {
    const [row] = await t.db
      .insert(recruitmentEvents)
      .values({ ...fields(input), status: eventWorkflow.initial, createdBy: ctx.actor.userId, createdAt: ctx.now, updatedAt: ctx.now })
      .returning({ id: recruitmentEvents.id });
    if (!row) throw new AppError('INTERNAL', { status: 500 });
    await record(t, { action: 'event.create', objectType: 'event', objectId: row.id, regionCode: input.regionCode, detail: { kind: input.kind } });
    return row.id;
  });
  return getEvent(ctx, id);
}

/**
 * Official: edit an event that is not finished or cancelled. 409 EVENTS_NOT_EDITABLE;
 * 409 EVENTS_CAPACITY_BELOW_REGISTRATIONS {registered} when the capacity would drop below the seats taken.
 */
export async function updateEvent(ctx: ActorCtx, id: string, patch: UpdateEvent) {
  await inTransaction(ctx, async (t) => {
    const [row] = await t.db.select().from(recruitmentEvents).where(eq(recruitmentEvents.id, id)).for('update');
    if (!row) throw new AppError('NOT_FOUND', { status: 404 });
    assertInRegion(ctx.actor, row.regionCode);
    const input = mergeEvent(row, patch);
    await assertEventRegion(t, input.regionCode);
    if (!EDITABLE.includes(row.status)) throw new AppError('EVENTS_NOT_EDITABLE', { status: 409, params: { status: row.status } });
    const counts = (await eventCounts(t, [id])).get(id);
    if (counts && counts.registered > input.capacity)
      throw new AppError('EVENTS_CAPACITY_BELOW_REGISTRATIONS', { status: 409, params: { registered: counts.registered } });
    await t.db
      .update(recruitmentEvents)
      .set({ ...fields(input), updatedAt: ctx.now })
      .where(eq(recruitmentEvents.id, id));
    if (row.regionCode !== input.regionCode) {
      await t.db.execute(sql`update event_registrations set region_code = ${input.regionCode} where event_id = ${id}`);
      await t.db.execute(sql`update event_participants set region_code = ${input.regionCode} where event_id = ${id}`);
    }
    const [updated] = await t.db.select().from(recruitmentEvents).where(eq(recruitmentEvents.id, id));
    if (updated && updated.capacity > row.capacity) await promoteWaitlisted(t, updated);
    const next = fields(input);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => asText(row[k]) !== asText(next[k]));
    await record(t, { action: 'event.update', objectType: 'event', objectId: id, regionCode: input.regionCode, detail: { changed } });
  });
  return getEvent(ctx, id);
}

/** publish / close_registration / reopen_registration / finish / cancel (official of the region). */
export async function transitionEvent(ctx: ActorCtx, id: string, action: string, body: TransitionBody) {
  await applyTransition(ctx, eventBinding(action), id, action, { reason: body.reason });
  return getEvent(ctx, id);
}
