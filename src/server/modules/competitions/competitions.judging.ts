/**
 * Judges: officials assign reviewer accounts to a round (with the organisation each judge is affiliated
 * with); judges score blind (entry code, group, summary and materials only, never names, members or the
 * organisation) and never an entry of their own organisation (409 COMPETITIONS_JUDGE_CONFLICT, audited).
 */
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { type ScoreBody, weightedTotal } from '../../../shared/competitions.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import { assertInRegion } from '../access/region-scope.js';
import { record, recordAlone } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { materialsOf } from './competitions.entries.js';
import { inTransaction } from './competitions.service.js';
import { competitionEntries, competitionJudges, competitionRounds, competitionScores, competitions } from './competitions.tables.js';

type ActorCtx = Ctx & { actor: Actor };

/** 404 unless the round exists and lies in the official's region. */
export async function assertRoundManageable(ctx: ActorCtx, roundId: string): Promise<void> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(roundId)) throw new AppError('NOT_FOUND', { status: 404 });
  const [round] = await ctx.db.select({ regionCode: competitionRounds.regionCode }).from(competitionRounds).where(eq(competitionRounds.id, roundId));
  if (!round) throw new AppError('NOT_FOUND', { status: 404 });
  assertInRegion(ctx.actor, round.regionCode);
}

/** Official of the region: assign judges to a round (idempotent per judge). 404; 422 COMPETITIONS_JUDGE_NOT_REVIEWER. */
export async function assignJudges(ctx: ActorCtx, roundId: string, judges: { username: string; affiliationOrgId: string | null }[]) {
  return inTransaction(ctx, async (t) => {
    const [round] = await t.db.select().from(competitionRounds).where(eq(competitionRounds.id, roundId));
    if (!round) throw new AppError('NOT_FOUND', { status: 404 });
    assertInRegion(ctx.actor, round.regionCode);
    if (round.status === 'closed') throw new AppError('COMPETITIONS_NOT_EDITABLE', { status: 409 });
    const found = await t.db
      .select({ id: users.id, username: users.username, role: users.role, status: users.status, orgId: users.orgId })
      .from(users)
      .where(
        inArray(
          users.username,
          judges.map((j) => j.username),
        ),
      );
    for (const j of judges) {
      const u = found.find((x) => x.username === j.username);
      if (u?.role !== 'reviewer' || u.status !== 'active')
        throw new AppError('COMPETITIONS_JUDGE_NOT_REVIEWER', { status: 422, params: { username: j.username } });
      if (j.affiliationOrgId) {
        const [org] = await t.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, j.affiliationOrgId));
        if (!org) throw new AppError('NOT_FOUND', { status: 404, params: { field: 'affiliationOrgId' } });
      }
      await t.db
        .insert(competitionJudges)
        .values({ roundId, judgeUserId: u.id, affiliationOrgId: j.affiliationOrgId ?? u.orgId, assignedBy: ctx.actor.userId, assignedAt: ctx.now })
        .onConflictDoUpdate({ target: [competitionJudges.roundId, competitionJudges.judgeUserId], set: { affiliationOrgId: j.affiliationOrgId ?? u.orgId } });
      await record(t, {
        action: 'competition.judge_assign',
        objectType: 'competition_round',
        objectId: roundId,
        regionCode: round.regionCode,
        detail: { judge: u.id, affiliationOrgId: j.affiliationOrgId },
      });
    }
    return { assigned: judges.length };
  });
}

