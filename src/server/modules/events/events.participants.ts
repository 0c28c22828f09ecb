/**
 * 参会单位: a verified employer applies to take part with some of its published postings, or the
 * organiser invites it; the organiser approves or rejects, the employer accepts or declines.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { eventCategory, type ParticipateBody, participantWorkflow, type TransitionBody } from '../../../shared/events.js';
import { AppError } from '../../../shared/errors.js';
import { JobStatus } from '../../../shared/jobs.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { jobPostings } from '../jobs/index.js';
import { organisations } from '../organisations/organisations.tables.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { type EventParticipantRow, eventParticipants, recruitmentEvents } from './events.tables.js';
import { type JobSummary, participantView } from './events.views.js';
import { participantBinding } from './events.workflow.js';

type ActorCtx = Ctx & { actor: Actor };

/** Published postings among `ids` (others are left out: a closed posting drops off the event page). */
async function liveJobs(ctx: Ctx, ids: string[]): Promise<Map<string, JobSummary>> {
  const out = new Map<string, JobSummary>();
  if (ids.length === 0) return out;
  const rows = await ctx.db
    .select({
      id: jobPostings.id,
      orgId: jobPostings.orgId,
      title: jobPostings.title,
      regionCode: jobPostings.regionCode,
      salaryMinFen: jobPostings.salaryMinFen,
      salaryMaxFen: jobPostings.salaryMaxFen,
      isDigital: jobPostings.isDigital,
    })
    .from(jobPostings)
    .where(and(inArray(jobPostings.id, ids), eq(jobPostings.status, JobStatus.enum.published)));
  for (const { orgId: _, ...r } of rows) out.set(r.id, r);
  return out;
}

async function views(ctx: Ctx, rows: { row: EventParticipantRow; orgName: string }[]) {
  const jobs = await liveJobs(ctx, [...new Set(rows.flatMap((r) => r.row.jobIds))]);
  return rows.map(({ row, orgName }) =>
    participantView(
      row,
      orgName,
      row.jobIds.flatMap((id) => jobs.get(id) ?? []),
      ctx.actor,
    ),
  );
}

/** Participants shown on the event page: approved ones to everyone, all of them to its managers. */
export async function eventParticipantsFor(ctx: Ctx, eventId: string, manages: boolean) {
  const rows = await ctx.db
    .select({ row: eventParticipants, orgName: organisations.name })
    .from(eventParticipants)
    .innerJoin(organisations, eq(organisations.id, eventParticipants.orgId))
    .where(and(eq(eventParticipants.eventId, eventId), manages ? undefined : eq(eventParticipants.status, 'approved')))
    .orderBy(asc(eventParticipants.createdAt), asc(eventParticipants.id));
  return views(ctx, rows);
}

export async function participantById(ctx: Ctx, id: string) {
  const [found] = await ctx.db
    .select({ row: eventParticipants, orgName: organisations.name })
    .from(eventParticipants)
    .innerJoin(organisations, eq(organisations.id, eventParticipants.orgId))
    .where(eq(eventParticipants.id, id));
  if (!found) throw new AppError('NOT_FOUND', { status: 404 });
  const [view] = await views(ctx, [found]);
  return view as NonNullable<typeof view>;
}

async function assertVerifiedEmployer(ctx: Ctx, orgId: string | null) {
  const [org] = orgId ? await ctx.db.select().from(organisations).where(eq(organisations.id, orgId)) : [];
  if (org?.kind !== 'employer' || org.status !== 'verified') throw new AppError('EVENTS_ORG_NOT_VERIFIED', { status: 403 });
  return org;
}

async function assertOwnPublishedJobs(ctx: Ctx, orgId: string, jobIds: string[]) {
  if (jobIds.length === 0) return;
  const rows = await ctx.db
    .select({ id: jobPostings.id })
    .from(jobPostings)
    .where(and(inArray(jobPostings.id, jobIds), eq(jobPostings.orgId, orgId), eq(jobPostings.status, JobStatus.enum.published)));
  const ok = new Set(rows.map((r) => r.id));
  const bad = jobIds.find((id) => !ok.has(id));
  if (bad) throw new AppError('EVENTS_JOB_NOT_PUBLISHED', { status: 400, params: { jobId: bad } });
}

/**
 * Employer: apply (→ applied, or `reapply` after a rejection / decline / withdrawal). Official of the
 * region: invite `orgId` (→ invited). 403 EVENTS_ORG_NOT_VERIFIED; 400 EVENTS_JOB_NOT_PUBLISHED {jobId};
 * 409 EVENTS_NOT_OPEN_TO_EMPLOYERS; 409 EVENTS_PARTICIPATION_EXISTS {participantId}.
 */
