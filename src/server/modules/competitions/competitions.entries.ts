/**
 * Registration (teams or individuals, members are platform talents, an organisation, eligibility rules as
 * data), entry materials (sealed files) and the entrant's own view with results and awards.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  type CompetitionRow,
  competitionAwards,
  competitionEntries,
  competitionJudges,
  competitionMaterials,
  competitionResults,
  competitionRounds,
  competitions,
} from './competitions.tables.js';
import { MATERIAL_MAX_BYTES, type RegisterEntry } from '../../../shared/competitions.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import { chinaDate } from '../../lib/workdays.js';
import { inRegion, regionContains } from '../access/region-scope.js';
import { record, recordAlone } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { recordMetric } from '../dashboard/dashboard.metrics.js';
import { organisations } from '../organisations/organisations.tables.js';
import { openSealedFile, storeSealedFile } from './competitions.files.js';
import { inTransaction } from './competitions.service.js';

type ActorCtx = Ctx & { actor: Actor };
const CODE_PREFIX: Record<string, string> = { innovation: 'CX', skills: 'JN', data_elements: 'SJ' };
const FOLDER = 'competitions';

/** Whole years between two 'YYYY-MM-DD' dates. */
function fullYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** The group's rule against what the entrant declared; throws COMPETITIONS_INELIGIBLE {rule}. */
function checkGroup(c: CompetitionRow, input: RegisterEntry, today: string) {
  const group = c.groups.find((g) => g.code === input.groupCode);
  if (!group) throw new AppError('VALIDATION_FAILED', { status: 400, params: { fields: ['groupCode'] } });
  if (c.categories.length > 0 && !c.categories.some((x) => x.code === input.categoryCode))
    throw new AppError('VALIDATION_FAILED', { status: 400, params: { fields: ['categoryCode'] } });
  const r = group.rule;
  const needsAge = r.maxCompanyAgeYears !== undefined || r.minCompanyAgeYears !== undefined;
  if (needsAge) {
    if (!input.companyFoundedOn) throw new AppError('COMPETITIONS_INELIGIBLE', { status: 422, params: { rule: 'company_founded_on_required' } });
    const age = fullYears(input.companyFoundedOn, today);
    if (r.maxCompanyAgeYears !== undefined && age >= r.maxCompanyAgeYears + 1)
      throw new AppError('COMPETITIONS_INELIGIBLE', { status: 422, params: { rule: 'company_too_old', max: r.maxCompanyAgeYears } });
    if (r.minCompanyAgeYears !== undefined && age < r.minCompanyAgeYears)
      throw new AppError('COMPETITIONS_INELIGIBLE', { status: 422, params: { rule: 'company_too_young', min: r.minCompanyAgeYears } });
  }
  if (r.maxRevenueFen !== undefined || r.minRevenueFen !== undefined) {
    const rev = input.annualRevenueFen;
    if (rev === null) throw new AppError('COMPETITIONS_INELIGIBLE', { status: 422, params: { rule: 'revenue_required' } });
    if (r.maxRevenueFen !== undefined && rev > r.maxRevenueFen)
      throw new AppError('COMPETITIONS_INELIGIBLE', { status: 422, params: { rule: 'revenue_too_high' } });
    if (r.minRevenueFen !== undefined && rev < r.minRevenueFen)
      throw new AppError('COMPETITIONS_INELIGIBLE', { status: 422, params: { rule: 'revenue_too_low' } });
  }
}

