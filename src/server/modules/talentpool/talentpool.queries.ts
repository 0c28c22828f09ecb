/**
 * Reads of invitations: the talent's own list and the employer's sent list (talent masked). The real
 * name and phone reach an employer only through revealContact (talentpool.service.ts), after acceptance.
 */
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { InvitationListQuery } from '../../../shared/talentpool.js';
import type { Ctx } from '../../context.js';
import { users } from '../auth/auth.tables.js';
import { jobPostings } from '../jobs/index.js';
import { organisations } from '../organisations/organisations.tables.js';
import { talentProfiles } from '../profiles/index.js';
import type { ActorCtx } from './talentpool.access.js';
import { talentInvitations as ti } from './talentpool.tables.js';
import { invitationView, invitedTalent } from './talentpool.views.js';

const withRefs = { row: ti, orgName: organisations.name, jobTitle: jobPostings.title, jobStatus: jobPostings.status };

function base(ctx: Ctx) {
  return ctx.db.select(withRefs).from(ti).innerJoin(organisations, eq(organisations.id, ti.orgId)).leftJoin(jobPostings, eq(jobPostings.id, ti.jobId));
}

/** One invitation as a party sees it; 404 for anyone else. */
export async function invitationDetail(ctx: ActorCtx, id: string) {
  const [found] = await base(ctx).where(eq(ti.id, id));
  if (!found) throw new AppError('NOT_FOUND', { status: 404 });
  const { row, ...refs } = found;
  const mayRead =
    (ctx.actor.role === 'talent' && ctx.actor.userId === row.talentId) ||
    (ctx.actor.role === 'employer' && ctx.actor.orgId !== null && ctx.actor.orgId === row.orgId);
  if (!mayRead) throw new AppError('NOT_FOUND', { status: 404 });
  return invitationView(row, refs, ctx.actor, ctx.now);
}

/** GET /invitations/mine: the talent's invitations, newest first. */
export async function listMyInvitations(ctx: ActorCtx, q: InvitationListQuery) {
  const where: SQL | undefined = and(eq(ti.talentId, ctx.actor.userId), q.status ? eq(ti.status, q.status) : undefined);
  const [rows, [total]] = await Promise.all([
    base(ctx)
      .where(where)
      .orderBy(desc(ti.sentAt), ti.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(ti).where(where),
  ]);
  return { items: rows.map(({ row, ...refs }) => invitationView(row, refs, ctx.actor, ctx.now)), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** GET /invitations/sent: the organisation's invitations, newest first, talent masked. */
export async function listSentInvitations(ctx: ActorCtx, q: InvitationListQuery) {
  const where: SQL | undefined = and(eq(ti.orgId, ctx.actor.orgId ?? '00000000-0000-0000-0000-000000000000'), q.status ? eq(ti.status, q.status) : undefined);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ ...withRefs, displayName: users.displayName, education: talentProfiles.education, skills: talentProfiles.skills })
      .from(ti)
      .innerJoin(organisations, eq(organisations.id, ti.orgId))
      .leftJoin(jobPostings, eq(jobPostings.id, ti.jobId))
      .innerJoin(users, eq(users.id, ti.talentId))
      .leftJoin(talentProfiles, eq(talentProfiles.userId, ti.talentId))
      .where(where)
      .orderBy(desc(ti.sentAt), ti.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(ti).where(where),
  ]);
  const items = rows.map(({ row, orgName, jobTitle, jobStatus, displayName, education, skills }) => ({
    ...invitationView(row, { orgName, jobTitle, jobStatus }, ctx.actor, ctx.now),
    talentId: row.talentId,
    talent: invitedTalent(
      displayName,
      (education ?? []).map((e) => e.educationCode),
      skills ?? [],
    ),
  }));
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
