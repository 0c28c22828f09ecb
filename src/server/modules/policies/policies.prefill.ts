/**
 * 免申即享 (task `policies.prefill`): for every published person policy marked auto-grant, the people
 * the platform already knows to be eligible — a valid certificate for a catalogue occupation with the
 * insurance condition met, or a completed subsidised class — get a prefilled claim; they confirm it with
 * one action (the payee account). Idempotent: the one-claim unique index makes a rerun add nothing.
 * Runs hourly (main.ts) and on demand (`POST /api/policies/prefill`, officials); `{ userId }` limits it
 * to one person (e.g. right after a certificate is issued).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import { users } from '../auth/auth.tables.js';
import { certificates } from '../certificates/certificates.tables.js';
import type { TaskHandler } from '../tasks/tasks.runner.js';
import { trainingEnrolments } from '../training/training.tables.js';
import { createPrefilledClaim } from './policies.claims.js';
import { eligibleCandidates } from './policies.eligibility.js';
import { gatherPersonFacts } from './policies.facts.js';
import { policies } from './policies.tables.js';

export const POLICIES_PREFILL_TASK = 'policies.prefill';

/** People with at least one valid certificate or completed class (the only ones who can qualify). */
async function candidatesPeople(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.db
    .selectDistinct({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, 'talent'),
        eq(users.status, 'active'),
        sql`(exists (select 1 from ${certificates} c where c.holder_user_id = ${users.id} and c.status = 'valid')
          or exists (select 1 from ${trainingEnrolments} e where e.talent_id = ${users.id} and e.status = 'completed'))`,
      ),
    );
  return rows.map((r) => r.id);
}

export async function prefillClaims(
  ctx: Ctx,
  onlyUserId?: string,
  report?: (done: number, total: number) => Promise<void>,
): Promise<{ people: number; created: number }> {
  const auto = await ctx.db
    .select()
    .from(policies)
    .where(and(eq(policies.status, 'published'), eq(policies.autoGrant, true), eq(policies.applicantKind, 'person')));
  if (auto.length === 0) return { people: 0, created: 0 };
  const people = onlyUserId ? [onlyUserId] : await candidatesPeople(ctx);
  let created = 0;
  for (const [i, userId] of people.entries()) {
    for (const policy of auto) {
      const applicant = await gatherPersonFacts(ctx, policy, userId);
      for (const j of await eligibleCandidates(ctx, policy, applicant)) if (await createPrefilledClaim(ctx, policy, j)) created++;
    }
    if (report && i % 50 === 49) await report(i + 1, people.length);
  }
  return { people: people.length, created };
}

/**
 * Queues the prefill for people who may just have become eligible (certificates issued, a class
 * completed), so the claim is waiting the same day rather than at the next hourly run. Call it after
 * the transaction that changed their records has committed: the task reads them from another connection.
 */
export async function queuePrefill(ctx: Ctx, userIds: readonly string[]): Promise<void> {
  for (const userId of new Set(userIds)) await ctx.platform.tasks.enqueue(ctx, POLICIES_PREFILL_TASK, { userId });
}

export const prefillTask: TaskHandler = async (ctx, params, report) => {
  const userId = typeof params.userId === 'string' ? params.userId : undefined;
  const result = await prefillClaims(ctx, userId, (done, total) => report(done, total));
  await report(result.people, result.people, `created ${result.created}`);
  return result;
};
