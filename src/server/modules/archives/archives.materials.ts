/**
 * 数字化档案材料: uploads by the current custodian's staff, reads by them or the person (each audited), and the
 * staff's list. 档案材料 for custodian staff: the digitised materials of the archives their custodian holds now (an
 * archive transferred away drops out of the list at receipt). Filters: archive number or the person's full
 * name, material class, upload dates; paged; names masked. Seeing the list is audited once per page
 * (`archive.material_list`, with the archives shown), and opening a material is audited like every read
 * (`archive.material_read`, readArchiveMaterial).
 */
import { and, count, desc, eq, gte, ilike, inArray, lt, or, type SQL } from 'drizzle-orm';
import { ARCHIVE_MATERIAL_MAX_BYTES, type ArchiveMaterialCategory, type MaterialListQuery } from '../../../shared/archives.js';
import { AppError } from '../../../shared/errors.js';
import { maskName } from '../../../shared/identifiers.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { record, recordAlone } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { openSealedFile, storeSealedFile } from '../competitions/index.js';
import { archiveFor, staffedCustodians } from './archives.service.js';
import { archiveCustodians, archiveMaterials, personArchives } from './archives.tables.js';

type ActorCtx = Ctx & { actor: Actor };
const FOLDER = 'archives';

function tx<T>(ctx: ActorCtx, fn: (t: ActorCtx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (d) => fn({ ...ctx, db: d as unknown as Db }));
}

/** Staff of the current custodian: add a digitised material. 201; 404; 413; 415. */
export async function uploadArchiveMaterial(
  ctx: ActorCtx,
  archiveId: string,
  input: { title: string; fileName: string; category: ArchiveMaterialCategory; contentType: string; body: unknown },
) {
  const { archive, asStaff } = await archiveFor(ctx, archiveId);
  if (!asStaff) throw new AppError('ARCHIVES_NOT_CUSTODIAN', { status: 403 });
  const stored = await storeSealedFile(ctx, FOLDER, { contentType: input.contentType, body: input.body, maxBytes: ARCHIVE_MATERIAL_MAX_BYTES });
  return tx(ctx, async (t) => {
    const [row] = await t.db
      .insert(archiveMaterials)
      .values({
        archiveId,
        title: input.title,
        category: input.category,
        fileName: input.fileName,
        ...stored,
        uploadedBy: ctx.actor.userId,
        createdAt: ctx.now,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL', { status: 500 });
    await record(t, {
      action: 'archive.material_upload',
      objectType: 'person_archive',
      objectId: archiveId,
      regionCode: archive.regionCode,
      detail: { materialId: row.id, category: row.category, mime: row.mime, sizeBytes: row.sizeBytes },
    });
    return { id: row.id, title: row.title, category: row.category, fileName: row.fileName, mime: row.mime, sizeBytes: row.sizeBytes };
  });
}

/** The current custodian's staff or the person: a material file; every read audited. */
export async function readArchiveMaterial(ctx: ActorCtx, materialId: string) {
  const [m] = await ctx.db.select().from(archiveMaterials).where(eq(archiveMaterials.id, materialId));
  if (!m) throw new AppError('NOT_FOUND', { status: 404 });
  const { archive, asStaff } = await archiveFor(ctx, m.archiveId);
  await recordAlone(ctx, {
    action: 'archive.material_read',
    objectType: 'person_archive',
    objectId: archive.id,
    regionCode: archive.regionCode,
    detail: { materialId: m.id, as: asStaff ? 'custodian' : 'person' },
  });
  return { stream: openSealedFile(ctx, FOLDER, m.storedName), mime: m.mime, fileName: m.fileName };
}

/** 00:00 China time (UTC+8) of a calendar date. */
function chinaDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

const DAY_MS = 86_400_000;

function conditions(custodianIds: string[], q: MaterialListQuery): SQL | undefined {
  const term = q.q?.trim();
  return and(
    inArray(personArchives.custodianId, custodianIds),
    q.category ? eq(archiveMaterials.category, q.category) : undefined,
    q.from ? gte(archiveMaterials.createdAt, chinaDayStart(q.from)) : undefined,
    q.to ? lt(archiveMaterials.createdAt, new Date(chinaDayStart(q.to).getTime() + DAY_MS)) : undefined,
    term ? or(ilike(personArchives.archiveNo, `%${term.replace(/[%_\\]/g, (c) => `\\${c}`)}%`), eq(users.displayName, term)) : undefined,
  );
}

/** Agency staff (their organisation's custodian) and officials (public centres of their region). */
export async function listHeldMaterials(ctx: ActorCtx, q: MaterialListQuery) {
  const mine = await staffedCustodians(ctx);
  const ids = mine.map((c) => c.id);
  if (ids.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = conditions(ids, q);
  const base = ctx.db
    .select({
      id: archiveMaterials.id,
      title: archiveMaterials.title,
      category: archiveMaterials.category,
      fileName: archiveMaterials.fileName,
      mime: archiveMaterials.mime,
      sizeBytes: archiveMaterials.sizeBytes,
      uploadedAt: archiveMaterials.createdAt,
      archiveId: personArchives.id,
      archiveNo: personArchives.archiveNo,
      regionCode: personArchives.regionCode,
      personName: users.displayName,
      custodianName: archiveCustodians.name,
    })
    .from(archiveMaterials)
    .innerJoin(personArchives, eq(personArchives.id, archiveMaterials.archiveId))
    .innerJoin(users, eq(users.id, personArchives.personUserId))
    .innerJoin(archiveCustodians, eq(archiveCustodians.id, personArchives.custodianId));
  const [rows, [total]] = await Promise.all([
    base
      .where(where)
      .orderBy(desc(archiveMaterials.createdAt), desc(archiveMaterials.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: count() })
      .from(archiveMaterials)
      .innerJoin(personArchives, eq(personArchives.id, archiveMaterials.archiveId))
      .innerJoin(users, eq(users.id, personArchives.personUserId))
      .where(where),
  ]);
  const archiveIds = [...new Set(rows.map((r) => r.archiveId))];
  await recordAlone(ctx, {
    action: 'archive.material_list',
    objectType: 'archive_custodian',
    objectId: ids[0],
    regionCode: rows[0]?.regionCode ?? mine[0]?.regionCode,
    detail: {
      as: 'custodian',
      filters: { q: q.q ? 'set' : null, category: q.category ?? null, from: q.from ?? null, to: q.to ?? null, page: q.page },
      total: total?.n ?? 0,
      archives: archiveIds,
    },
  });
  return {
    items: rows.map(({ personName, regionCode: _, uploadedAt, ...r }) => ({ ...r, uploadedAt: uploadedAt.toISOString(), personName: maskName(personName) })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