/** Talent: register a team (leader = the registrant) or an individual entry. 201; 409; 422 COMPETITIONS_INELIGIBLE. */
export async function registerEntry(ctx: ActorCtx, competitionId: string, input: RegisterEntry) {
  return inTransaction(ctx, async (t) => {
    const [c] = await t.db.select().from(competitions).where(eq(competitions.id, competitionId)).for('update');
    if (!c || c.status === 'draft' || c.status === 'cancelled') throw new AppError('NOT_FOUND', { status: 404 });
    if (c.status !== 'published' || c.registrationDeadline.getTime() < ctx.now.getTime())
      throw new AppError('COMPETITIONS_REGISTRATION_CLOSED', { status: 409 });
    checkGroup(c, input, chinaDate(ctx.now));
    const names = [...new Set(input.memberUsernames.filter((u) => u !== ctx.actor.username))];
    const members = names.length
      ? await t.db
          .select({ id: users.id, username: users.username, role: users.role, status: users.status, regionCode: users.regionCode })
          .from(users)
          .where(inArray(users.username, names))
      : [];
    for (const n of names) {
      const m = members.find((x) => x.username === n);
      if (m?.role !== 'talent' || m.status !== 'active') throw new AppError('COMPETITIONS_MEMBER_NOT_TALENT', { status: 422, params: { username: n } });
    }
    const count = 1 + members.length;
    const rules = c.rules;
    if (rules.entrant === 'individual' && count > 1) throw new AppError('COMPETITIONS_INELIGIBLE', { status: 422, params: { rule: 'individual_only' } });
    if (rules.entrant === 'team' && count < 2) throw new AppError('COMPETITIONS_INELIGIBLE', { status: 422, params: { rule: 'team_only' } });
    if (count < rules.minMembers || count > rules.maxMembers)
      throw new AppError('COMPETITIONS_INELIGIBLE', { status: 422, params: { rule: 'member_count', min: rules.minMembers, max: rules.maxMembers } });
    if (rules.membersInRegion && ![ctx.actor.regionCode, ...members.map((m) => m.regionCode)].every((r) => regionContains(c.regionCode, r)))
      throw new AppError('COMPETITIONS_INELIGIBLE', { status: 422, params: { rule: 'members_in_region' } });
    if (rules.requireOrganisation && !input.orgId) throw new AppError('COMPETITIONS_INELIGIBLE', { status: 422, params: { rule: 'organisation_required' } });
    if (input.orgId) {
      const [org] = await t.db.select({ status: organisations.status }).from(organisations).where(eq(organisations.id, input.orgId));
      if (org?.status !== 'verified') throw new AppError('NOT_FOUND', { status: 404, params: { field: 'orgId' } });
    }
    const [mine] = await t.db
      .select({ id: competitionEntries.id })
      .from(competitionEntries)
      .where(
        and(
          eq(competitionEntries.competitionId, c.id),
          eq(competitionEntries.status, 'registered'),
          sql`${competitionEntries.memberIds} @> ${JSON.stringify([ctx.actor.userId])}::jsonb`,
        ),
      );
    if (mine) throw new AppError('COMPETITIONS_ALREADY_REGISTERED', { status: 409 });
    const seq = c.entrySeq + 1;
    await t.db.update(competitions).set({ entrySeq: seq }).where(eq(competitions.id, c.id));
    const code = `${CODE_PREFIX[c.kind] ?? 'JS'}-${String(seq).padStart(3, '0')}`;
    const [row] = await t.db
      .insert(competitionEntries)
      .values({
        competitionId: c.id,
        code,
        regionCode: c.regionCode,
        name: input.name,
        groupCode: input.groupCode,
        categoryCode: input.categoryCode,
        leaderUserId: ctx.actor.userId,
        memberIds: [ctx.actor.userId, ...members.map((m) => m.id)],
        orgId: input.orgId,
        declared: { companyFoundedOn: input.companyFoundedOn, annualRevenueFen: input.annualRevenueFen },
        summary: input.summary,
        status: 'registered',
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL', { status: 500 });
    await record(t, {
      action: 'competition.register',
      objectType: 'competition_entry',
      objectId: row.id,
      regionCode: c.regionCode,
      detail: { code, members: count },
    });
    await recordMetric(t.db, {
      metric: 'competition.entered',
      subjectId: row.id,
      regionCode: c.regionCode,
      occurredAt: ctx.now,
      dimension: c.kind,
      digital: true,
    });
    return { id: row.id, code: row.code, status: row.status };
  });
}

/** Leader: attach a material file (PDF, PNG, JPEG ≤ 10 MB) before judging starts. */
export async function uploadEntryMaterial(ctx: ActorCtx, entryId: string, input: { fileName: string; contentType: string; body: unknown }) {
  const [entry] = await ctx.db.select().from(competitionEntries).where(eq(competitionEntries.id, entryId));
  if (!entry || entry.leaderUserId !== ctx.actor.userId) throw new AppError('NOT_FOUND', { status: 404 });
  const [c] = await ctx.db.select({ status: competitions.status }).from(competitions).where(eq(competitions.id, entry.competitionId));
  if (entry.status !== 'registered' || !['published', 'registration_closed'].includes(c?.status ?? ''))
    throw new AppError('COMPETITIONS_NOT_EDITABLE', { status: 409 });
  const stored = await storeSealedFile(ctx, FOLDER, { contentType: input.contentType, body: input.body, maxBytes: MATERIAL_MAX_BYTES });
  return inTransaction(ctx, async (t) => {
    const [row] = await t.db
      .insert(competitionMaterials)
      .values({ entryId, fileName: input.fileName, ...stored, uploadedBy: ctx.actor.userId, createdAt: ctx.now })
      .returning();
    if (!row) throw new AppError('INTERNAL', { status: 500 });
    await record(t, {
      action: 'competition.material_upload',
      objectType: 'competition_entry',
      objectId: entryId,
      regionCode: entry.regionCode,
      detail: { mime: row.mime, sizeBytes: row.sizeBytes },
    });
    return { id: row.id, fileName: row.fileName, mime: row.mime, sizeBytes: row.sizeBytes };
  });
}

export async function materialsOf(ctx: Ctx, entryIds: string[]) {
  if (entryIds.length === 0) return [];
  return ctx.db
    .select({
      id: competitionMaterials.id,
      entryId: competitionMaterials.entryId,
      fileName: competitionMaterials.fileName,
      mime: competitionMaterials.mime,
      sizeBytes: competitionMaterials.sizeBytes,
    })
    .from(competitionMaterials)
    .where(inArray(competitionMaterials.entryId, entryIds));
}

/**
 * A material file: members of the entry; judges assigned to a round the entry is in (and without a conflict);
 * officials of the region. Reads by others than members are audited.
 */
export async function readEntryMaterial(ctx: ActorCtx, materialId: string) {
  const [m] = await ctx.db.select().from(competitionMaterials).where(eq(competitionMaterials.id, materialId));
  if (!m) throw new AppError('NOT_FOUND', { status: 404 });
  const [entry] = await ctx.db.select().from(competitionEntries).where(eq(competitionEntries.id, m.entryId));
  if (!entry) throw new AppError('NOT_FOUND', { status: 404 });
  let ok = entry.memberIds.includes(ctx.actor.userId);
  if (!ok && ctx.actor.role === 'official') ok = inRegion(ctx.actor, entry.regionCode);
  if (!ok && ctx.actor.role === 'reviewer') {
    const judged = await ctx.db
      .select({ affiliation: competitionJudges.affiliationOrgId, seq: competitionRounds.seq })
      .from(competitionJudges)
      .innerJoin(competitionRounds, eq(competitionRounds.id, competitionJudges.roundId))
      .where(and(eq(competitionJudges.judgeUserId, ctx.actor.userId), eq(competitionRounds.competitionId, entry.competitionId)));
    ok = judged.some((j) => j.seq <= entry.reachedSeq && !(entry.orgId && j.affiliation === entry.orgId));
  }
  if (!ok) throw new AppError('NOT_FOUND', { status: 404 });
  if (!entry.memberIds.includes(ctx.actor.userId))
    await recordAlone(ctx, {
      action: 'competition.material_read',
      objectType: 'competition_material',
      objectId: m.id,
      regionCode: entry.regionCode,
      detail: { entry: entry.code },
    });
  return { stream: openSealedFile(ctx, FOLDER, m.storedName), mime: m.mime, fileName: m.fileName };
}

/** Talent: own entries (as leader or member) with the competition, materials, published results and awards. */
export async function myEntries(ctx: ActorCtx) {
  const rows = await ctx.db
    .select({ entry: competitionEntries, title: competitions.title, kind: competitions.kind, compStatus: competitions.status })
    .from(competitionEntries)
    .innerJoin(competitions, eq(competitions.id, competitionEntries.competitionId))
    .where(sql`${competitionEntries.memberIds} @> ${JSON.stringify([ctx.actor.userId])}::jsonb`)
    .orderBy(competitionEntries.createdAt);
  const ids = rows.map((r) => r.entry.id);
  const mats = await materialsOf(ctx, ids);
  const results = ids.length
    ? await ctx.db
        .select({
          entryId: competitionResults.entryId,
          seq: competitionRounds.seq,
          kind: competitionRounds.kind,
          rank: competitionResults.rank,
          aggregate: competitionResults.aggregate,
          advanced: competitionResults.advanced,
        })
        .from(competitionResults)
        .innerJoin(competitionRounds, eq(competitionRounds.id, competitionResults.roundId))
        .where(inArray(competitionResults.entryId, ids))
    : [];
  const awards = ids.length
    ? await ctx.db
        .select({ entryId: competitionAwards.entryId, awardName: competitionAwards.awardName, grants: competitionAwards.grants })
        .from(competitionAwards)
        .where(inArray(competitionAwards.entryId, ids))
    : [];
  return {
    items: rows.map(({ entry, title, kind, compStatus }) => {
      const published = compStatus === 'results_published';
      const award = awards.find((a) => a.entryId === entry.id);
      return {
        id: entry.id,
        competitionId: entry.competitionId,
        competitionTitle: title,
        competitionKind: kind,
        competitionStatus: compStatus,
        code: entry.code,
        name: entry.name,
        groupCode: entry.groupCode,
        status: entry.status,
        isLeader: entry.leaderUserId === ctx.actor.userId,
        materials: mats.filter((m) => m.entryId === entry.id).map(({ entryId: _e, ...m }) => m),
        results: published
          ? results
              .filter((r) => r.entryId === entry.id)
              .map(({ entryId: _e, ...r }) => r)
              .sort((a, b) => a.seq - b.seq)
          : [],
        award:
          published && award
            ? { name: award.awardName, certificates: award.grants.filter((g) => g.userId === ctx.actor.userId).map((g) => g.certificateNumber) }
            : null,
      };
    }),
  };
}
