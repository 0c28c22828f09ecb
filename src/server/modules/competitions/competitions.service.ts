/**
 * 竞赛: officials create and run competitions of their region (rounds, criteria, aggregation and awards as
 * data); anyone reads published ones. Status changes go through applyTransition; every write is audited.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { allowedActions } from '../../../shared/workflow.js';
import { competitionWorkflow, type CreateCompetition, PUBLIC_COMPETITION_STATUSES, roundWorkflow } from '../../../shared/competitions.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion, inRegion, regionContains, regionFilter } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { getRegion } from '../catalog/index.js';
import { occupations } from '../catalog/catalog.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { resultTables } from './competitions.results.js';
import { type CompetitionRow, competitionEntries, competitionJudges, competitionRounds, competitions } from './competitions.tables.js';
import { competitionBinding, entryBinding, roundBinding } from './competitions.workflow.js';

type ActorCtx = Ctx & { actor: Actor };

export function inTransaction<T>(ctx: ActorCtx, fn: (t: ActorCtx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

function summary(c: CompetitionRow, actor: Actor | null, now: Date) {
  return {
    id: c.id,
    kind: c.kind,
    title: c.title,
    organiser: c.organiser,
    regionCode: c.regionCode,
    status: c.status,
    registrationDeadline: c.registrationDeadline.toISOString(),
    registrationOpen: c.status === 'published' && c.registrationDeadline.getTime() >= now.getTime(),
    resultsPublishedAt: c.resultsPublishedAt?.toISOString() ?? null,
    allowedActions: actor?.role === 'official' && inRegion(actor, c.regionCode) ? allowedActions(competitionWorkflow, c.status as never, [actor.role]) : [],
  };
}

/** Official: a new draft with its rounds. 201; 400 CATALOG_UNKNOWN_CODE; 403 FORBIDDEN_REGION. */
export async function createCompetition(ctx: ActorCtx, input: CreateCompetition) {
  await getRegion(ctx, input.regionCode);
  if (!regionContains(ctx.actor.regionCode, input.regionCode)) throw new AppError('FORBIDDEN_REGION', { status: 403, params: { field: 'regionCode' } });
  if (input.occupationCode) {
    const [occ] = await ctx.db
      .select({ code: occupations.code })
      .from(occupations)
      .where(and(eq(occupations.code, input.occupationCode), eq(occupations.level, 4)));
    if (!occ) throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: 'occupationCode' } });
  }
  const id = await inTransaction(ctx, async (t) => {
    const [row] = await t.db
      .insert(competitions)
      .values({
        kind: input.kind,
        title: input.title,
        organiser: input.organiser,
        regionCode: input.regionCode,
        description: input.description,
        registrationDeadline: new Date(input.registrationDeadline),
        groups: input.groups,
        categories: input.categories,
        criteria: input.criteria,
        aggregation: input.aggregation,
        awards: input.awards,
        rules: input.rules,
        occupationCode: input.occupationCode,
        levelCode: input.levelCode,
        provincialManaged: input.provincialManaged,
        status: competitionWorkflow.initial,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: competitions.id });
    if (!row) throw new AppError('INTERNAL', { status: 500 });
    await t.db.insert(competitionRounds).values(
      input.rounds.map((r, i) => ({
        competitionId: row.id,
        seq: i + 1,
        kind: r.kind,
        advanceCount: i < input.rounds.length - 1 ? r.advanceCount : null,
        regionCode: input.regionCode,
        status: roundWorkflow.initial,
      })),
    );
    await record(t, { action: 'competition.create', objectType: 'competition', objectId: row.id, regionCode: input.regionCode, detail: { kind: input.kind } });
    return row.id;
  });
  return getCompetition(ctx, id);
}

/** Public list (published and later), newest first; ?kind. */
export async function listPublicCompetitions(ctx: Ctx, q: { kind?: string | undefined }) {
  const rows = await ctx.db
    .select()
    .from(competitions)
    .where(and(inArray(competitions.status, [...PUBLIC_COMPETITION_STATUSES]), q.kind ? eq(competitions.kind, q.kind) : undefined))
    .orderBy(desc(competitions.createdAt))
    .limit(100);
  return { items: rows.map((c) => summary(c, ctx.actor, ctx.now)) };
}

/** Official: every competition of the region, any status. */
export async function listManagedCompetitions(ctx: ActorCtx) {
  const rows = await ctx.db
    .select()
    .from(competitions)
    .where(regionFilter(ctx.actor, competitions.regionCode))
    .orderBy(desc(competitions.createdAt))
    .limit(200);
  return { items: rows.map((c) => summary(c, ctx.actor, ctx.now)) };
}

async function loadCompetition(db: Db, id: string) {
  const [c] = await db.select().from(competitions).where(eq(competitions.id, id));
  if (!c) throw new AppError('NOT_FOUND', { status: 404 });
  return c;
}

