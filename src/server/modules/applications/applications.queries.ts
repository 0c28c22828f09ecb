/**
 * Reads of applications: the talent's own list, the employer's received list and one application
 * (the employer's first opening marks it `viewed`). Anyone else gets 404; officials read in their region.
 */
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { ApplicationStatus, applicationWorkflow, type ReceivedQuery } from '../../../shared/applications.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import { assertInRegion } from '../access/region-scope.js';
import { recordAlone } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { jobPostings } from '../jobs/index.js';
import { organisations } from '../organisations/organisations.tables.js';
import { talentProfiles } from '../profiles/index.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import { type JobApplicationRow, jobApplications } from './applications.tables.js';
import { applicantSummary, applicationView } from './applications.views.js';
import { applicationBinding } from './applications.workflow.js';

type ActorCtx = Ctx & { actor: Actor };

const withJob = { row: jobApplications, jobTitle: jobPostings.title, orgName: organisations.name };

async function loadOne(ctx: Ctx, id: string) {
  const [found] = await ctx.db
    .select(withJob)
    .from(jobApplications)
    .innerJoin(jobPostings, eq(jobPostings.id, jobApplications.jobId))
    .innerJoin(organisations, eq(organisations.id, jobApplications.orgId))
    .where(eq(jobApplications.id, id));
  if (!found) throw new AppError('NOT_FOUND', { status: 404 });
  return found;
}

/** The talent who applied, the posting's employer and officials of the region; 404 for anyone else. */
function assertMayRead(actor: Actor, row: JobApplicationRow) {
  if (actor.role === 'official') return assertInRegion(actor, row.regionCode);
  if (actor.role === 'talent' && actor.userId === row.talentId) return;
  if ((actor.role === 'employer' || actor.role === 'agency') && actor.orgId !== null && actor.orgId === row.orgId) return;
  throw new AppError('NOT_FOUND', { status: 404 });
}

/** Histories of several applications, oldest event first. */
async function histories(ctx: Ctx, ids: string[]) {
  const out = new Map<string, { action: string; fromState: string; toState: string; actorRole: string | null; reason: string | null; at: string }[]>();
  if (ids.length === 0) return out;
  const rows = await ctx.db
    .select()
    .from(workflowEvents)
    .where(and(eq(workflowEvents.workflow, applicationWorkflow.name), inArray(workflowEvents.entityId, ids)))
    .orderBy(workflowEvents.id);
  for (const r of rows) {
    const list = out.get(r.entityId) ?? [];
    list.push({ action: r.action, fromState: r.fromState, toState: r.toState, actorRole: r.actorRole, reason: r.reason, at: r.at.toISOString() });
    out.set(r.entityId, list);
  }
  return out;
}

async function applicantOf(ctx: Ctx, talentId: string) {
  const [found] = await ctx.db
    .select({ displayName: users.displayName, profile: talentProfiles })
    .from(users)
    .leftJoin(talentProfiles, eq(talentProfiles.userId, users.id))
    .where(eq(users.id, talentId));
  return applicantSummary(found?.displayName ?? '', found?.profile ?? null);
}

/** One application as the actor may see it, with its history (and the masked applicant for employers and officials). */
export async function applicationDetail(ctx: ActorCtx, id: string) {
  const { row, jobTitle, orgName } = await loadOne(ctx, id);
  assertMayRead(ctx.actor, row);
  const history = (await histories(ctx, [id])).get(id) ?? [];
  const view = { ...applicationView(row, { jobTitle, orgName }, ctx.actor, ctx.now), history };
  if (ctx.actor.role === 'talent') return { ...view, applicant: null };
  return { ...view, applicant: await applicantOf(ctx, row.talentId) };
}

/** GET /:id. The employer's first opening takes the `view` step; reads by employers and officials are audited. */
export async function getApplication(ctx: ActorCtx, id: string) {
  const { row } = await loadOne(ctx, id);
  assertMayRead(ctx.actor, row);
  if ((ctx.actor.role === 'employer' || ctx.actor.role === 'agency') && row.status === ApplicationStatus.enum.submitted) {
    await applyTransition(ctx, applicationBinding('view'), id, 'view');
  }
  if (ctx.actor.role !== 'talent') {
    await recordAlone(ctx, { action: 'application.read', objectType: 'application', objectId: id, regionCode: row.regionCode });
  }
  return applicationDetail(ctx, id);
}

/** The talent's applications, newest first (at most 200), each with its history and `stale` flag. */
export async function listMyApplications(ctx: ActorCtx) {
  const rows = await ctx.db
    .select(withJob)
    .from(jobApplications)
    .innerJoin(jobPostings, eq(jobPostings.id, jobApplications.jobId))
    .innerJoin(organisations, eq(organisations.id, jobApplications.orgId))
    .where(eq(jobApplications.talentId, ctx.actor.userId))
    .orderBy(desc(jobApplications.submittedAt), jobApplications.id)
    .limit(200);
  const byId = await histories(
    ctx,
    rows.map((r) => r.row.id),
  );
  return {
    items: rows.map(({ row, jobTitle, orgName }) => ({ ...applicationView(row, { jobTitle, orgName }, ctx.actor, ctx.now), history: byId.get(row.id) ?? [] })),
  };
}

/** Applications to the employer's postings, newest first, each with the masked applicant summary. */
export async function listReceivedApplications(ctx: ActorCtx, q: ReceivedQuery) {
  const where: SQL | undefined = and(
    eq(jobApplications.orgId, ctx.actor.orgId ?? '00000000-0000-0000-0000-000000000000'),
    q.jobId ? eq(jobApplications.jobId, q.jobId) : undefined,
    q.status ? eq(jobApplications.status, q.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ ...withJob, displayName: users.displayName, profile: talentProfiles })
      .from(jobApplications)
      .innerJoin(jobPostings, eq(jobPostings.id, jobApplications.jobId))
      .innerJoin(organisations, eq(organisations.id, jobApplications.orgId))
      .innerJoin(users, eq(users.id, jobApplications.talentId))
      .leftJoin(talentProfiles, eq(talentProfiles.userId, jobApplications.talentId))
      .where(where)
      .orderBy(desc(jobApplications.submittedAt), jobApplications.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(jobApplications).where(where),
  ]);
  const items = rows.map(({ row, jobTitle, orgName, displayName, profile }) => ({
    ...applicationView(row, { jobTitle, orgName }, ctx.actor, ctx.now),
    applicant: applicantSummary(displayName, profile),
  }));
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
