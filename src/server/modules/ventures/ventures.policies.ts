/**
 * "Which start-up policies apply to me" for one project: every published policy about a 创业项目 (subject
 * `venture`) for the owner's kind (talent → person policies, employer → organisation policies), judged by the
 * policies module's one engine (ADR 0014) on this project's facts — published, incubating, city, stage.
 */
import { and, eq } from 'drizzle-orm';
import { applicantFor, judge, judgementView, policies } from '../policies/index.js';
import { type ActorCtx, assertProjectOwner } from './ventures.projects.js';

export async function projectPolicies(ctx: ActorCtx, projectId: string) {
  const project = await assertProjectOwner(ctx, projectId);
  const rows = await ctx.db
    .select()
    .from(policies)
    .where(
      and(eq(policies.status, 'published'), eq(policies.subjectKind, 'venture'), eq(policies.applicantKind, project.ownerOrgId ? 'organisation' : 'person')),
    )
    .orderBy(policies.code);
  const items = [];
  for (const p of rows) {
    const applicant = await applicantFor(ctx, ctx.actor, p);
    if (!applicant) continue;
    items.push(judgementView(p, await judge(ctx, p, applicant, projectId)));
  }
  return { projectId, items };
}
