/**
 * 人才邀约: a verified employer invites a talent from the pool to one of its live postings (or to talk);
 * the talent accepts (optionally applying to the job in the same step) or declines; the employer may
 * withdraw; unanswered invitations expire. Only after acceptance may that employer reveal the talent's
 * real name and phone, audited as a personal-information reveal. Every write commits with its audit record.
 */
import { and, count, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { JobStatus } from '../../../shared/jobs.js';
import {
  type CreateInvitation,
  INVITATION_EXPIRY_DAYS,
  type InvitationTransitionBody,
  invitationWorkflow,
  TALENTPOOL_DAILY_INVITATION_LIMIT,
} from '../../../shared/talentpool.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { openValue } from '../account/pi.js';
import { submitApplication } from '../applications/index.js';
import { record } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { chinaDate, jobPostings } from '../jobs/index.js';
import { organisations } from '../organisations/organisations.tables.js';
import { talentProfiles } from '../profiles/index.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import { type ActorCtx, assertVerifiedEmployer, OPEN_VISIBILITIES } from './talentpool.access.js';
import { invitationDetail } from './talentpool.queries.js';
import { talentInvitations as ti } from './talentpool.tables.js';
import { assertParty, invitationBinding } from './talentpool.workflow.js';

const DAY_MS = 86_400_000;
const NO_JOB = '00000000-0000-0000-0000-000000000000';

function inTransaction<T>(ctx: ActorCtx, fn: (t: ActorCtx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

/** Midnight (China time) of the day `now` falls on. */
export function chinaDayStart(now: Date): Date {
  return new Date(`${chinaDate(now)}T00:00:00+08:00`);
}

/** The talent must be in the pool for this employer: an active talent whose profile is open. */
async function poolTalent(t: ActorCtx, talentId: string) {
  const [found] = await t.db
    .select({ regionCode: talentProfiles.regionCode })
    .from(talentProfiles)
    .innerJoin(users, eq(users.id, talentProfiles.userId))
    .where(
      and(
        eq(talentProfiles.userId, talentId),
        inArray(talentProfiles.visibility, [...OPEN_VISIBILITIES]),
        eq(users.status, 'active'),
        eq(users.role, 'talent'),
      ),
    );
  if (!found) throw new AppError('NOT_FOUND', { status: 404, params: { field: 'talentId' } });
  return found;
}

/** One of the organisation's live postings (published, within its dates). */
async function liveOwnJob(t: ActorCtx, orgId: string, jobId: string) {
  const [job] = await t.db
    .select({ status: jobPostings.status, validFrom: jobPostings.validFrom, validUntil: jobPostings.validUntil })
    .from(jobPostings)
    .where(and(eq(jobPostings.id, jobId), eq(jobPostings.orgId, orgId)));
  if (!job) throw new AppError('NOT_FOUND', { status: 404, params: { field: 'jobId' } });
  const today = chinaDate(t.now);
  if (job.status !== JobStatus.enum.published || job.validFrom > today || job.validUntil < today)
    throw new AppError('TALENTPOOL_JOB_NOT_OPEN', { status: 409, params: { field: 'jobId' } });
}

/**
 * 201 { invitation, created: true }, or 200 { invitation, created: false } when the same open invitation
 * exists (sending is idempotent). 403 TALENTPOOL_ORG_NOT_VERIFIED; 404 talent not in the pool / not an own
 * posting; 409 TALENTPOOL_JOB_NOT_OPEN; 429 TALENTPOOL_DAILY_LIMIT {limit}.
 */
export async function sendInvitation(ctx: ActorCtx, input: CreateInvitation) {
  const orgId = await assertVerifiedEmployer(ctx);
  const result = await inTransaction(ctx, async (t) => {
    // the organisation row serialises its senders, so the daily count cannot be raced past
    await t.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, orgId)).for('update');
    const talent = await poolTalent(t, input.talentId);
    if (input.jobId) await liveOwnJob(t, orgId, input.jobId);
    const [open] = await t.db
      .select({ id: ti.id })
      .from(ti)
      .where(
        and(
          eq(ti.orgId, orgId),
          eq(ti.talentId, input.talentId),
          eq(ti.status, 'sent'),
          sql`coalesce(${ti.jobId}, ${NO_JOB}::uuid) = ${input.jobId ?? NO_JOB}::uuid`,
        ),
      );
    if (open) return { id: open.id, created: false };
    const [today] = await t.db
      .select({ n: count() })
      .from(ti)
      .where(and(eq(ti.orgId, orgId), gte(ti.sentAt, chinaDayStart(ctx.now))));
    if ((today?.n ?? 0) >= TALENTPOOL_DAILY_INVITATION_LIMIT)
      throw new AppError('TALENTPOOL_DAILY_LIMIT', { status: 429, params: { limit: TALENTPOOL_DAILY_INVITATION_LIMIT } });
    const [row] = await t.db
      .insert(ti)
      .values({
        orgId,
        senderId: ctx.actor.userId,
        talentId: input.talentId,
        jobId: input.jobId,
        regionCode: talent.regionCode,
        status: invitationWorkflow.initial,
        message: input.message,
        sentAt: ctx.now,
        expiresAt: new Date(ctx.now.getTime() + INVITATION_EXPIRY_DAYS * DAY_MS),
        updatedAt: ctx.now,
      })
      .returning({ id: ti.id });
    if (!row) throw new AppError('INTERNAL', { status: 500 });
    await record(t, {
      action: 'invitation.send',
      objectType: 'invitation',
      objectId: row.id,
      regionCode: talent.regionCode,
      detail: { orgId, jobId: input.jobId },
    });
    return { id: row.id, created: true };
  });
  return { invitation: await invitationDetail(ctx, result.id), created: result.created };
}

/**
 * accept / decline (talent), withdraw (employer). `apply: true` with accept also applies to the job with
 * the profile, in the same transaction (an application that cannot be made leaves the invitation unanswered).
 */
export async function transitionInvitation(ctx: ActorCtx, id: string, action: string, body: InvitationTransitionBody) {
  await inTransaction(ctx, async (t) => {
    const row = await applyTransition(t, invitationBinding(action), id, action, { reason: body.reason });
    if (action !== 'accept' || !body.apply || !row.jobId) return;
    const application = await submitApplication(t, { jobId: row.jobId, coverNote: undefined });
    await t.db.update(ti).set({ applicationId: application.id }).where(eq(ti.id, id));
  });
  return invitationDetail(ctx, id);
}

/** POST /invitations/:id/contact: the talent's real name and phone, for the inviting organisation after acceptance only. */
export async function revealContact(ctx: ActorCtx, id: string) {
  if (ctx.actor.role !== 'employer') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
  const [row] = await ctx.db.select().from(ti).where(eq(ti.id, id));
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  assertParty(ctx.actor, row);
  if (row.status !== 'accepted') throw new AppError('TALENTPOOL_CONTACT_LOCKED', { status: 409, params: { status: row.status } });
  const [talent] = await ctx.db
    .select({ displayName: users.displayName, phoneEnc: users.phoneEnc, status: users.status })
    .from(users)
    .where(eq(users.id, row.talentId));
  if (talent?.status !== 'active') throw new AppError('NOT_FOUND', { status: 404 });
  await inTransaction(ctx, (t) =>
    record(t, {
      action: 'invitation.contact_reveal',
      objectType: 'user',
      objectId: row.talentId,
      regionCode: row.regionCode,
      detail: { invitationId: id, orgId: row.orgId, fields: ['name', 'phone'] },
    }),
  );
  return { name: talent.displayName, phone: openValue(ctx.platform.keys, talent.phoneEnc) };
}

/** Hourly: invitations still `sent` past their expiry become `expired` (workflow event and audit entry each). */
export async function expireInvitations(ctx: Ctx): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx as unknown as Db };
    const rows = await t.db
      .update(ti)
      .set({ status: invitationWorkflow.transitions.expire.to, updatedAt: ctx.now })
      .where(and(eq(ti.status, 'sent'), lte(ti.expiresAt, ctx.now)))
      .returning({ id: ti.id, regionCode: ti.regionCode });
    if (rows.length === 0) return 0;
    await t.db.insert(workflowEvents).values(
      rows.map((r) => ({
        workflow: invitationWorkflow.name,
        entityId: r.id,
        action: 'expire',
        fromState: 'sent',
        toState: 'expired',
        actorId: null,
        actorRole: null,
        reason: null,
        requestId: ctx.requestId,
        at: ctx.now,
      })),
    );
    for (const r of rows)
      await record(t, {
        action: 'invitation.expire',
        objectType: 'invitation',
        objectId: r.id,
        regionCode: r.regionCode,
        detail: { from: 'sent', to: 'expired' },
      });
    return rows.length;
  });
}
