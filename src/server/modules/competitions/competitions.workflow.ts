/**
 * How the competition workflows (src/shared/competitions.ts) bind to their tables. Region scope for
 * officials is checked by applyTransition; the guards add the preconditions (previous round closed,
 * every round closed before results) and the `after` hooks the side effects (ranking on close, awards on publication).
 */
import { and, eq, lt, ne } from 'drizzle-orm';
import {
  type CompetitionAction,
  type CompetitionStatus,
  competitionWorkflow,
  type EntryStatus,
  entryWorkflow,
  type RoundAction,
  type RoundStatus,
  roundWorkflow,
} from '../../../shared/competitions.js';
import { AppError } from '../../../shared/errors.js';
import type { WorkflowBinding } from '../workflow/workflow.service.js';
import { closeRound, giveAwards } from './competitions.results.js';
import {
  type CompetitionEntryRow,
  type CompetitionRoundRow,
  type CompetitionRow,
  competitionEntries,
  competitionRounds,
  competitions,
} from './competitions.tables.js';

export function competitionBinding(action: string): WorkflowBinding<CompetitionStatus, CompetitionAction, CompetitionRow> {
  return {
    workflow: competitionWorkflow,
    table: competitions,
    async guard(ctx, row, a) {
      if (a !== 'publish_results') return;
      const open = await ctx.db
        .select({ id: competitionRounds.id })
        .from(competitionRounds)
        .where(and(eq(competitionRounds.competitionId, row.id), ne(competitionRounds.status, 'closed')));
      if (open.length > 0) throw new AppError('COMPETITIONS_ROUNDS_OPEN', { status: 409 });
    },
    async after(ctx, row, a) {
      if (a === 'publish_results') await giveAwards(ctx, row);
    },
    extraSet(ctx) {
      return { updatedAt: ctx.now, ...(action === 'publish_results' ? { resultsPublishedAt: ctx.now } : {}) };
    },
  };
}

export const roundBinding: WorkflowBinding<RoundStatus, RoundAction, CompetitionRoundRow> = {
  workflow: roundWorkflow,
  table: competitionRounds,
  async guard(ctx, row, a) {
    if (a !== 'open_scoring') return;
    const [c] = await ctx.db.select({ status: competitions.status }).from(competitions).where(eq(competitions.id, row.competitionId));
    if (c?.status !== 'judging') throw new AppError('WORKFLOW_TRANSITION_NOT_ALLOWED', { status: 409, params: { status: c?.status, action: a, allowed: [] } });
    const earlier = await ctx.db
      .select({ id: competitionRounds.id })
      .from(competitionRounds)
      .where(and(eq(competitionRounds.competitionId, row.competitionId), lt(competitionRounds.seq, row.seq), ne(competitionRounds.status, 'closed')));
    if (earlier.length > 0) throw new AppError('COMPETITIONS_PREVIOUS_ROUND_OPEN', { status: 409 });
  },
  async after(ctx, row, a) {
    if (a === 'close') await closeRound(ctx, row);
  },
};

export const entryBinding: WorkflowBinding<EntryStatus, 'withdraw' | 'disqualify', CompetitionEntryRow> = {
  workflow: entryWorkflow,
  table: competitionEntries,
  guard(ctx, row) {
    if (ctx.actor.role !== 'official' && ctx.actor.userId !== row.leaderUserId) throw new AppError('NOT_FOUND', { status: 404 });
  },
  extraSet(ctx) {
    return { updatedAt: ctx.now };
  },
};
