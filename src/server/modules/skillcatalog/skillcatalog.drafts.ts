/**
 * Catalogue drafts: officials (人社) of the publishing region (the province or a city) create a draft, empty or
 * copied from another version, change its details, and put, delete or import (Excel, all or nothing) its
 * entries, each checked against the occupation classification. Only drafts are edited; publication is in
 * skillcatalog.service.ts.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { CatalogueKind, CreateVersion, EntryInput, UpdateVersion } from '../../../shared/skillcatalog.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { inRegion, regionContains, regionLevel } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { occupations } from '../catalog/catalog.tables.js';
import { type OccupationInfo, parseCatalogueWorkbook } from './skillcatalog.excel.js';
import { type ActorCtx, assertHrss, assertNotPast, getVersion, loadVersion } from './skillcatalog.service.js';
import { type CatalogueEntryRow, type CatalogueVersionRow, catalogueEntries, catalogueVersions } from './skillcatalog.tables.js';

function inTx<T>(ctx: Ctx, fn: (t: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

async function editableDraft(ctx: ActorCtx, id: string): Promise<CatalogueVersionRow> {
  assertHrss(ctx.actor);
  const row = await loadVersion(ctx, id, true);
  if (!inRegion(ctx.actor, row.regionCode)) throw new AppError('NOT_FOUND', { status: 404, params: { reason: 'region' } });
  if (row.status !== 'draft') throw new AppError('CATALOGUE_NOT_EDITABLE', { status: 409, params: { status: row.status } });
  return row;
}

/**
 * Before the body is validated: the actor is an official (人社) who may edit versions of this version's region,
 * so that a malformed request to someone else's draft answers 404 like any other, not 400.
 */
export async function assertVersionWritable(ctx: ActorCtx, id: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', { status: 404 });
  assertHrss(ctx.actor);
  const row = await loadVersion(ctx, id);
  if (!inRegion(ctx.actor, row.regionCode)) throw new AppError('NOT_FOUND', { status: 404, params: { reason: 'region' } });
}

async function occupationInfo(db: Db, codes: string[]): Promise<Map<string, OccupationInfo>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: occupations.code, level: occupations.level, name: occupations.name, isDigital: occupations.isDigital })
    .from(occupations)
    .where(inArray(occupations.code, codes));
  return new Map(rows.map((r) => [r.code, { level: r.level, name: r.name, isDigital: r.isDigital }]));
}

/** The publishing region: given (province official: any city or the province; city official: own city), else own. */
function publisherRegion(actor: Actor, requested: string | undefined): string {
  const code = requested ?? actor.regionCode;
  const level = regionLevel(code);
  if (level !== 'province' && level !== 'city') throw new AppError('CATALOGUE_REGION_LEVEL', { status: 400, params: { field: 'regionCode' } });
  if (!regionContains(actor.regionCode, code)) throw new AppError('FORBIDDEN_REGION', { status: 403, params: { field: 'regionCode' } });
  return code;
}

/** Official (人社) of the province or a city: a new draft, empty or copied from another version of the same kind. 201. */
export async function createVersion(ctx: ActorCtx, input: CreateVersion) {
  assertHrss(ctx.actor);
  const regionCode = publisherRegion(ctx.actor, input.regionCode);
  assertNotPast(ctx, input.effectiveFrom);
  const id = await inTx(ctx, async (t) => {
    let source: CatalogueVersionRow | null = null;
    if (input.copyFrom) {
      source = await loadVersion(t, input.copyFrom);
      if (source.kind !== input.kind) throw new AppError('CATALOGUE_KIND_MISMATCH', { status: 400, params: { field: 'copyFrom' } });
    }
    const [row] = await t.db
      .insert(catalogueVersions)
      .values({
        kind: input.kind,
        regionCode,
        label: input.label,
        documentNo: input.documentNo ?? null,
        status: 'draft',
        effectiveFrom: input.effectiveFrom,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: catalogueVersions.id });
    const newId = (row as { id: string }).id;
    let copied = 0;
    if (source) {
      const res = await t.db.execute(sql`
        insert into ${catalogueEntries} (version_id, occupation_code, work_type, level_code, subsidy_fen, digital, note)
        select ${newId}, occupation_code, work_type, level_code, subsidy_fen, digital, note from ${catalogueEntries} where version_id = ${source.id}`);
      copied = (res as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (res as { affectedRows?: number }).affectedRows ?? 0;
    }
    await record(t, {
      action: 'catalogue_version.create',
      objectType: 'catalogue_version',
      objectId: newId,
      regionCode,
      detail: { kind: input.kind, effectiveFrom: input.effectiveFrom, ...(source ? { copyFrom: source.id, copied } : {}) },
    });
    return newId;
  });
  return getVersion(ctx, id);
}

export async function updateVersion(ctx: ActorCtx, id: string, input: UpdateVersion) {
  await inTx(ctx, async (t) => {
    const v = await editableDraft({ ...t, actor: ctx.actor }, id);
    if (input.effectiveFrom) assertNotPast(ctx, input.effectiveFrom);
    await t.db
      .update(catalogueVersions)
      .set({
        ...(input.label !== undefined ? { label: input.label } : {}),
        ...(input.documentNo !== undefined ? { documentNo: input.documentNo } : {}),
        ...(input.effectiveFrom !== undefined ? { effectiveFrom: input.effectiveFrom } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        updatedAt: ctx.now,
      })
      .where(eq(catalogueVersions.id, id));
    await record(t, {
      action: 'catalogue_version.update',
      objectType: 'catalogue_version',
      objectId: id,
      regionCode: v.regionCode,
      detail: { fields: Object.keys(input) },
    });
  });
  return getVersion(ctx, id);
}

/** Checks one entry for a version of `kind`; the digital mark comes from the occupation classification. */
async function checkedEntry(db: Db, kind: CatalogueKind, e: EntryInput) {
  const info = (await occupationInfo(db, [e.occupationCode])).get(e.occupationCode);
  if (!info) throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: 'occupationCode' } });
  if (info.level !== 4) throw new AppError('CATALOGUE_ENTRY_INVALID', { status: 400, params: { field: 'occupationCode', problem: 'occupation_not_detailed' } });
  if (kind === 'training_subsidy') {
    if (!e.levelCode) throw new AppError('CATALOGUE_ENTRY_INVALID', { status: 400, params: { field: 'levelCode', problem: 'level_required' } });
    if (e.subsidyFen === null) throw new AppError('CATALOGUE_ENTRY_INVALID', { status: 400, params: { field: 'subsidyFen', problem: 'subsidy_required' } });
  } else if (e.subsidyFen !== null) {
    throw new AppError('CATALOGUE_ENTRY_INVALID', { status: 400, params: { field: 'subsidyFen', problem: 'subsidy_not_allowed' } });
  }
  return {
    occupationCode: e.occupationCode,
    workType: e.workType,
    levelCode: e.levelCode,
    subsidyFen: e.subsidyFen,
    digital: info.isDigital,
    note: e.note ?? null,
  };
}

