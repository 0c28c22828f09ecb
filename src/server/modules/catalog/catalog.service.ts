/**
 * Read-only queries over the reference catalogues. Services receive ctx (only `db` is used) and
 * throw AppError codes; no Fastify types here.
 */
import { and, asc, count, eq, ilike, inArray, like, not, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../../../shared/errors.js';
import type { Ctx } from '../../context.js';
import { CATALOG_SOURCES, type CatalogSource } from './catalog.sources.js';
import { educationLevels, industries, type OccupationRow, occupations, type RegionRow, regions, skillClusters, skillLevels, skills } from './catalog.tables.js';

type DbCtx = Pick<Ctx, 'db'>;

export interface Page {
  page: number;
  pageSize: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

/** Escapes LIKE wildcards so user text matches literally (backslash is PostgreSQL's default escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** 0 = exact, 1 = prefix, 2 = contains: search results list the closest matches first. */
function matchRank(q: string, columns: PgColumn[]): SQL<number> {
  const starts = `${escapeLike(q)}%`;
  const isExact = sql.join(
    columns.map((column) => sql`${column} = ${q}`),
    sql` or `,
  );
  const isPrefix = sql.join(
    columns.map((column) => sql`${column} ilike ${starts}`),
    sql` or `,
  );
  return sql<number>`case when ${isExact} then 0 when ${isPrefix} then 1 else 2 end`;
}

function offsetOf({ page, pageSize }: Page): number {
  return (page - 1) * pageSize;
}

// ---------------------------------------------------------------- regions

export type RegionLevel = RegionRow['level'];

export async function listRegions(ctx: DbCtx, filter: { level?: RegionLevel | undefined; parentCode?: string | undefined } = {}) {
  const items = await ctx.db
    .select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode, kind: regions.kind, note: regions.note })
    .from(regions)
    .where(and(filter.level ? eq(regions.level, filter.level) : undefined, filter.parentCode ? eq(regions.parentCode, filter.parentCode) : undefined))
    .orderBy(asc(regions.code));
  return { items };
}

// ---------------------------------------------------------------- occupations

const occupationColumns = {
  code: occupations.code,
  level: occupations.level,
  name: occupations.name,
  parentCode: occupations.parentCode,
  gbmCode: occupations.gbmCode,
  isDigital: occupations.isDigital,
  isGreen: occupations.isGreen,
  in2022Edition: occupations.in2022Edition,
  status: occupations.status,
  addedBatch: occupations.addedBatch,
};
export type OccupationItem = Pick<OccupationRow, keyof typeof occupationColumns>;

/** Superseded codes (re-coded after 2022) stay in the table but are left out of searches by default. */
const notSuperseded = not(like(occupations.status, 'superseded%'));

export interface OccupationSearch extends Page {
  q?: string | undefined;
  /** Code prefix such as '2-02' or '4-04-05': that node and everything below it. */
  prefix?: string | undefined;
  digital?: boolean | undefined;
  level?: number | undefined;
  includeSuperseded?: boolean | undefined;
}

export async function searchOccupations(ctx: DbCtx, search: OccupationSearch): Promise<Paged<OccupationItem>> {
  const { q, prefix } = search;
  const where = and(
    search.includeSuperseded ? undefined : notSuperseded,
    q ? or(ilike(occupations.name, `%${escapeLike(q)}%`), like(occupations.code, `${escapeLike(q)}%`)) : undefined,
    prefix ? or(eq(occupations.code, prefix), like(occupations.code, `${escapeLike(prefix)}-%`)) : undefined,
    search.digital === undefined ? undefined : eq(occupations.isDigital, search.digital),
    search.level === undefined ? undefined : eq(occupations.level, search.level),
  );
  const order = q ? [matchRank(q, [occupations.name, occupations.code])] : [];
  const [items, [totals]] = await Promise.all([
    ctx.db
      .select(occupationColumns)
      .from(occupations)
      .where(where)
      .orderBy(...order, asc(occupations.code))
      .limit(search.pageSize)
      .offset(offsetOf(search)),
    ctx.db.select({ total: count() }).from(occupations).where(where),
  ]);
  return { items, total: totals?.total ?? 0 };
}

