/**
 * Closing a round (aggregate each entry's judge totals with the configured outlier handling, rank, advance
 * the top N), awards on publication, public results, and level grants for winners of skills contests
 * included in provincial management (certificates issued through issueCertificate, source 'contest').
 */
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { aggregate, rankEntries } from '../../../shared/competitions.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { chinaDate } from '../../lib/workdays.js';
import { assertInRegion } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { issueCertificate, validCertificatesOf } from '../certificates/certificates.issue.js';
import { recordMetric } from '../dashboard/dashboard.metrics.js';
import { organisations } from '../organisations/organisations.tables.js';
import {
  type CompetitionRoundRow,
  type CompetitionRow,
  competitionAwards,
  competitionEntries,
  competitionResults,
  competitionRounds,
  competitionScores,
  competitions,
} from './competitions.tables.js';

type ActorCtx = Ctx & { actor: Actor };

/** Inside the close transition: results of every entry in the round, ranked; the top advanceCount move on. */
export async function closeRound(ctx: ActorCtx, round: CompetitionRoundRow): Promise<void> {
  const [comp] = await ctx.db.select().from(competitions).where(eq(competitions.id, round.competitionId));
  if (!comp) throw new AppError('NOT_FOUND', { status: 404 });
  const entries = await ctx.db
    .select({ id: competitionEntries.id, code: competitionEntries.code })
    .from(competitionEntries)
    .where(and(eq(competitionEntries.competitionId, comp.id), eq(competitionEntries.status, 'registered'), gte(competitionEntries.reachedSeq, round.seq)));
  const scores = await ctx.db
    .select({ entryId: competitionScores.entryId, total: competitionScores.total })
    .from(competitionScores)
    .where(eq(competitionScores.roundId, round.id));
  const totals = new Map<string, number[]>();
  for (const s of scores) totals.set(s.entryId, [...(totals.get(s.entryId) ?? []), s.total]);
  const rows = entries.map((e) => {
    const t = totals.get(e.id) ?? [];
    const agg = aggregate(comp.aggregation, t);
    const mean = t.length ? Math.round(t.reduce((a, b) => a + b, 0) / t.length) : 0;
    return { entryId: e.id, code: e.code, aggregate: agg.value, trimmed: agg.trimmed, mean, judgeCount: t.length };
  });
  const [next] = await ctx.db
    .select({ seq: competitionRounds.seq })
    .from(competitionRounds)
    .where(and(eq(competitionRounds.competitionId, comp.id), eq(competitionRounds.seq, round.seq + 1)));
  const ranked = rankEntries(rows);
  const advancing: string[] = [];
  for (const r of ranked) {
    const advanced = !!next && round.advanceCount !== null && r.rank <= round.advanceCount && r.judgeCount > 0;
    if (advanced) advancing.push(r.entryId);
    await ctx.db.insert(competitionResults).values({
      roundId: round.id,
      entryId: r.entryId,
      aggregate: r.aggregate,
      mean: r.mean,
      judgeCount: r.judgeCount,
      trimmed: r.trimmed,
      rank: r.rank,
      tied: r.tied,
      advanced,
    });
  }
  if (advancing.length && next)
    await ctx.db.update(competitionEntries).set({ reachedSeq: next.seq, updatedAt: ctx.now }).where(inArray(competitionEntries.id, advancing));
  await ctx.db.update(competitionRounds).set({ closedAt: ctx.now }).where(eq(competitionRounds.id, round.id));
  await record(ctx, {
    action: 'competition.round_ranked',
    objectType: 'competition_round',
    objectId: round.id,
    regionCode: round.regionCode,
    detail: { entries: ranked.length, advanced: advancing.length, method: comp.aggregation.method },
  });
}

/** The rounds of a competition in order. */
async function roundsInOrder(db: Db, competitionId: string) {
  const rounds = await db.select().from(competitionRounds).where(eq(competitionRounds.competitionId, competitionId)).orderBy(asc(competitionRounds.seq));
  return rounds;
}

/** Inside publish_results: award names by rank position of the last round (一等奖 for the first `count`, …). */
export async function giveAwards(ctx: ActorCtx, comp: CompetitionRow): Promise<void> {
  const rounds = await roundsInOrder(ctx.db, comp.id);
  const last = rounds[rounds.length - 1];
  if (!last) return;
  const results = await ctx.db.select().from(competitionResults).where(eq(competitionResults.roundId, last.id)).orderBy(asc(competitionResults.rank));
  let pos = 0;
  for (const spec of comp.awards) {
    for (let i = 0; i < spec.count; i++) {
      const r = results[pos++];
      if (!r || r.judgeCount === 0) break;
      const [award] = await ctx.db
        .insert(competitionAwards)
        .values({ competitionId: comp.id, entryId: r.entryId, regionCode: comp.regionCode, awardName: spec.name, rank: r.rank, grantsLevel: spec.grantsLevel })
        .onConflictDoNothing()
        .returning({ id: competitionAwards.id });
      if (award)
        await recordMetric(ctx.db, {
          metric: 'competition.won',
          subjectId: award.id,
          regionCode: comp.regionCode,
          occurredAt: ctx.now,
          dimension: comp.kind,
          digital: true,
        });
    }
  }
  await record(ctx, { action: 'competition.awards_given', objectType: 'competition', objectId: comp.id, regionCode: comp.regionCode, detail: { awards: pos } });
}

/** Public: rounds with their rankings and the awards, once results are published (404 before). */
export async function publicResults(ctx: Ctx, competitionId: string) {
  const [comp] = await ctx.db.select().from(competitions).where(eq(competitions.id, competitionId));
  if (comp?.status !== 'results_published') throw new AppError('NOT_FOUND', { status: 404 });
  return {
    competition: { id: comp.id, title: comp.title, kind: comp.kind, resultsPublishedAt: comp.resultsPublishedAt?.toISOString() ?? null },
    ...(await resultTables(ctx.db, comp)),
  };
}