/** Adds an entry to a draft, or replaces the one with the same occupation, 工种 and level. */
export async function putEntry(ctx: ActorCtx, versionId: string, input: EntryInput) {
  return inTx(ctx, async (t) => {
    const v = await editableDraft({ ...t, actor: ctx.actor }, versionId);
    const e = await checkedEntry(t.db, v.kind as CatalogueKind, input);
    const [row] = await t.db
      .insert(catalogueEntries)
      .values({ versionId, ...e })
      .onConflictDoUpdate({
        target: [catalogueEntries.versionId, catalogueEntries.occupationCode, catalogueEntries.workType, catalogueEntries.levelCode],
        set: { subsidyFen: e.subsidyFen, digital: e.digital, note: e.note },
      })
      .returning();
    await t.db.update(catalogueVersions).set({ updatedAt: ctx.now }).where(eq(catalogueVersions.id, versionId));
    await record(t, {
      action: 'catalogue_version.entry_put',
      objectType: 'catalogue_version',
      objectId: versionId,
      regionCode: v.regionCode,
      detail: { occupationCode: e.occupationCode, workType: e.workType, levelCode: e.levelCode, subsidyFen: e.subsidyFen },
    });
    return row as CatalogueEntryRow;
  });
}

export async function deleteEntry(ctx: ActorCtx, versionId: string, entryId: string) {
  await inTx(ctx, async (t) => {
    const v = await editableDraft({ ...t, actor: ctx.actor }, versionId);
    const gone = await t.db
      .delete(catalogueEntries)
      .where(and(eq(catalogueEntries.id, entryId), eq(catalogueEntries.versionId, versionId)))
      .returning();
    const e = gone[0];
    if (!e) throw new AppError('NOT_FOUND', { status: 404 });
    await record(t, {
      action: 'catalogue_version.entry_delete',
      objectType: 'catalogue_version',
      objectId: versionId,
      regionCode: v.regionCode,
      detail: { occupationCode: e.occupationCode, workType: e.workType, levelCode: e.levelCode },
    });
  });
  return { ok: true };
}

/**
 * Replaces a draft's entries with the rows of an Excel workbook, all or nothing. 200 {imported};
 * 422 CATALOGUE_IMPORT_ROWS_INVALID {count, rows: [{row, column, error, value}] (first 200)}.
 */
export async function importEntries(ctx: ActorCtx, versionId: string, body: Buffer) {
  return inTx(ctx, async (t) => {
    const v = await editableDraft({ ...t, actor: ctx.actor }, versionId);
    const { entries, problems } = await parseCatalogueWorkbook(body, v.kind as CatalogueKind, (codes) => occupationInfo(t.db, codes));
    if (problems.length > 0) {
      const rowCount = new Set(problems.map((p) => p.row)).size;
      throw new AppError('CATALOGUE_IMPORT_ROWS_INVALID', { status: 422, params: { count: rowCount, rows: problems.slice(0, 200) } });
    }
    const info = await occupationInfo(t.db, [...new Set(entries.map((e) => e.occupationCode))]);
    await t.db.delete(catalogueEntries).where(eq(catalogueEntries.versionId, versionId));
    for (let i = 0; i < entries.length; i += 500) {
      await t.db
        .insert(catalogueEntries)
        .values(entries.slice(i, i + 500).map((e) => ({ versionId, ...e, digital: info.get(e.occupationCode)?.isDigital ?? false })));
    }
    await t.db.update(catalogueVersions).set({ updatedAt: ctx.now }).where(eq(catalogueVersions.id, versionId));
    await record(t, {
      action: 'catalogue_version.import',
      objectType: 'catalogue_version',
      objectId: versionId,
      regionCode: v.regionCode,
      detail: { rows: entries.length },
    });
    return { imported: entries.length };
  });
}