/** A public competition to anyone (with results once published); drafts and cancelled ones to officials of the region. */
export async function getCompetition(ctx: Ctx, id: string) {
  const c = await loadCompetition(ctx.db, id);
  const manages = ctx.actor?.role === 'official' && inRegion(ctx.actor, c.regionCode);
  if (!(PUBLIC_COMPETITION_STATUSES as readonly string[]).includes(c.status) && !manages) throw new AppError('NOT_FOUND', { status: 404 });
  const rounds = await ctx.db.select().from(competitionRounds).where(eq(competitionRounds.competitionId, id)).orderBy(asc(competitionRounds.seq));
  const [entryCount] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(competitionEntries)
    .where(and(eq(competitionEntries.competitionId, id), eq(competitionEntries.status, 'registered')));
  return {
    ...summary(c, ctx.actor, ctx.now),
    description: c.description,
    groups: c.groups,
    categories: c.categories,
    criteria: c.criteria,
    aggregation: c.aggregation,
    awards: c.awards,
    rules: c.rules,
    occupationCode: c.occupationCode,
    levelCode: c.levelCode,
    provincialManaged: c.provincialManaged,
    entryCount: Number(entryCount?.n ?? 0),
    rounds: rounds.map((r) => ({
      id: r.id,
      seq: r.seq,
      kind: r.kind,
      status: r.status,
      advanceCount: r.advanceCount,
      allowedActions: manages && ctx.actor ? allowedActions(roundWorkflow, r.status as never, [ctx.actor.role]) : [],
    })),
    results: c.status === 'results_published' ? await resultTables(ctx.db, c) : null,
  };
}

/**
 * Official of the region: entries with teams and organisations, judges per round with scoring progress,
 * and the rankings of closed rounds (also before publication).
 */
export async function manageCompetition(ctx: ActorCtx, id: string) {
  const c = await loadCompetition(ctx.db, id);
  assertInRegion(ctx.actor, c.regionCode);
  const entries = await ctx.db
    .select({
      id: competitionEntries.id,
      code: competitionEntries.code,
      name: competitionEntries.name,
      groupCode: competitionEntries.groupCode,
      categoryCode: competitionEntries.categoryCode,
      status: competitionEntries.status,
      reachedSeq: competitionEntries.reachedSeq,
      memberCount: sql<number>`jsonb_array_length(${competitionEntries.memberIds})::int`,
      orgName: organisations.name,
    })
    .from(competitionEntries)
    .leftJoin(organisations, eq(organisations.id, competitionEntries.orgId))
    .where(eq(competitionEntries.competitionId, id))
    .orderBy(asc(competitionEntries.code));
  const rounds = await ctx.db.select().from(competitionRounds).where(eq(competitionRounds.competitionId, id)).orderBy(asc(competitionRounds.seq));
  const roundIds = rounds.map((r) => r.id);
  const judges = roundIds.length
    ? await ctx.db
        .select({
          roundId: competitionJudges.roundId,
          userId: competitionJudges.judgeUserId,
          displayName: users.displayName,
          username: users.username,
          affiliation: organisations.name,
          scored: sql<number>`(select count(*)::int from competition_scores s where s.round_id = ${competitionJudges.roundId} and s.judge_user_id = ${competitionJudges.judgeUserId})`,
        })
        .from(competitionJudges)
        .innerJoin(users, eq(users.id, competitionJudges.judgeUserId))
        .leftJoin(organisations, eq(organisations.id, competitionJudges.affiliationOrgId))
        .where(inArray(competitionJudges.roundId, roundIds))
    : [];
  const tables = await resultTables(ctx.db, c);
  return {
    ...(await getCompetition(ctx, id)),
    entries: entries.map((e) => ({ ...e, memberCount: Number(e.memberCount) })),
    judges: judges.map((j) => ({ ...j, scored: Number(j.scored) })),
    results: tables,
  };
}

/** publish / close_registration / start_judging / publish_results / cancel. */
export async function transitionCompetition(ctx: ActorCtx, id: string, action: string, reason?: string) {
  await applyTransition(ctx, competitionBinding(action), id, action, { reason });
  return getCompetition(ctx, id);
}

/** open_scoring / close (closing ranks and advances). */
export async function transitionRound(ctx: ActorCtx, id: string, action: string) {
  const round = await applyTransition(ctx, roundBinding, id, action, {});
  return getCompetition(ctx, round.competitionId);
}

/** withdraw (leader) / disqualify (official, reason). */
export async function transitionEntry(ctx: ActorCtx, id: string, action: string, reason?: string) {
  const row = await applyTransition(ctx, entryBinding, id, action, { reason });
  return { id: row.id, status: row.status };
}