export async function resultTables(db: Db, comp: CompetitionRow) {
  const rounds = await roundsInOrder(db, comp.id);
  const roundIds = rounds.map((r) => r.id);
  const rows = roundIds.length
    ? await db
        .select({
          roundId: competitionResults.roundId,
          entryId: competitionResults.entryId,
          aggregate: competitionResults.aggregate,
          mean: competitionResults.mean,
          judgeCount: competitionResults.judgeCount,
          trimmed: competitionResults.trimmed,
          rank: competitionResults.rank,
          tied: competitionResults.tied,
          advanced: competitionResults.advanced,
          code: competitionEntries.code,
          name: competitionEntries.name,
          groupCode: competitionEntries.groupCode,
          orgName: organisations.name,
        })
        .from(competitionResults)
        .innerJoin(competitionEntries, eq(competitionEntries.id, competitionResults.entryId))
        .leftJoin(organisations, eq(organisations.id, competitionEntries.orgId))
        .where(inArray(competitionResults.roundId, roundIds))
        .orderBy(asc(competitionResults.rank))
    : [];
  const awards = await db
    .select({
      id: competitionAwards.id,
      entryId: competitionAwards.entryId,
      awardName: competitionAwards.awardName,
      rank: competitionAwards.rank,
      grantsLevel: competitionAwards.grantsLevel,
      grantedAt: competitionAwards.grantedAt,
      grants: competitionAwards.grants,
      code: competitionEntries.code,
      name: competitionEntries.name,
    })
    .from(competitionAwards)
    .innerJoin(competitionEntries, eq(competitionEntries.id, competitionAwards.entryId))
    .where(eq(competitionAwards.competitionId, comp.id))
    .orderBy(asc(competitionAwards.rank));
  return {
    rounds: rounds.map((r) => ({
      id: r.id,
      seq: r.seq,
      kind: r.kind,
      status: r.status,
      advanceCount: r.advanceCount,
      results: rows.filter((x) => x.roundId === r.id).map(({ roundId: _r, ...x }) => x),
    })),
    awards: awards.map((a) => ({
      id: a.id,
      entryId: a.entryId,
      awardName: a.awardName,
      rank: a.rank,
      code: a.code,
      name: a.name,
      grantsLevel: a.grantsLevel,
      grantedAt: a.grantedAt?.toISOString() ?? null,
      certificates: a.grants.map((g) => ({ levelCode: g.levelCode, number: g.certificateNumber, promotion: g.promotion })),
    })),
  };
}

/**
 * Official of the region: grant each member of an awarded entry the contest's level, or 晋升 one level up
 * when they already hold a valid certificate of the occupation (a holder of 一级 keeps it). Certificates are
 * issued in this transaction (source 'contest', sourceRef `<award>:<member>`, so granting twice is harmless).
 */
export async function grantLevels(ctx: ActorCtx, awardId: string) {
  return ctx.db.transaction(async (txRaw) => {
    const t = { ...ctx, db: txRaw as unknown as Db };
    const [award] = await t.db.select().from(competitionAwards).where(eq(competitionAwards.id, awardId)).for('update');
    if (!award) throw new AppError('NOT_FOUND', { status: 404 });
    const [comp] = await t.db.select().from(competitions).where(eq(competitions.id, award.competitionId));
    if (!comp) throw new AppError('NOT_FOUND', { status: 404 });
    assertInRegion(ctx.actor, comp.regionCode);
    if (
      !award.grantsLevel ||
      !comp.provincialManaged ||
      comp.kind !== 'skills' ||
      !comp.occupationCode ||
      !comp.levelCode ||
      comp.status !== 'results_published'
    )
      throw new AppError('COMPETITIONS_GRANT_NOT_ALLOWED', { status: 409 });
    const [entry] = await t.db.select().from(competitionEntries).where(eq(competitionEntries.id, award.entryId));
    if (!entry) throw new AppError('NOT_FOUND', { status: 404 });
    const issuedOn = chinaDate(ctx.now);
    const grants = [...award.grants];
    for (const userId of entry.memberIds) {
      if (grants.some((g) => g.userId === userId)) continue;
      const held = (await validCertificatesOf(t.db, userId)).filter((c) => c.occupationCode === comp.occupationCode);
      // level codes: '5' (五级) … '1' (一级); a smaller number is a higher level
      const best = held.reduce<number | null>((m, c) => (m === null || Number(c.levelCode) < m ? Number(c.levelCode) : m), null);
      if (best !== null && best <= 1) continue;
      const contest = Number(comp.levelCode);
      const up = best === null ? contest : best - 1;
      const levelCode = String(Math.min(up, contest));
      const promotion = best !== null && up <= contest;
      const cert = await issueCertificate(t, {
        holderUserId: userId,
        occupationCode: comp.occupationCode,
        levelCode,
        issuerOrgId: null,
        source: 'contest',
        sourceRef: `${award.id}:${userId}`,
        issuedOn,
      });
      grants.push({ userId, levelCode, certificateNumber: cert.number, promotion });
    }
    await t.db.update(competitionAwards).set({ grants, grantedAt: ctx.now }).where(eq(competitionAwards.id, award.id));
    await record(t, {
      action: 'competition.level_granted',
      objectType: 'competition_award',
      objectId: award.id,
      regionCode: comp.regionCode,
      detail: { certificates: grants.map((g) => g.certificateNumber), occupationCode: comp.occupationCode },
    });
    return { id: award.id, certificates: grants.map((g) => ({ levelCode: g.levelCode, number: g.certificateNumber, promotion: g.promotion })) };
  });
}
