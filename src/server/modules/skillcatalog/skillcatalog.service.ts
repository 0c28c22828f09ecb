/**
 * Catalogue versions: who sees which, their views with entries, Excel export, publication through the
 * workflow engine, what is in force on a day, and the difference between two versions. Drafts are created
 * and edited in skillcatalog.drafts.ts.
 */
import { and, asc, desc, eq, gt, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { type CatalogueKind, type CatalogueVersionAction, type CatalogueVersionStatus, catalogueVersionWorkflow } from '../../../shared/skillcatalog.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { inRegion, PROVINCE_CODE } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { occupations, regions } from '../catalog/catalog.tables.js';
import { applyTransition, type WorkflowBinding, workflowHistory } from '../workflow/workflow.service.js';
import { catalogueWorkbook } from './skillcatalog.excel.js';
import { chinaDate, entryOrder, versionInForce } from './skillcatalog.lookup.js';
import { type CatalogueVersionRow, catalogueEntries, catalogueVersions } from './skillcatalog.tables.js';

export type ActorCtx = Ctx & { actor: Actor };

export const KIND_NAMES: Record<CatalogueKind, string> = {
  key_industry_demand: '重点产业职业培训需求指导目录',
  shortage: '急需紧缺职业（工种）目录',
  training_subsidy: '职业培训补贴目录',
};
const STATUS_NAMES: Record<CatalogueVersionStatus, string> = { draft: '草稿', published: '已发布', discarded: '已作废' };

/** Only officials of 人社 write catalogues. */
export function assertHrss(actor: Actor) {
  if (actor.role !== 'official' || actor.department !== 'hrss') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'department' } });
}

export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** May this actor see the version? Published and discarded ones: anyone; drafts: officials of its region. */
function visible(actor: Actor | null, v: CatalogueVersionRow): boolean {
  if (v.status !== 'draft') return true;
  return actor?.role === 'official' && inRegion(actor, v.regionCode);
}

export async function loadVersion(ctx: Ctx, id: string, lock = false): Promise<CatalogueVersionRow> {
  const q = ctx.db.select().from(catalogueVersions).where(eq(catalogueVersions.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || !visible(ctx.actor, row)) throw new AppError('NOT_FOUND', { status: 404 });
  return row;
}

async function regionName(db: Db, code: string): Promise<string> {
  const [r] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
  return r?.name ?? code;
}

function versionView(v: CatalogueVersionRow, extra: { regionName: string; entryCount: number; actor: Actor | null; today: string }) {
  const mayAct = extra.actor?.role === 'official' && extra.actor.department === 'hrss' && inRegion(extra.actor, v.regionCode);
  return {
    id: v.id,
    kind: v.kind as CatalogueKind,
    regionCode: v.regionCode,
    regionName: extra.regionName,
    label: v.label,
    documentNo: v.documentNo,
    status: v.status as CatalogueVersionStatus,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
    /** published and in force today */
    inForce: v.status === 'published' && v.effectiveFrom <= extra.today && (v.effectiveTo === null || v.effectiveTo >= extra.today),
    note: v.note,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    createdAt: v.createdAt.toISOString(),
    entryCount: extra.entryCount,
    allowedActions: mayAct && extra.actor ? allowedActions(catalogueVersionWorkflow, v.status as CatalogueVersionStatus, [extra.actor.role]) : [],
  };
}
export type VersionView = ReturnType<typeof versionView>;

async function entriesOf(db: Db, versionId: string) {
  const rows = await db
    .select({ entry: catalogueEntries, occupationName: occupations.name })
    .from(catalogueEntries)
    // left join: an entry stays visible even if a later classification release dropped its code
    .leftJoin(occupations, eq(occupations.code, catalogueEntries.occupationCode))
    .where(eq(catalogueEntries.versionId, versionId));
  return rows
    .map(({ entry, occupationName }) => ({ ...entry, occupationName: occupationName ?? entry.occupationCode }))
    .sort(entryOrder)
    .map((e) => ({
      id: e.id,
      occupationCode: e.occupationCode,
      occupationName: e.occupationName,
      workType: e.workType,
      levelCode: e.levelCode,
      subsidyFen: e.subsidyFen,
      digital: e.digital,
      note: e.note,
    }));
}
export type EntryView = Awaited<ReturnType<typeof entriesOf>>[number];

/** Versions: published ones to anyone (filtered by kind/region/status), drafts only to officials of their region. */
export async function listVersions(
  ctx: Ctx,
  q: { kind?: CatalogueKind | undefined; regionCode?: string | undefined; status?: CatalogueVersionStatus | undefined },
) {
  const conds: SQL[] = [];
  if (q.kind) conds.push(eq(catalogueVersions.kind, q.kind));
  if (q.regionCode) conds.push(eq(catalogueVersions.regionCode, q.regionCode));
  if (q.status) conds.push(eq(catalogueVersions.status, q.status));
  const rows = await ctx.db
    .select({
      v: catalogueVersions,
      regionName: regions.name,
      entryCount: sql<number>`(select count(*)::int from ${catalogueEntries} where ${catalogueEntries.versionId} = ${catalogueVersions.id})`,
    })
    .from(catalogueVersions)
    .leftJoin(regions, eq(regions.code, catalogueVersions.regionCode))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(catalogueVersions.kind), asc(catalogueVersions.regionCode), desc(catalogueVersions.effectiveFrom), desc(catalogueVersions.createdAt));
  const today = chinaDate(ctx.now);
  return {
    items: rows
      .filter(({ v }) => visible(ctx.actor, v))
      .map(({ v, regionName, entryCount }) =>
        versionView(v, { regionName: regionName ?? v.regionCode, entryCount: Number(entryCount), actor: ctx.actor, today }),
      ),
  };
}