/** Judge: rounds assigned to me that are open for scoring, with the blind entries and my sheets. */
export async function myJudging(ctx: ActorCtx) {
  const assigned = await ctx.db
    .select({
      round: competitionRounds,
      affiliation: competitionJudges.affiliationOrgId,
      title: competitions.title,
      criteria: competitions.criteria,
      groups: competitions.groups,
      categories: competitions.categories,
    })
    .from(competitionJudges)
    .innerJoin(competitionRounds, eq(competitionRounds.id, competitionJudges.roundId))
    .innerJoin(competitions, eq(competitions.id, competitionRounds.competitionId))
    .where(and(eq(competitionJudges.judgeUserId, ctx.actor.userId), eq(competitionRounds.status, 'scoring')))
    .orderBy(asc(competitions.title), asc(competitionRounds.seq));
  const out = [];
  for (const a of assigned) {
    const entries = await ctx.db
      .select({
        id: competitionEntries.id,
        code: competitionEntries.code,
        groupCode: competitionEntries.groupCode,
        categoryCode: competitionEntries.categoryCode,
        summary: competitionEntries.summary,
        orgId: competitionEntries.orgId,
      })
      .from(competitionEntries)
      .where(
        and(
          eq(competitionEntries.competitionId, a.round.competitionId),
          eq(competitionEntries.status, 'registered'),
          gte(competitionEntries.reachedSeq, a.round.seq),
        ),
      )
      .orderBy(asc(competitionEntries.code));
    const sheets = await ctx.db
      .select({ entryId: competitionScores.entryId, scores: competitionScores.scores, total: competitionScores.total })
      .from(competitionScores)
      .where(and(eq(competitionScores.roundId, a.round.id), eq(competitionScores.judgeUserId, ctx.actor.userId)));
    const mats = await materialsOf(
      ctx,
      entries.map((e) => e.id),
    );
    out.push({
      roundId: a.round.id,
      competitionTitle: a.title,
      roundKind: a.round.kind,
      criteria: a.criteria,
      entries: entries.map((e) => {
        const conflict = !!e.orgId && e.orgId === a.affiliation;
        const sheet = sheets.find((s) => s.entryId === e.id);
        return {
          id: e.id,
          code: e.code,
          group: a.groups.find((g) => g.code === e.groupCode)?.name ?? e.groupCode,
          category: a.categories.find((g) => g.code === e.categoryCode)?.name ?? null,
          conflict,
          summary: conflict ? '' : e.summary,
          materials: conflict ? [] : mats.filter((m) => m.entryId === e.id).map(({ entryId: _e, ...m }) => m),
          myScores: sheet?.scores ?? null,
          myTotal: sheet?.total ?? null,
        };
      }),
    });
  }
  return { rounds: out };
}

/** Judge: submit (or revise while the round is scoring) a sheet. 404; 409 conflict / not scoring; 422 incomplete. */
export async function submitScore(ctx: ActorCtx, roundId: string, entryId: string, body: ScoreBody) {
  const [judge] = await ctx.db
    .select({ affiliation: competitionJudges.affiliationOrgId })
    .from(competitionJudges)
    .where(and(eq(competitionJudges.roundId, roundId), eq(competitionJudges.judgeUserId, ctx.actor.userId)));
  if (!judge) throw new AppError('COMPETITIONS_NOT_JUDGE', { status: 403 });
  // the conflict is decided before the transaction (an entry's organisation never changes), so the refusal is audited on its own
  const [pre] = await ctx.db
    .select({ orgId: competitionEntries.orgId, regionCode: competitionEntries.regionCode })
    .from(competitionEntries)
    .where(eq(competitionEntries.id, entryId));
  if (pre?.orgId && pre.orgId === judge.affiliation) {
    await recordAlone(ctx, {
      action: 'competition.score',
      objectType: 'competition_entry',
      objectId: entryId,
      regionCode: pre.regionCode,
      result: 'denied',
      detail: { reason: 'conflict', roundId },
    });
    throw new AppError('COMPETITIONS_JUDGE_CONFLICT', { status: 409 });
  }
  return inTransaction(ctx, async (t) => {
    const [round] = await t.db.select().from(competitionRounds).where(eq(competitionRounds.id, roundId)).for('share');
    if (!round) throw new AppError('NOT_FOUND', { status: 404 });
    if (round.status !== 'scoring') throw new AppError('COMPETITIONS_ROUND_NOT_SCORING', { status: 409 });
    const [entry] = await t.db.select().from(competitionEntries).where(eq(competitionEntries.id, entryId));
    if (!entry || entry.competitionId !== round.competitionId) throw new AppError('NOT_FOUND', { status: 404 });
    if (entry.status !== 'registered' || entry.reachedSeq < round.seq) throw new AppError('COMPETITIONS_ENTRY_NOT_IN_ROUND', { status: 409 });
    const [c] = await t.db.select({ criteria: competitions.criteria }).from(competitions).where(eq(competitions.id, round.competitionId));
    const criteria = c?.criteria ?? [];
    const keys = Object.keys(body.scores);
    if (criteria.some((x) => body.scores[x.code] === undefined) || keys.some((k) => !criteria.some((x) => x.code === k)))
      throw new AppError('COMPETITIONS_SCORES_INCOMPLETE', { status: 422 });
    const total = weightedTotal(criteria, body.scores);
    await t.db
      .insert(competitionScores)
      .values({ roundId, entryId, judgeUserId: ctx.actor.userId, scores: body.scores, total, submittedAt: ctx.now })
      .onConflictDoUpdate({
        target: [competitionScores.roundId, competitionScores.entryId, competitionScores.judgeUserId],
        set: { scores: body.scores, total, submittedAt: ctx.now },
      });
    await record(t, {
      action: 'competition.score',
      objectType: 'competition_entry',
      objectId: entryId,
      regionCode: entry.regionCode,
      detail: { roundId, total },
    });
    return { entryId, total };
  });
}