export async function participate(ctx: ActorCtx, eventId: string, body: ParticipateBody) {
  const inviting = ctx.actor.role === 'official';
  const orgId = inviting ? (body.orgId ?? null) : ctx.actor.orgId;
  const jobIds = [...new Set(body.jobIds)];
  const id = await ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx as unknown as Db };
    const [event] = await t.db.select().from(recruitmentEvents).where(eq(recruitmentEvents.id, eventId)).for('share');
    const visible = event && (inviting || event.status !== 'draft') && event.status !== 'cancelled';
    if (!event || !visible) throw new AppError('NOT_FOUND', { status: 404 });
    if (inviting) assertInRegion(ctx.actor, event.regionCode);
    // checked after the region, so an outsider learns nothing from the answer
    if (inviting && !orgId) throw new AppError('VALIDATION_FAILED', { status: 400, params: { fields: ['orgId'] } });
    // digital-literacy activities are not recruitment: no employers take part with postings
    if (event.status === 'finished' || ctx.now >= event.endsAt || eventCategory(event.kind) === 'literacy')
      throw new AppError('EVENTS_NOT_OPEN_TO_EMPLOYERS', { status: 409 });
    const org = await assertVerifiedEmployer(t, orgId);
    await assertOwnPublishedJobs(t, org.id, jobIds);
    const [existing] = await t.db
      .select()
      .from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.orgId, org.id)))
      .for('update');
    if (existing) return reapply(t, existing, inviting, jobIds, body.note);
    const [row] = await t.db
      .insert(eventParticipants)
      .values({
        eventId,
        orgId: org.id,
        regionCode: event.regionCode,
        status: inviting ? 'invited' : participantWorkflow.initial,
        jobIds,
        note: body.note?.trim() || null,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: eventParticipants.id });
    if (!row) throw new AppError('INTERNAL', { status: 500 });
    await record(t, {
      action: inviting ? 'event_participant.invite' : 'event_participant.apply',
      objectType: 'event_participant',
      objectId: row.id,
      regionCode: event.regionCode,
      detail: { eventId, orgId: org.id, jobs: jobIds.length },
    });
    return row.id;
  });
  return participantById(ctx, id);
}

async function reapply(t: ActorCtx, existing: EventParticipantRow, inviting: boolean, jobIds: string[], note: string | undefined) {
  const again = !inviting && participantWorkflow.transitions.reapply.from.some((s) => s === existing.status);
  if (!again) throw new AppError('EVENTS_PARTICIPATION_EXISTS', { status: 409, params: { participantId: existing.id, status: existing.status } });
  await t.db
    .update(eventParticipants)
    .set({ jobIds, note: note?.trim() || null })
    .where(eq(eventParticipants.id, existing.id));
  await applyTransition(t, participantBinding, existing.id, 'reapply');
  return existing.id;
}

/** approve / reject (official of the region), accept / decline / withdraw (the employer). */
export async function transitionParticipant(ctx: ActorCtx, id: string, action: string, body: TransitionBody) {
  await applyTransition(ctx, participantBinding, id, action, { reason: body.reason });
  return participantById(ctx, id);
}

/** Employer: events the organisation applied to, was invited to or takes part in. */
export async function listParticipating(ctx: ActorCtx) {
  if (!ctx.actor.orgId) return { items: [] };
  const rows = await ctx.db
    .select({ row: eventParticipants, orgName: organisations.name, event: recruitmentEvents })
    .from(eventParticipants)
    .innerJoin(organisations, eq(organisations.id, eventParticipants.orgId))
    .innerJoin(recruitmentEvents, eq(recruitmentEvents.id, eventParticipants.eventId))
    .where(eq(eventParticipants.orgId, ctx.actor.orgId))
    .orderBy(desc(recruitmentEvents.startsAt))
    .limit(200);
  const vs = await views(ctx, rows);
  return {
    items: rows.map((r, i) => ({
      ...(vs[i] as NonNullable<(typeof vs)[number]>),
      event: {
        id: r.event.id,
        title: r.event.title,
        kind: r.event.kind,
        status: r.event.status,
        regionCode: r.event.regionCode,
        venue: r.event.venue,
        onlineUrl: r.event.onlineUrl,
        startsAt: r.event.startsAt.toISOString(),
        endsAt: r.event.endsAt.toISOString(),
      },
    })),
  };
}
