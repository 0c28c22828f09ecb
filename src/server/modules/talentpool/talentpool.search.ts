/**
 * 人才库检索: verified employers search the profiles opened to them (visibility employers / public, active
 * accounts only). Text and every filter are one tsquery over `talent_profiles.search_tsv` (GIN; tokens in
 * profiles.search.ts); relevance is ts_rank_cd of the text part only. Names are masked, and no phone or
 * identifier is read. Each search is audited (filters and hit count).
 */
import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { TalentSearchQuery } from '../../../shared/talentpool.js';
import { maskName } from '../../../shared/identifiers.js';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../context.js';
import { recordAlone } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { educationLevels, occupations, regions } from '../catalog/catalog.tables.js';
import { parseQuery } from '../jobs/jobs.segment.js';
import { talentProfiles as tp } from '../profiles/index.js';
import { educationRank, experienceMonths, filterToken } from '../profiles/profiles.search.js';
import { type ActorCtx, assertVerifiedEmployer, OPEN_VISIBILITIES } from './talentpool.access.js';
import { talentInvitations } from './talentpool.tables.js';

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The filter part of the tsquery ('zc360700' & 'zo202':* & …), or null without filters. */
export function filterQuery(q: TalentSearchQuery): string | null {
  const parts: string[] = [];
  if (q.city) parts.push(quote(filterToken.city(q.city)));
  if (q.occupation) parts.push(`${quote(filterToken.occupation(q.occupation))}:*`);
  for (const s of q.skills) parts.push(quote(filterToken.skill(s)));
  if (q.education) {
    const rank = educationRank(q.education);
    if (rank > 0) parts.push(quote(filterToken.education(rank)));
  }
  if (q.experienceYears) parts.push(quote(filterToken.years(q.experienceYears)));
  return parts.length ? parts.join(' & ') : null;
}

function conditions(q: TalentSearchQuery) {
  const text = q.q ? parseQuery(q.q).tsquery : null;
  const filters = filterQuery(q);
  const combined = [text && `(${text})`, filters].filter(Boolean).join(' & ');
  const where: SQL[] = [inArray(tp.visibility, [...OPEN_VISIBILITIES]), eq(users.status, 'active'), eq(users.role, 'talent')];
  if (combined) where.push(sql`${tp.searchTsv} @@ to_tsquery('simple', ${combined})`);
  const rank = text ? sql<number>`ts_rank_cd(${tp.searchTsv}, to_tsquery('simple', ${text}))` : undefined;
  return { where: and(...where), rank, terms: text ? parseQuery(q.q ?? '').terms : [] };
}

async function names(ctx: Ctx, rows: { education: { educationCode: string }[]; desiredCities: string[]; desiredOccupations: string[] }[]) {
  const edu = [...new Set(rows.flatMap((r) => r.education.map((e) => e.educationCode)))];
  const reg = [...new Set(rows.flatMap((r) => r.desiredCities))];
  const occ = [...new Set(rows.flatMap((r) => r.desiredOccupations))];
  const [e, r, o] = await Promise.all([
    edu.length ? ctx.db.select({ code: educationLevels.code, name: educationLevels.name }).from(educationLevels).where(inArray(educationLevels.code, edu)) : [],
    reg.length ? ctx.db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, reg)) : [],
    occ.length ? ctx.db.select({ code: occupations.code, name: occupations.name }).from(occupations).where(inArray(occupations.code, occ)) : [],
  ]);
  const toObj = (list: { code: string; name: string }[]) => Object.fromEntries(list.map((x) => [x.code, x.name]));
  return { education: toObj(e), regions: toObj(r), occupations: toObj(o) };
}

/** This organisation's invitations to the talents on the page, newest first. */
async function invitationsOf(ctx: Ctx, orgId: string, talentIds: string[]) {
  const out = new Map<string, { id: string; jobId: string | null; status: string; sentAt: string }[]>();
  if (talentIds.length === 0) return out;
  const rows = await ctx.db
    .select({
      id: talentInvitations.id,
      talentId: talentInvitations.talentId,
      jobId: talentInvitations.jobId,
      status: talentInvitations.status,
      sentAt: talentInvitations.sentAt,
    })
    .from(talentInvitations)
    .where(and(eq(talentInvitations.orgId, orgId), inArray(talentInvitations.talentId, talentIds)))
    .orderBy(desc(talentInvitations.sentAt));
  for (const r of rows) {
    const list = out.get(r.talentId) ?? [];
    list.push({ id: r.id, jobId: r.jobId, status: r.status, sentAt: r.sentAt.toISOString() });
    out.set(r.talentId, list);
  }
  return out;
}