export async function findOccupation(ctx: DbCtx, code: string): Promise<OccupationItem | undefined> {
  const [row] = await ctx.db.select(occupationColumns).from(occupations).where(eq(occupations.code, code));
  return row;
}

/** Codes of a node's ancestors, root first: '2-02-38-01' → ['2', '2-02', '2-02-38']. */
export function ancestorCodes(code: string): string[] {
  const parts = code.split('-');
  return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join('-'));
}

/** One occupation node with its ancestors (大类 first) and children (all statuses). 404 NOT_FOUND if unknown. */
export async function getOccupation(ctx: DbCtx, code: string) {
  const occupation = await findOccupation(ctx, code);
  if (!occupation) throw new AppError('NOT_FOUND', { status: 404, params: { resource: 'occupation', code } });
  const chain = ancestorCodes(code);
  const [ancestors, children] = await Promise.all([
    chain.length > 0
      ? ctx.db.select(occupationColumns).from(occupations).where(inArray(occupations.code, chain)).orderBy(asc(occupations.level))
      : Promise.resolve([]),
    ctx.db.select(occupationColumns).from(occupations).where(eq(occupations.parentCode, code)).orderBy(asc(occupations.code)),
  ]);
  return { occupation, ancestors, children };
}

/** For validating input: the occupation, or 400 CATALOG_UNKNOWN_CODE naming the field. */
export async function checkOccupationCode(ctx: DbCtx, code: string, field = 'occupationCode'): Promise<OccupationItem> {
  const row = await findOccupation(ctx, code);
  if (!row) throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field, code } });
  return row;
}

/** True for a 细类 marked S (数字职业) in the 2022 edition or a later batch. */
export async function isDigitalOccupation(ctx: DbCtx, code: string): Promise<boolean> {
  return (await findOccupation(ctx, code))?.isDigital ?? false;
}

export interface DigitalGroupCount {
  code: string;
  name: string;
  count: number;
}

/** 数字职业 (细类 marked S, superseded codes excluded) counted by 大类 and by 中类, for the home page. */
export async function digitalOccupationSummary(ctx: DbCtx) {
  const [leaves, groups] = await Promise.all([
    ctx.db
      .select({ code: occupations.code })
      .from(occupations)
      .where(and(eq(occupations.isDigital, true), notSuperseded)),
    ctx.db
      .select({ code: occupations.code, name: occupations.name, level: occupations.level })
      .from(occupations)
      .where(inArray(occupations.level, [1, 2]))
      .orderBy(asc(occupations.code)),
  ]);
  const tally = new Map<string, number>();
  for (const { code } of leaves) {
    for (const group of ancestorCodes(code).slice(0, 2)) tally.set(group, (tally.get(group) ?? 0) + 1);
  }
  const counted = (level: number): DigitalGroupCount[] =>
    groups.filter((group) => group.level === level && tally.has(group.code)).map(({ code, name }) => ({ code, name, count: tally.get(code) ?? 0 }));
  return { total: leaves.length, byMajor: counted(1), byMid: counted(2) };
}

// ---------------------------------------------------------------- industries

export type IndustryLevel = (typeof industries.$inferSelect)['level'];

export interface IndustrySearch extends Page {
  q?: string | undefined;
  level?: IndustryLevel | undefined;
  parentCode?: string | undefined;
}

