/**
 * Job search in SQL: the reference definition of what matches and how it is counted, and the path used
 * while the in-process index is being built or for queries it does not evaluate (ADR 0011).
 * Full text over jieba tokens (`search_tsv`, GIN), ranked with ts_rank_cd; when that finds nothing, a
 * partial-word fallback on the title (ILIKE, pg_trgm GIN for ≥ 3 characters). Only live postings:
 * published, and today (China) within valid_from … valid_until.
 *
 * Two statements per search: one grouped count over the filtered set (facets and total; each facet
 * leaves out its own filter, computed in JS from a small cube), and one page of ids.
 */
import { and, asc, desc, eq, gte, like, lte, type SQL, sql } from 'drizzle-orm';
import { type JobSearchQuery, JobStatus } from '../../../shared/jobs.js';
import type { Ctx } from '../../context.js';
import { cityOf, regionPrefix } from '../access/region-scope.js';
import { parseQuery } from './jobs.segment.js';
import { jobPostings as jp } from './jobs.tables.js';
import { chinaDate } from './jobs.views.js';

export type Match = 'all' | 'fulltext' | 'partial';
interface TextMatch {
  match: Match;
  where: SQL | undefined;
  rank: SQL<number> | undefined;
  terms: string[];
}

interface CubeRow {
  region: string | null;
  digital: boolean | null;
  education: string | null;
  occupation: string | null;
  g: number;
  n: number;
  n_all: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

function fullText(q: string): TextMatch | null {
  const parsed = parseQuery(q);
  if (!parsed.tsquery) return null;
  const query = sql`to_tsquery('simple', ${parsed.tsquery})`;
  return { match: 'fulltext', where: sql`${jp.searchTsv} @@ ${query}`, rank: sql<number>`ts_rank_cd(${jp.searchTsv}, ${query})`, terms: parsed.terms };
}

/** Partial words (析师, 据分析) that segmentation cannot find. pg_trgm serves ≥ 3 characters; 2 scan (STACK.md §2). */
function partialTitle(q: string): TextMatch | null {
  const text = q.trim();
  if (text.length < 2) return null;
  return {
    match: 'partial',
    where: sql`${jp.title} ilike ${`%${escapeLike(text)}%`}`,
    rank: sql<number>`similarity(${jp.title}, ${text})`,
    terms: [text.toLowerCase()],
  };
}

/** Filters every search applies: live postings, occupation prefix, salary, posted within. */
function baseFilters(ctx: Ctx, q: JobSearchQuery): SQL[] {
  const today = chinaDate(ctx.now);
  const out: SQL[] = [eq(jp.status, JobStatus.enum.published), lte(jp.validFrom, today), gte(jp.validUntil, today)];
  if (q.occupation) out.push(like(jp.occupationCode, `${q.occupation}%`));
  if (q.salaryMin !== undefined) out.push(gte(jp.salaryMaxFen, q.salaryMin));
  if (q.postedWithin) out.push(gte(jp.publishedAt, new Date(ctx.now.getTime() - q.postedWithin * 86_400_000)));
  return out;
}

/**
 * GB/T 4658 education: a category code (20 大学本科教育) covers its detailed codes (21 毕业, 22 结业, 23 肄业);
 * a detailed code matches itself.
 */
const isEducationCategory = (code: string) => code.endsWith('0');
const educationMatches = (wanted: string, code: string) => (isEducationCategory(wanted) ? code.startsWith(wanted.slice(0, 1)) : code === wanted);
function educationFilter(wanted: string): SQL {
  return isEducationCategory(wanted) ? like(jp.educationCode, `${wanted.slice(0, 1)}%`) : eq(jp.educationCode, wanted);
}

/** Filters that have a facet: each facet is counted without its own filter. */
function facetFilters(q: JobSearchQuery) {
  const region = [q.city ? like(jp.regionCode, `${regionPrefix(q.city)}%`) : undefined, q.county ? eq(jp.regionCode, q.county) : undefined];
  return {
    region: and(...region),
    digital: q.digital ? eq(jp.isDigital, q.digital === 'true') : undefined,
    education: q.education ? educationFilter(q.education) : undefined,
  };
}

function cellMatcher(q: JobSearchQuery) {
  return {
    region: (code: string) => (!q.city || code.startsWith(regionPrefix(q.city))) && (!q.county || code === q.county),
    digital: (d: boolean) => !q.digital || d === (q.digital === 'true'),
    education: (e: string | null) => !q.education || (e !== null && educationMatches(q.education, e)),
  };
}

async function cube(ctx: Ctx, where: SQL | undefined, all: SQL | undefined): Promise<CubeRow[]> {
  const occ = sql`left(${jp.occupationCode}, 4)`;
  const result = await ctx.db.execute(sql`
    select ${jp.regionCode} as region, ${jp.isDigital} as digital, ${jp.educationCode} as education, ${occ} as occupation,
      grouping(${jp.regionCode})::int as g, count(*)::int as n, (count(*) filter (where ${all ?? sql`true`}))::int as n_all
    from ${jp} where ${where ?? sql`true`}
    group by grouping sets ((${jp.regionCode}, ${jp.isDigital}, ${jp.educationCode}), (${occ}))`);
  return (result as unknown as { rows: CubeRow[] }).rows.map((r) => ({ ...r, n: Number(r.n), n_all: Number(r.n_all), g: Number(r.g) }));
}

function add(map: Map<string, number>, key: string, n: number) {
  if (n > 0) map.set(key, (map.get(key) ?? 0) + n);
}

function tally(rows: CubeRow[], q: JobSearchQuery) {
  const m = cellMatcher(q);
  const city = new Map<string, number>();
  const digital = new Map<string, number>();
  const education = new Map<string, number>();
  const occupation = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    if (r.g === 1) {
      add(occupation, r.occupation ?? '', r.n_all);
      continue;
    }
    const region = r.region ?? '';
    const [inRegion, isDigital, inEducation] = [m.region(region), m.digital(r.digital === true), m.education(r.education)];
    if (inRegion && isDigital && inEducation) total += r.n;
    if (isDigital && inEducation) add(city, cityOf(region) ?? region, r.n);
    if (inRegion && inEducation) add(digital, String(r.digital === true), r.n);
    if (inRegion && isDigital) add(education, r.education ?? 'none', r.n);
  }
  return { total, city, digital, education, occupation };
}