/** One page of open profiles: names are masked by the caller; phone and ID numbers are never read. */
function pageOf(ctx: Ctx, q: TalentSearchQuery, where: SQL | undefined, order: (SQL | AnyPgColumn)[]) {
  return ctx.db
    .select({
      talentId: tp.userId,
      displayName: users.displayName,
      regionCode: tp.regionCode,
      education: tp.education,
      workHistory: tp.workHistory,
      skills: tp.skills,
      certificates: tp.certificates,
      desiredOccupations: tp.desiredOccupations,
      desiredCities: tp.desiredCities,
      desiredSalaryMinFen: tp.desiredSalaryMinFen,
      updatedAt: tp.updatedAt,
    })
    .from(tp)
    .innerJoin(users, eq(users.id, tp.userId))
    .where(where)
    .orderBy(...order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
}

/** Each search is audited: the filters and the number of hits (`hitsAtLeast` when capped), never the results. */
function auditSearch(ctx: ActorCtx, orgId: string, q: TalentSearchQuery, hits: number, capped: boolean) {
  return recordAlone(ctx, {
    action: 'talentpool.search',
    objectType: 'organisation',
    objectId: orgId,
    regionCode: ctx.actor.regionCode,
    detail: {
      q: q.q ?? null,
      skills: q.skills,
      city: q.city ?? null,
      education: q.education ?? null,
      occupation: q.occupation ?? null,
      experienceYears: q.experienceYears ?? null,
      hits,
      ...(capped ? { hitsAtLeast: true } : {}),
    },
  });
}

/**
 * Hits are counted up to this many: an exact count of every open profile (390k at province size) took
 * 0.8 s on PostgreSQL, and no one pages past the first 10,000 (the page shows "more than 10,000").
 */
export const TOTAL_CAP = 10_000;

/** The hits of `where`, counted up to `cap` + 1 rows (more than `cap`: capped). */
export async function countHits(ctx: Ctx, where: SQL | undefined, cap = TOTAL_CAP): Promise<{ total: number; capped: boolean }> {
  const hits = ctx.db
    .select({ one: sql`1` })
    .from(tp)
    .innerJoin(users, eq(users.id, tp.userId))
    .where(where)
    .limit(cap + 1)
    .as('hits');
  const [row] = await ctx.db.select({ n: count() }).from(hits);
  const n = row?.n ?? 0;
  return { total: Math.min(n, cap), capped: n > cap };
}

/** GET /api/talent-pool/search → { items, total, totalCapped, page, pageSize, sort, terms, names }. */
export async function searchTalents(ctx: ActorCtx, q: TalentSearchQuery) {
  const orgId = await assertVerifiedEmployer(ctx);
  const { where, rank, terms } = conditions(q);
  const sort = q.sort ?? (rank ? 'relevance' : 'updated');
  const order = sort === 'relevance' && rank ? [desc(rank), desc(tp.updatedAt), tp.userId] : [desc(tp.updatedAt), tp.userId];
  const [rows, hits] = await Promise.all([pageOf(ctx, q, where, order), countHits(ctx, where)]);
  const n = hits.total;
  const [invited, nameMaps] = await Promise.all([
    invitationsOf(
      ctx,
      orgId,
      rows.map((r) => r.talentId),
    ),
    names(ctx, rows),
    auditSearch(ctx, orgId, q, n, hits.capped),
  ]);
  const items = rows.map((r) => ({
    talentId: r.talentId,
    displayName: maskName(r.displayName),
    regionCode: r.regionCode,
    education: r.education,
    workHistory: r.workHistory.map((w) => ({ title: w.title, employerName: w.employerName, fromMonth: w.fromMonth, toMonth: w.toMonth })),
    experienceYears: Math.floor(experienceMonths(r.workHistory, ctx.now) / 12),
    skills: r.skills,
    certificates: r.certificates.map((c) => ({ name: c.name, verified: c.verified })),
    desiredOccupations: r.desiredOccupations,
    desiredCities: r.desiredCities,
    desiredSalaryMinFen: r.desiredSalaryMinFen,
    updatedAt: r.updatedAt.toISOString(),
    invitations: invited.get(r.talentId) ?? [],
  }));
  return { items, total: n, totalCapped: hits.capped, page: q.page, pageSize: q.pageSize, sort, terms, names: nameMaps };
}