export async function getVersion(ctx: Ctx, id: string) {
  const v = await loadVersion(ctx, id);
  const entries = await entriesOf(ctx.db, id);
  return {
    ...versionView(v, { regionName: await regionName(ctx.db, v.regionCode), entryCount: entries.length, actor: ctx.actor, today: chinaDate(ctx.now) }),
    entries,
    history: await workflowHistory(ctx, catalogueVersionWorkflow.name, id),
  };
}

export function assertNotPast(ctx: Ctx, effectiveFrom: string) {
  if (effectiveFrom < chinaDate(ctx.now)) throw new AppError('CATALOGUE_EFFECTIVE_FROM_PAST', { status: 400, params: { field: 'effectiveFrom' } });
}

/** Any visible version as an Excel workbook. */
export async function exportVersion(ctx: Ctx, id: string) {
  const v = await loadVersion(ctx, id);
  const entries = await entriesOf(ctx.db, id);
  const rName = await regionName(ctx.db, v.regionCode);
  const kindName = KIND_NAMES[v.kind as CatalogueKind];
  const body = await catalogueWorkbook(
    {
      title: kindName,
      kindName,
      regionName: rName,
      label: v.label,
      documentNo: v.documentNo,
      effectiveFrom: v.effectiveFrom,
      effectiveTo: v.effectiveTo,
      status: STATUS_NAMES[v.status as CatalogueVersionStatus],
    },
    entries,
  );
  return { body, fileName: `${rName}${kindName}（${v.label}）.xlsx` };
}