export async function listIndustries(ctx: DbCtx, search: IndustrySearch) {
  const { q } = search;
  const where = and(
    q ? or(ilike(industries.name, `%${escapeLike(q)}%`), like(industries.code, `${escapeLike(q)}%`)) : undefined,
    search.level ? eq(industries.level, search.level) : undefined,
    search.parentCode ? eq(industries.parentCode, search.parentCode) : undefined,
  );
  const order = q ? [matchRank(q, [industries.name, industries.code])] : [];
  const columns = {
    code: industries.code,
    level: industries.level,
    name: industries.name,
    parentCode: industries.parentCode,
    section: industries.section,
    remark: industries.remark,
  };
  const [items, [totals]] = await Promise.all([
    ctx.db
      .select(columns)
      .from(industries)
      .where(where)
      // Depth-first: each 门类 letter, then its numeric codes, which sort parent-before-child.
      .orderBy(...order, asc(industries.section), asc(sql`${industries.level} <> 'section'`), asc(industries.code))
      .limit(search.pageSize)
      .offset(offsetOf(search)),
    ctx.db.select({ total: count() }).from(industries).where(where),
  ]);
  return { items, total: totals?.total ?? 0 };
}

/** For validating input: the industry, or 400 CATALOG_UNKNOWN_CODE naming the field. */
export async function checkIndustryCode(ctx: DbCtx, code: string, field = 'industryCode') {
  const [row] = await ctx.db.select().from(industries).where(eq(industries.code, code));
  if (!row) throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field, code } });
  return row;
}

// ---------------------------------------------------------------- education and skill levels

export async function listEducationLevels(ctx: DbCtx) {
  const items = await ctx.db.select().from(educationLevels).orderBy(asc(educationLevels.code));
  return { items };
}

export async function listSkillLevels(ctx: DbCtx) {
  const items = await ctx.db.select().from(skillLevels).orderBy(asc(skillLevels.scheme), asc(skillLevels.rank));
  return { items };
}

// ---------------------------------------------------------------- skills

export interface SkillSearch extends Page {
  q?: string | undefined;
  clusterId?: string | undefined;
  direction?: string | undefined;
}

export async function listSkills(ctx: DbCtx, search: SkillSearch) {
  const { q } = search;
  const contains = q ? `%${escapeLike(q)}%` : '';
  const where = and(
    q
      ? or(
          ilike(skills.nameZh, contains),
          ilike(skills.nameEn, contains),
          eq(skills.id, q.toLowerCase()),
          sql`exists (select 1 from unnest(${skills.aliasesZh}) as alias where alias ilike ${contains})`,
        )
      : undefined,
    search.clusterId ? eq(skills.clusterId, search.clusterId) : undefined,
    search.direction ? eq(skills.direction, search.direction) : undefined,
  );
  const order = q ? [matchRank(q, [skills.nameZh, skills.nameEn])] : [];
  const [items, [totals]] = await Promise.all([
    ctx.db
      .select()
      .from(skills)
      .where(where)
      .orderBy(...order, asc(skills.id))
      .limit(search.pageSize)
      .offset(offsetOf(search)),
    ctx.db.select({ total: count() }).from(skills).where(where),
  ]);
  return { items, total: totals?.total ?? 0 };
}

/** Clusters with how many skills each holds. */
export async function listSkillClusters(ctx: DbCtx) {
  const items = await ctx.db
    .select({
      id: skillClusters.id,
      nameZh: skillClusters.nameZh,
      nameEn: skillClusters.nameEn,
      direction: skillClusters.direction,
      skillCount: sql<number>`count(${skills.id})::int`,
    })
    .from(skillClusters)
    .leftJoin(skills, eq(skills.clusterId, skillClusters.id))
    .groupBy(skillClusters.id)
    .orderBy(asc(skillClusters.direction), asc(skillClusters.id));
  return { items };
}

// ---------------------------------------------------------------- sources

/** Where each catalogue comes from, its licence and the attribution it requires. */
export function listSources(): { items: (CatalogSource & { files: string[] })[] } {
  return { items: CATALOG_SOURCES.map((source) => ({ ...source, files: [...source.files] })) };
}
