/** Who may use the talent pool: members of a verified employer. */
import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import { organisations } from '../organisations/organisations.tables.js';

export type ActorCtx = Ctx & { actor: Actor };

/** 403 TALENTPOOL_ORG_NOT_VERIFIED unless the actor's organisation is a verified employer; returns its id. */
export async function assertVerifiedEmployer(ctx: ActorCtx): Promise<string> {
  const orgId = ctx.actor.orgId;
  if (ctx.actor.role !== 'employer' || !orgId) throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'organisation' } });
  const [org] = await ctx.db.select({ status: organisations.status, kind: organisations.kind }).from(organisations).where(eq(organisations.id, orgId));
  if (org?.status !== 'verified' || org.kind !== 'employer')
    throw new AppError('TALENTPOOL_ORG_NOT_VERIFIED', { status: 403, params: { reason: 'organisation' } });
  return orgId;
}

/** Profiles an employer may find: opened to verified employers or public. Never private ones. */
export const OPEN_VISIBILITIES = ['employers', 'public'] as const;