/** Publish only from the publication day on; a later start than every published version of the kind and region. */
function versionBinding(): WorkflowBinding<CatalogueVersionStatus, CatalogueVersionAction, CatalogueVersionRow> {
  return {
    workflow: catalogueVersionWorkflow,
    table: catalogueVersions,
    async guard(ctx, row, action) {
      assertHrss(ctx.actor);
      if (action !== 'publish') return;
      // two drafts of the same kind and region are never published at once
      await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`catalogue:${row.kind}:${row.regionCode}`}))`);
      assertNotPast(ctx, row.effectiveFrom);
      const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(catalogueEntries).where(eq(catalogueEntries.versionId, row.id));
      if (!count || Number(count.n) === 0) throw new AppError('CATALOGUE_EMPTY', { status: 409 });
      const [latest] = await ctx.db
        .select({ effectiveFrom: catalogueVersions.effectiveFrom })
        .from(catalogueVersions)
        .where(and(eq(catalogueVersions.kind, row.kind), eq(catalogueVersions.regionCode, row.regionCode), eq(catalogueVersions.status, 'published')))
        .orderBy(desc(catalogueVersions.effectiveFrom))
        .limit(1);
      if (latest && latest.effectiveFrom >= row.effectiveFrom) {
        throw new AppError('CATALOGUE_EFFECTIVE_FROM_NOT_AFTER_CURRENT', { status: 409, params: { latest: latest.effectiveFrom } });
      }
    },
    async after(ctx, row, action) {
      if (action !== 'publish') return;
      await ctx.db.update(catalogueVersions).set({ publishedBy: ctx.actor.userId, publishedAt: ctx.now }).where(eq(catalogueVersions.id, row.id));
      const closed = await ctx.db
        .update(catalogueVersions)
        .set({ effectiveTo: dayBefore(row.effectiveFrom), updatedAt: ctx.now })
        .where(
          and(
            eq(catalogueVersions.kind, row.kind),
            eq(catalogueVersions.regionCode, row.regionCode),
            eq(catalogueVersions.status, 'published'),
            lt(catalogueVersions.effectiveFrom, row.effectiveFrom),
            or(isNull(catalogueVersions.effectiveTo), gt(catalogueVersions.effectiveTo, dayBefore(row.effectiveFrom))),
          ),
        )
        .returning({ id: catalogueVersions.id });
      for (const c of closed) {
        await record(ctx, {
          action: 'catalogue_version.superseded',
          objectType: 'catalogue_version',
          objectId: c.id,
          regionCode: row.regionCode,
          detail: { by: row.id, effectiveTo: dayBefore(row.effectiveFrom) },
        });
      }
    },
    extraSet(ctx) {
      return { updatedAt: ctx.now };
    },
  };
}

export async function transitionVersion(ctx: ActorCtx, id: string, action: string, input: { reason?: string | undefined }) {
  // a draft outside the official's region answers 404 before anything else (also done by applyTransition)
  await loadVersion(ctx, id);
  await applyTransition(ctx, versionBinding(), id, action, input);
  return getVersion(ctx, id);
}

/** What is in force on a day (default today) for a kind and place: the version and its entries. Public. */
export async function inForce(ctx: Ctx, q: { kind: CatalogueKind; regionCode: string; on?: string | undefined; digitalOnly?: boolean | undefined }) {
  const on = q.on ?? chinaDate(ctx.now);
  const [region] = await ctx.db.select().from(regions).where(eq(regions.code, q.regionCode));
  if (!region) throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: 'regionCode' } });
  const v = await versionInForce(ctx.db, { kind: q.kind, on, regionCode: q.regionCode });
  if (!v) return { on, kind: q.kind, regionCode: q.regionCode, version: null, entries: [] };
  const entries = (await entriesOf(ctx.db, v.id)).filter((e) => !q.digitalOnly || e.digital);
  return {
    on,
    kind: q.kind,
    regionCode: q.regionCode,
    version: versionView(v, { regionName: await regionName(ctx.db, v.regionCode), entryCount: entries.length, actor: ctx.actor, today: chinaDate(ctx.now) }),
    entries,
  };
}

const entryKey = (e: { occupationCode: string; workType: string; levelCode: string }) => `${e.occupationCode}|${e.workType}|${e.levelCode}`;

/** Added, removed and changed (subsidy standard or digital mark) entries from version `from` to version `to`. */
export async function diffVersions(ctx: Ctx, fromId: string, toId: string) {
  const [from, to] = [await loadVersion(ctx, fromId), await loadVersion(ctx, toId)];
  if (from.kind !== to.kind) throw new AppError('CATALOGUE_KIND_MISMATCH', { status: 400 });
  const [a, b] = [await entriesOf(ctx.db, fromId), await entriesOf(ctx.db, toId)];
  const before = new Map(a.map((e) => [entryKey(e), e]));
  const after = new Map(b.map((e) => [entryKey(e), e]));
  const added = b.filter((e) => !before.has(entryKey(e)));
  const removed = a.filter((e) => !after.has(entryKey(e)));
  const changed = b.flatMap((e) => {
    const old = before.get(entryKey(e));
    if (!old || (old.subsidyFen === e.subsidyFen && old.digital === e.digital)) return [];
    return [{ ...e, before: { subsidyFen: old.subsidyFen, digital: old.digital }, after: { subsidyFen: e.subsidyFen, digital: e.digital } }];
  });
  const today = chinaDate(ctx.now);
  const view = async (v: CatalogueVersionRow, n: number) =>
    versionView(v, { regionName: await regionName(ctx.db, v.regionCode), entryCount: n, actor: ctx.actor, today });
  return { from: await view(from, a.length), to: await view(to, b.length), added, removed, changed, unchanged: b.length - added.length - changed.length };
}

export { PROVINCE_CODE };