function orderBy(q: JobSearchQuery, text: TextMatch) {
  const sort = q.sort ?? (text.rank ? 'relevance' : 'newest');
  if (sort === 'relevance' && text.rank) return [desc(text.rank), desc(jp.publishedAt), asc(jp.id)];
  if (sort === 'salary') return [desc(jp.salaryMaxFen), desc(jp.salaryMinFen), desc(jp.publishedAt), asc(jp.id)];
  return [desc(jp.publishedAt), asc(jp.id)];
}

async function page(ctx: Ctx, q: JobSearchQuery, text: TextMatch, where: SQL | undefined): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: jp.id })
    .from(jp)
    .where(where)
    .orderBy(...orderBy(q, text))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return rows.map((r) => r.id);
}

/** Counts first; falls back to partial title words when full text finds nothing. */
async function countWithFallback(ctx: Ctx, q: JobSearchQuery) {
  const base = baseFilters(ctx, q);
  const f = facetFilters(q);
  const all = and(f.region, f.digital, f.education);
  const text = q.q ? (fullText(q.q) ?? partialTitle(q.q)) : null;
  let chosen: TextMatch = text ?? { match: 'all', where: undefined, rank: undefined, terms: [] };
  let counts = tally(await cube(ctx, and(...base, chosen.where), all), q);
  if (counts.total === 0 && chosen.match === 'fulltext' && q.q) {
    const partial = partialTitle(q.q);
    if (partial) {
      chosen = partial;
      counts = tally(await cube(ctx, and(...base, chosen.where), all), q);
    }
  }
  return { chosen, counts, where: and(...base, chosen.where, all) };
}

export interface SearchAnswer {
  match: Match;
  /** Words to highlight. */
  terms: string[];
  counts: ReturnType<typeof tally>;
  pageIds: string[];
}

export async function searchWithSql(ctx: Ctx, q: JobSearchQuery): Promise<SearchAnswer> {
  const { chosen, counts, where } = await countWithFallback(ctx, q);
  const pageIds = counts.total > 0 ? await page(ctx, q, chosen, where) : [];
  return { match: chosen.match, terms: chosen.terms, counts, pageIds };
}
