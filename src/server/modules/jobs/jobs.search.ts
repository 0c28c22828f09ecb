/**
 * Public job search (no account needed), ADR 0011. Answered from the in-process index
 * (jobs.search-index.ts, kept current by jobs.search-sync.ts) when it is ready; from SQL
 * (jobs.search-sql.ts, the reference definition) while it is being built or for a query it does not
 * evaluate. Either way one statement then fetches the page's rows with their employer names; catalogue
 * names come from a small per-process cache.
 */
import { JOBS_NO_MATCH, type JobSearchQuery, type JobSkill } from '../../../shared/jobs.js';
import type { Ctx } from '../../context.js';
import type { Database } from '../../db/client.js';
import { educationLevels, occupations, regions } from '../catalog/catalog.tables.js';
import { cacheKey, cached } from './jobs.search-cache.js';
import { dayNumber } from './jobs.search-index.js';
import { answerFromIndex, type IndexText, parseTsquery } from './jobs.search-query.js';
import { type SearchAnswer, searchWithSql } from './jobs.search-sql.js';
import { freshIndex } from './jobs.search-sync.js';
import { highlight, parseQuery } from './jobs.segment.js';
import { chinaDate } from './jobs.views.js';

/** The index answer, or null when SQL must answer. Same fallbacks as the SQL path: full text, then partial title words. */
export async function searchWithIndex(ctx: Ctx, q: JobSearchQuery): Promise<SearchAnswer | null> {
  const parsed = q.q ? parseQuery(q.q) : null;
  const fresh = await freshIndex(ctx.platform.database, parsed?.tsquery ?? null);
  if (!fresh) return null;
  const tree = fresh.tsquery ? parseTsquery(fresh.tsquery) : null;
  if (fresh.tsquery && !tree) return null; // phrase, prefix or weights: SQL evaluates it
  const today = dayNumber(chinaDate(ctx.now));
  return cached(fresh.index, cacheKey(q, today), () => {
    const partialText = q.q && q.q.trim().length >= 2 ? q.q.trim() : null;
    const partial: IndexText | null = partialText ? { match: 'partial', text: partialText } : null;
    let text: IndexText = { match: 'all' };
    let terms: string[] = [];
    if (parsed?.tsquery) {
      text = { match: 'fulltext', tree };
      terms = parsed.terms;
    } else if (partial) {
      text = partial;
    }
    let answer = answerFromIndex(fresh.index, q, text, ctx.now, today);
    if (answer.counts.total === 0 && text.match === 'fulltext' && partial) {
      text = partial;
      answer = answerFromIndex(fresh.index, q, text, ctx.now, today);
    }
    if (text.match === 'partial') terms = [text.text.toLowerCase()];
    return { match: text.match, terms, counts: answer.counts, pageIds: answer.pageIds };
  });
}

interface Names {
  region: Map<string, string>;
  occupation: Map<string, string>;
  education: Map<string, string>;
  loadedAt: number;
}
const NAMES_TTL_MS = 10 * 60_000;
const namesCache = new WeakMap<Database, Names>();

/** Catalogue names (regions, occupations, education levels: a few thousand rows), cached per database. */
async function catalogueNames(ctx: Ctx, codes: { region: string[]; occupation: string[] }): Promise<Names> {
  const cached = namesCache.get(ctx.platform.database);
  const fresh = cached && Date.now() - cached.loadedAt < NAMES_TTL_MS;
  const missing = cached && (codes.region.some((c) => !cached.region.has(c)) || codes.occupation.some((c) => !cached.occupation.has(c)));
  if (cached && fresh && (!missing || Date.now() - cached.loadedAt < 60_000)) return cached;
  const [r, o, e] = await Promise.all([
    ctx.db.select({ code: regions.code, name: regions.name }).from(regions),
    ctx.db.select({ code: occupations.code, name: occupations.name }).from(occupations),
    ctx.db.select({ code: educationLevels.code, name: educationLevels.name }).from(educationLevels),
  ]);
  const toMap = (rows: { code: string; name: string }[]) => new Map(rows.map((x) => [x.code, x.name]));
  const names = { region: toMap(r), occupation: toMap(o), education: toMap(e), loadedAt: Date.now() };
  namesCache.set(ctx.platform.database, names);
  return names;
}

interface PageRow {
  id: string;
  orgId: string;
  orgName: string | null;
  title: string;
  summary: string;
  regionCode: string;
  occupationCode: string;
  isDigital: boolean;
  salaryMinFen: number;
  salaryMaxFen: number;
  educationCode: string | null;
  experienceYearsMin: number;
  workMode: string;
  headcount: number;
  requiredSkills: JobSkill[];
  publishedAt: Date | string | null;
  validUntil: string;
}

/** The page's rows with employer names, in the order of `ids`: one primary-key statement (raw SQL: the hot path). */
async function pageRows(ctx: Ctx, ids: string[]): Promise<PageRow[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.platform.database.query<PageRow>(
    `select jp.id::text as "id", jp.org_id::text as "orgId", o.name as "orgName", jp.title, left(jp.description, 120) as "summary",
       jp.region_code as "regionCode", jp.occupation_code as "occupationCode", jp.is_digital as "isDigital",
       jp.salary_min_fen as "salaryMinFen", jp.salary_max_fen as "salaryMaxFen", jp.education_code as "educationCode",
       jp.experience_years_min as "experienceYearsMin", jp.work_mode as "workMode", jp.headcount,
       jp.required_skills as "requiredSkills", jp.published_at as "publishedAt", to_char(jp.valid_until, 'YYYY-MM-DD') as "validUntil"
     from job_postings jp left join organisations o on o.id = jp.org_id where jp.id = any($1::uuid[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

const isoTime = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

export async function searchJobs(ctx: Ctx, q: JobSearchQuery) {
  const viaIndex = await searchWithIndex(ctx, q);
  const { match, terms, counts, pageIds } = viaIndex ?? (await searchWithSql(ctx, q));
  const rows = await pageRows(ctx, pageIds);
  const names = await catalogueNames(ctx, {
    region: [...rows.map((r) => r.regionCode), ...counts.city.keys()],
    occupation: [...rows.map((r) => r.occupationCode), ...counts.occupation.keys()],
  });
  const items = rows.map(({ requiredSkills, publishedAt, orgName, ...r }) => ({
    ...r,
    orgName: orgName ?? null,
    regionName: names.region.get(r.regionCode) ?? null,
    occupationName: names.occupation.get(r.occupationCode) ?? null,
    skills: (typeof requiredSkills === 'string' ? (JSON.parse(requiredSkills) as JobSkill[]) : requiredSkills).map((s) => s.name),
    publishedAt: isoTime(publishedAt),
    highlight: { title: highlight(r.title, terms) },
  }));
  return {
    items,
    total: counts.total,
    page: q.page,
    pageSize: q.pageSize,
    match,
    facets: {
      city: sorted(counts.city).map(([code, count]) => ({ code, name: names.region.get(code) ?? null, count })),
      digital: ['true', 'false'].map((v) => ({ value: v === 'true', count: counts.digital.get(v) ?? 0 })),
      education: sorted(counts.education).map(([code, count]) => ({ code, name: names.education.get(code) ?? null, count })),
      occupation: sorted(counts.occupation).map(([code, count]) => ({ code, name: names.occupation.get(code) ?? null, count })),
    },
    ...(counts.total === 0 ? { code: JOBS_NO_MATCH } : {}),
  };
}

export { setSearchCache } from './jobs.search-cache.js';
export { prepareSearchIndex } from './jobs.search-sync.js';
export { searchWithSql } from './jobs.search-sql.js';
